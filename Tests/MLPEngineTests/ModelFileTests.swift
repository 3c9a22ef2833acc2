import Testing
import MLPEngine

struct ModelFileTests {
    @Test func saveLoadSaveIsByteIdenticalAndPredictsBitIdentically() throws {
        let network = try Network(sizes: [2, 7, 5, 3], hidden: .tanh, output: .softmax, loss: .softmaxCrossEntropy, seed: 11)
        var file = ModelFile(network: network)
        file.setMetadata("seed", .number(UInt64.max))
        file.setMetadata("features", .array([.string("x1"), .string("x2")]))
        let text = file.encoded()
        let loaded = try ModelFile.decode(text)
        #expect(loaded == file)
        #expect(loaded.encoded() == text)
        #expect(loaded.network.parameters.map(\.bitPattern) == network.parameters.map(\.bitPattern))
        #expect(loaded[metadata: "seed"]?.uint64Value == UInt64.max)
        let points: [Double] = [0.1, -0.3, 1e-300, Double.leastNonzeroMagnitude, -0.0, 7.25]
        #expect(loaded.network.outputs(features: points).map(\.bitPattern) == network.outputs(features: points).map(\.bitPattern))
    }

    @Test func extremeNumbersRoundTrip() throws {
        var network = try Network(sizes: [1, 1], activations: [.linear], loss: .mse)
        for value in [Double.leastNonzeroMagnitude, -1.7976931348623157e308, 0.1 + 0.2, -0.0, 1e-7] {
            network.parameters = [value, 1]
            let back = try ModelFile.decode(ModelFile(network: network).encoded()).network.parameters[0]
            #expect(back.bitPattern == value.bitPattern)
        }
    }

    @Test func measurementsThatAreNotFiniteAreWrittenAsNull() throws {
        #expect(JSONValue.measurement(.infinity) == .null && JSONValue.measurement(-.infinity) == .null)
        #expect(JSONValue.measurement(.nan) == .null)
        #expect(JSONValue.measurement(0.25) == .number("0.25"))
    }

    /// `inf` in a model file makes one that no JSON reader accepts: writing it is a programming
    /// error that stops the program, not a file that cannot be read back.
    @Test func aNumberThatIsNotFiniteCannotBeWritten() async {
        await #expect(processExitsWith: .failure) { _ = JSONValue.number(Double.infinity) }
        await #expect(processExitsWith: .failure) { _ = JSONValue.number(-Double.infinity) }
        await #expect(processExitsWith: .failure) {
            var network = try Network(sizes: [1, 1], activations: [.linear], loss: .mse)
            network.parameters = [.nan, 0]
            _ = ModelFile(network: network).encoded()
        }
    }

    @Test func readsTheDocumentedFormatAndIgnoresUnknownKeys() throws {
        let text = """
        {"format": "mlptop.model/v1", "loss": "bce", "comment": {"any": [1, 2]},
         "layers": [{"activation": "relu", "weights": [[1, 2], [3, 4], [5, 6]], "biases": [0.5, 0, -1], "note": 1},
                    {"activation": "sigmoid", "weights": [[1, -1, 0.25]], "biases": [0]}]}
        """
        let file = try ModelFile.decode(text)
        #expect(file.network.sizes == [2, 3, 1])
        #expect(file.network.parameters == [1, 2, 3, 4, 5, 6, 0.5, 0, -1, 1, -1, 0.25, 0])
        #expect(file[metadata: "comment"] != nil)
    }

    static let layer0 = #"{"activation": "tanh", "weights": [[1, 2], [3, 4]], "biases": [0, 0]}"#
    static let rejected: [(String, String)] = [
        ("[]", "the model must be a JSON object"),
        (#"{"loss": "mse", "layers": []}"#, #"missing "format" (expected "mlptop.model/v1")"#),
        (#"{"format": "mlptop.model/v2", "loss": "mse", "layers": []}"#, #"format is "mlptop.model/v2", expected "mlptop.model/v1""#),
        (#"{"format": "mlptop.model/v1", "loss": "hinge", "layers": []}"#, #"unknown loss "hinge" (expected mse, bce or softmax-ce)"#),
        (#"{"format": "mlptop.model/v1", "loss": "mse", "layers": []}"#, #""layers" is empty: a model needs at least one layer"#),
        (#"{"format": "mlptop.model/v1", "loss": "mse", "layers": [{"activation": "gelu", "weights": [[1]], "biases": [0]}]}"#,
         #"layer 0: unknown activation "gelu" (expected sigmoid, tanh, relu, linear or softmax)"#),
        (#"{"format": "mlptop.model/v1", "loss": "mse", "layers": [{"activation": "tanh", "weights": [[1, 2], [3]], "biases": [0, 0]}]}"#,
         "layer 0: weights row 1 has 1 numbers, expected 2"),
        (#"{"format": "mlptop.model/v1", "loss": "mse", "layers": [{"activation": "tanh", "weights": [[1, 2]], "biases": [0, 0]}]}"#,
         "layer 0: 2 biases for 1 weight rows"),
        (#"{"format": "mlptop.model/v1", "loss": "mse", "layers": [\#(layer0), {"activation": "linear", "weights": [[1, 2, 3]], "biases": [0]}]}"#,
         "layer 1 takes 3 inputs but layer 0 has 2 outputs"),
        (#"{"format": "mlptop.model/v1", "loss": "mse", "layers": [{"activation": "tanh", "weights": [[1, 1e999]], "biases": [0]}]}"#,
         "layer 0: weights[0][1] is not a finite number (1e999)"),
        (#"{"format": "mlptop.model/v1", "loss": "mse", "layers": [{"activation": "tanh", "weights": [[1, 1"# + String(repeating: "0", count: 5000)
            + #"]], "biases": [0]}]}"#,
         "layer 0: weights[0][1] is not a finite number (10000000000000000000… (5001 characters))"),
        (#"{"format": "mlptop.model/v1", "loss": "mse", "layers": [{"activation": "tanh", "weights": [[1, "2"]], "biases": [0]}]}"#,
         "layer 0: weights[0][1] is a string, expected a number"),
        (#"{"format": "mlptop.model/v1", "loss": "bce", "layers": [\#(layer0)]}"#,
         "bce needs a sigmoid output layer with 1 unit (got tanh, 2 units)"),
        (#"{"format": "mlptop.model/v1", "loss": "mse", "layers": [{"activation": "softmax", "weights": [[1, 2], [3, 4]], "biases": [0, 0]}, \#(layer0)]}"#,
         "layer 0: softmax is only allowed on the output layer"),
        (#"{"format": "mlptop.model/v1", "loss": "mse", "layers": [{"activation": "tanh", "weights": [[1, NaN]], "biases": [0]}]}"#,
         "1:96: unexpected character 'N'"),
        ("{\"format\": \"mlptop.model/v1\",\n \"loss\": \"mse\" \"layers\": []}", "2:16: expected ',' or '}' in an object"),
    ]

    @Test(arguments: rejected.indices)
    func rejectsBadFilesWithExactMessages(_ index: Int) {
        let (text, message) = Self.rejected[index]
        #expect(performing: { try ModelFile.decode(text) }, throws: { ($0 as? ModelError)?.description == message })
    }
}

struct NetworkDescriptionTests {
    @Test func aNetworkDescribesItself() throws {
        let network = try Network(sizes: [2, 16, 8, 3], hidden: .relu, output: .softmax, loss: .softmaxCrossEntropy, seed: 1)
        #expect(network.description == "MLP 2 → 16 relu → 8 relu → 3 softmax, softmax-ce")
        #expect(network.architecture == "2-16-8-3")
        #expect(network.weightCount == 2 * 16 + 16 * 8 + 8 * 3)
    }
}
