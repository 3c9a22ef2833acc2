import Datasets
import MLPEngine
import Testing
import Training

/// `InspectReport`: the numbers of `mlptop inspect`, as JSON and as chain-rule lines.
@Suite struct InspectReportTests {
    /// The README's 2-2-1 example (`examples/backprop-2-2-1.*`): Mazur's weights, two rows.
    static func example() throws -> (network: Network, data: Dataset) {
        var network = try Network(sizes: [2, 2, 1], activations: [.sigmoid, .sigmoid], loss: .mse)
        network.parameters = [0.15, 0.2, 0.25, 0.3, 0.35, 0.35, 0.4, 0.45, 0.6]
        let data = Dataset(name: "example", featureNames: ["x1", "x2"], features: [0.05, 0.1, 0.1, 0.05],
                           labels: [0, 1], classCount: 2)
        return (network, data)
    }

    @Test func theReportHoldsTheEnginesTraceAndTheTrainersFullBatchGradient() throws {
        let (network, data) = try Self.example()
        let report = InspectReport(network: network, data: data, sample: 1, threads: 2)
        #expect(report.trace == network.trace(input: [0.1, 0.05], label: 1))
        #expect(report.batch == TrainingRun.fullBatchGradient(network: network, dataset: data, threads: 1))
        #expect(report.sampleCount == 2)
        #expect(report.isFinite)
    }

    @Test func jsonIsTheInspectLayoutWithOutByInGradients() throws {
        let (network, data) = try Self.example()
        let report = InspectReport(network: network, data: data, sample: 0)
        let json = report.json
        #expect(json["format"] == .string("mlptop.inspect/v1"))
        #expect(json["sample"] == .number(0))
        #expect(json["label"] == .number(0))
        #expect(json["input"] == .array([.number(0.05), .number(0.1)]))
        #expect(json["loss"] == .number(report.trace.loss))
        let layers = try #require(json["layers"]?.arrayValue)
        #expect(layers.map { $0.objectValue?.map(\.key) ?? [] }
                == Array(repeating: ["z", "a", "delta", "weight_gradient", "bias_gradient"], count: 2))
        // Hidden layer: 2×2 weight gradient, row k = δₖ·x.
        let rows = try #require(layers[0]["weight_gradient"]?.arrayValue?.map { $0.arrayValue?.compactMap(\.doubleValue) })
        #expect(rows == [Array(report.trace.gradient[0..<2]), Array(report.trace.gradient[2..<4])])
        #expect(layers[1]["delta"] == .array([.number(report.trace.layers[1].delta[0])]))
        let batch = try #require(json["batch"])
        #expect(batch["samples"] == .number(2))
        #expect(batch["loss"] == .number(report.batch.loss))
        let flattened = (batch["weight_gradients"]?.arrayValue ?? []).indices.flatMap { layer in
            (batch["weight_gradients"]?.arrayValue?[layer].arrayValue ?? []).flatMap { $0.arrayValue ?? [] }
                + (batch["bias_gradients"]?.arrayValue?[layer].arrayValue ?? [])
        }
        #expect(flattened == report.batch.gradient.map(JSONValue.number), "the batch gradient in parameter layout")
        // Shortest round-trip numbers: the text reads back to the same Doubles.
        let reread = try JSONParser.parse(json.formatted())
        #expect(reread["loss"]?.doubleValue == report.trace.loss)
        let deltas = reread["layers"]?.arrayValue?.map { $0["delta"]?.arrayValue?.compactMap(\.doubleValue) ?? [] }
        #expect(deltas == report.trace.layers.map(\.delta))
    }

    @Test func textWalksForwardErrorAndBackwardWithTheRealNumbers() throws {
        let (network, data) = try Self.example()
        let text = InspectReport(network: network, data: data, sample: 0).text()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for expected in [
            "sample 0 of 2, label 0: misclassified",
            "network 2-2-1: sigmoid, sigmoid; loss mse",
            "input x = [0.05, 0.1]",
            "  neuron 1  z = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775",
            "            a = sigmoid(0.3775) = 0.5932699921071872",
            "  E = ½·Σ(ŷ − y)² = ½·(0.7513650695523157 − 0)² = 0.2822747338716781",
            "layer 2, output, mse: δ = (ŷ − y)·f′(z), f′(z) = a·(1 − a)",
            "  neuron 1  δ = (0.7513650695523157 − 0)·0.18681560180895948 = 0.14036671764664657",
            "layer 1, hidden: δ = f′(z)·Σ w·δ, f′(z) = a·(1 − a)",
            "  neuron 1  δ = 0.24130070857232525·(0.4·0.14036671764664657) = 0.013548235371242933",
            "    w(1,1)  ∂E/∂w = 0.013548235371242933·0.05 = 0.0006774117685621467   batch 0.00011429462395211529",
            "    b(1)    ∂E/∂b = 0.013548235371242933   batch 0.004530005082331886",
        ] {
            #expect(lines.contains(expected), "missing line: \(expected)\n\(text)")
        }
        // Backward runs output layer first.
        let output = try #require(lines.firstIndex { $0.hasPrefix("layer 2, output") })
        let hidden = try #require(lines.firstIndex { $0.hasPrefix("layer 1, hidden") })
        #expect(output < hidden)
    }

    @Test func asciiSpellingIsPlainASCIIWithDeltaAndDEdw() throws {
        let (network, data) = try Self.example()
        let text = InspectReport(network: network, data: data, sample: 0).text(notation: .ascii)
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(text)")
        #expect(text.contains("  neuron 1  delta = 0.24130070857232525*(0.4*0.14036671764664657) = 0.013548235371242933"))
        #expect(text.contains("dE/dw = 0.013548235371242933*0.05 = 0.0006774117685621467"))
        #expect(text.contains("E = 1/2*sum(y^ - y)^2"))
        #expect(text.contains("forward: z = sum w*a + b, a = f(z)"))
    }

    @Test func theLocaleChoosesTheNotationAsTheMonitorDoes() {
        #expect(ChainRuleNotation.forLocale(environment: [:]) == .unicode)
        #expect(ChainRuleNotation.forLocale(environment: ["LANG": "en_GB.UTF-8"]) == .unicode)
        #expect(ChainRuleNotation.forLocale(environment: ["LANG": "C"]) == .ascii)
        #expect(ChainRuleNotation.forLocale(environment: ["LC_ALL": "", "LC_CTYPE": "C.utf8", "LANG": "C"]) == .unicode)
        #expect(ChainRuleNotation.forLocale(environment: ["LC_ALL": "POSIX", "LANG": "en_US.UTF-8"]) == .ascii)
    }

    /// Each output head names its own δ rule.
    @Test(arguments: [
        (Loss.bce, Activation.sigmoid, 1, "layer 3, output, bce with sigmoid (fused): δ = ŷ − y"),
        (.softmaxCrossEntropy, .softmax, 3, "layer 3, output, softmax-ce (fused): δ = ŷ − y"),
        (.mse, .softmax, 3, "layer 3, output, mse through softmax: δ = ŷ·((ŷ − y) − s), s = Σ ŷ·(ŷ − y) = "),
        (.mse, .tanh, 1, "layer 3, output, mse: δ = (ŷ − y)·f′(z), f′(z) = 1 − a²"),
        (.mse, .linear, 3, "layer 3, output, mse: δ = (ŷ − y)·f′(z), f′(z) = 1"),
    ])
    func everyHeadStatesItsOutputDelta(loss: Loss, output: Activation, outputs: Int, rule: String) throws {
        let network = try Network(sizes: [2, 4, 3, outputs], activations: [.relu, .tanh, output], loss: loss)
        let classes = max(2, outputs)
        let data = Dataset(name: "d", featureNames: ["x1", "x2"], features: (0..<8).map { Double($0) / 4 - 1 },
                           labels: (0..<4).map { $0 % classes == 3 ? 0 : $0 % classes }, classCount: classes)
        let text = InspectReport(network: network, data: data, sample: 2).text()
        #expect(text.contains("\n" + rule), "\(text)")
        #expect(text.contains("layer 1, hidden: δ = f′(z)·Σ w·δ, f′(z) = 1 if z > 0, else 0"))
    }

    @Test func aLongSumShowsItsLargestTermsAndCountsTheRest() throws {
        var network = try Network(sizes: [20, 1], activations: [.sigmoid], loss: .bce)
        network.parameters = (0..<20).map { Double($0 + 1) } + [0.5]
        let data = Dataset(name: "d", featureNames: (1...20).map { "x\($0)" },
                           features: Array(repeating: 1, count: 20) + Array(repeating: -1, count: 20),
                           labels: [1, 0], classCount: 2)
        let text = InspectReport(network: network, data: data, sample: 0).text(termLimit: 5)
        #expect(text.contains("  neuron 1  z = 20.0·1.0 + 19.0·1.0 + 18.0·1.0 + … (17 more terms) + 0.5 = 210.5"), "\(text)")
    }
}
