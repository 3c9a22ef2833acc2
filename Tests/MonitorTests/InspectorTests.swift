import MLPEngine
import Monitor
import Testing
import Training

/// The inspector's text for a 2-2-1 sigmoid/MSE network whose every number can be worked by hand:
/// inputs (0.05, 0.10), target 1, W₁ = [[0.15, 0.20], [0.25, 0.30]], b₁ = 0.35, W₂ = [0.40, 0.45], b₂ = 0.60.
@Suite struct InspectorTests {
    static func network() throws -> Network {
        var network = try Network(sizes: [2, 2, 1], activations: [.sigmoid, .sigmoid], loss: .mse)
        network.parameters = [0.15, 0.20, 0.25, 0.30, 0.35, 0.35, 0.40, 0.45, 0.60]
        return network
    }

    static func lines(layer: Int, neuron: Int, input: Int, phase: BackpropPhase? = nil, ascii: Bool = false) throws -> [String] {
        let network = try network()
        var selection = NetworkViewState(sizes: network.sizes, sampleCount: 1)
        selection.move(dx: layer - selection.layer, dy: neuron)
        selection.input = input
        selection.phase = phase
        let trace = network.trace(input: [0.05, 0.10], label: 1)
        return Inspector(network: network, trace: trace, selection: selection, lastStep: nil, inputNames: ["x1", "x2"],
                         ascii: ascii).lines.map(\.text)
    }

    @Test func theSampleLineNamesTheClassAsTheDataDid() throws {
        let network = try Self.network()
        let selection = NetworkViewState(sizes: network.sizes, sampleCount: 1)
        var inspector = Inspector(network: network, trace: network.trace(input: [0.05, 0.10], label: 1), selection: selection,
                                  lastStep: nil, inputNames: ["x1", "x2"], ascii: false)
        inspector.classNames = ["benign", "malignant"]
        #expect(inspector.lines.map(\.text)[1] == "sample 0 of 1: class malignant, right, E = 0.03091")
        // 0-based as `inspect --sample`, with the row of the data that flag takes.
        inspector.dataRows = [7]
        #expect(inspector.lines.map(\.text)[1] == "sample 0 of 1 (row 7): class malignant, right, E = 0.03091")
    }

    @Test func aHiddenNeuronsForwardAndBackwardWithItsOwnNumbers() throws {
        // z₁ = 0.15·0.05 + 0.20·0.10 + 0.35 = 0.3775, a₁ = σ(z₁) = 0.593270; the output
        // z = 0.40·0.593270 + 0.45·0.596884 + 0.60 = 1.105906, ŷ = 0.751365, δ = (ŷ − 1)·ŷ(1 − ŷ) = −0.046449;
        // δ₁ = a₁(1 − a₁)·0.40·δ = −0.004483, ∂E/∂w(1,1) = δ₁·x1 = −0.000224.
        let lines = try Self.lines(layer: 0, neuron: 0, input: 0)
        #expect(lines == [
            "neuron 1 of layer 1 (hidden, 2→2 sigmoid)",
            "sample 0 of 1: class 1, right, E = 0.03091",
            "forward  z = Σ w·a + b",
            "  w(1,2)·x2 = +0.2 × 0.1 = +0.02",
            "> w(1,1)·x1 = +0.15 × 0.05 = +0.0075",
            "  b(1) = +0.35",
            "  z = +0.3775",
            "  a = sigmoid(z) = +0.5933",
            "backward  δ = ∂E/∂z  (w, δ of layer 2)",
            "  w(1,1)·δ1 = +0.4 × (-0.04645) = -0.01858",
            "  Σ w·δ = -0.01858,  f′(z) = a(1 − a) = +0.2413",
            "  δ = f′(z)·Σ w·δ = -0.004483",
            "gradient  w(1,1)  (Tab picks)",
            "  ∂E/∂w = δ·x1 = -0.004483 × 0.05 = -0.0002242",
            "  (this sample alone)",
            "  batch mean: after the first step",
            "update",
            "  no step yet: n trains one epoch",
        ])
    }

    @Test func theOutputsDeltaIsMSEsChainRuleAndASCIIModeSpellsItOut() throws {
        let lines = try Self.lines(layer: 1, neuron: 0, input: 2, phase: .loss, ascii: true)
        #expect(lines == [
            "neuron 1 of layer 2 (output, 2->1 sigmoid)",
            "sample 0 of 1: class 1, right, E = 0.03091",
            "phase: loss  (p next, Esc all)",
            "loss  E = mse",
            "  y^1 = +0.7514, y = 1",
            "  E = 1/2*sum(y^ - y)^2 = 1/2*(0.7514 - 1)^2 = 0.03091",
            "  delta = (y^ - y)*f'(z), f'(z) = a(1 - a) = +0.1868",
            "    = (0.7514 - 1)*f'(z) = -0.04645",
        ])
    }
}

/// The loss phase writes E out with this sample's numbers, as `mlptop inspect` does, and names the
/// sigmoid+BCE shortcut behind δ = ŷ − y.
@Suite struct InspectorLossFormulaTests {
    @Test func bceIsWrittenOutAndItsShortcutNamed() throws {
        var network = try Network(sizes: [2, 2, 1], activations: [.sigmoid, .sigmoid], loss: .bce)
        network.parameters = [0.15, 0.20, 0.25, 0.30, 0.35, 0.35, 0.40, 0.45, 0.60]
        var selection = NetworkViewState(sizes: network.sizes, sampleCount: 1)
        selection.move(dx: 1, dy: 0)
        selection.phase = .loss
        let lines = Inspector(network: network, trace: network.trace(input: [0.05, 0.10], label: 1), selection: selection,
                              lastStep: nil, inputNames: ["x1", "x2"], ascii: false).lines.map(\.text)
        // ŷ = 0.751365: E = −ln ŷ = 0.28586, δ = ŷ − 1.
        #expect(Array(lines.suffix(4)) == [
            "  ŷ1 = +0.7514, y = 1",
            "  E = −[y·ln ŷ + (1−y)·ln(1−ŷ)] = −ln(0.7514) = 0.2859",
            "  δ = ŷ − y = 0.7514 − 1 = -0.2486",
            "  (the sigmoid+BCE shortcut: f′(z) cancels out of ∂E/∂z)",
        ])
    }
}

/// Output neurons are named by the class they stand for where the data name their classes.
@Suite struct InspectorOutputClassTests {
    static func lines(classNames: [String]) throws -> [String] {
        var network = try Network(sizes: [2, 2, 1], activations: [.sigmoid, .sigmoid], loss: .bce)
        network.parameters = [0.15, 0.20, 0.25, 0.30, 0.35, 0.35, 0.40, 0.45, 0.60]
        var selection = NetworkViewState(sizes: network.sizes, sampleCount: 1)
        selection.move(dx: 1, dy: 0)
        selection.phase = .loss
        var inspector = Inspector(network: network, trace: network.trace(input: [0.05, 0.10], label: 1), selection: selection,
                                  lastStep: nil, inputNames: ["x1", "x2"], ascii: false)
        inspector.classNames = classNames
        return inspector.lines.map(\.text)
    }

    @Test func aNamedClassNamesItsOutput() throws {
        let lines = try Self.lines(classNames: ["benign", "malignant"])
        #expect(lines[0] == "neuron 1 of layer 2 (output: malignant, 2→1 sigmoid)")
        #expect(lines.contains("  ŷ1 (malignant) = +0.7514, y = 1"))
    }

    @Test func classesKnownByNumberAddNothing() throws {
        let lines = try Self.lines(classNames: ["0", "1"])
        #expect(lines[0] == "neuron 1 of layer 2 (output, 2→1 sigmoid)")
        #expect(lines.contains("  ŷ1 = +0.7514, y = 1"))
    }
}

/// A negative number after an operator is written in parentheses (`+0.4 × (-0.25)`), in the
/// forward, backward and gradient lines alike, so no two signs meet.
@Suite struct InspectorOperandTests {
    @Test func aNegativeOperandIsInParentheses() throws {
        let network = try InspectorTests.network()
        var selection = NetworkViewState(sizes: network.sizes, sampleCount: 1)
        selection.move(dx: -selection.layer, dy: 0)
        selection.input = 1
        let lines = Inspector(network: network, trace: network.trace(input: [0.05, -0.25], label: 1), selection: selection,
                              lastStep: nil, inputNames: ["x1", "x2"], ascii: false).lines.map(\.text)
        #expect(lines.contains("> w(1,2)·x2 = +0.2 × (-0.25) = -0.05"))
        #expect(lines.contains { $0.hasPrefix("  ∂E/∂w = δ·x2 = ") && $0.contains(" × (-0.25) = ") })
        #expect(!lines.contains { $0.contains("× -") || $0.contains("× +") })
    }
}
