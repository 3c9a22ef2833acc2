/// A model in the documented `mlptop.model/v1` JSON format: the network plus free metadata.
///
/// ```
/// {"format": "mlptop.model/v1",
///  "loss": "mse" | "bce" | "softmax-ce",
///  ...metadata...,
///  "layers": [{"activation": "sigmoid"|"tanh"|"relu"|"linear"|"softmax",
///              "weights": [[...], ...],   // one row per output neuron (nn.Linear.weight)
///              "biases": [...]}, ...]}
/// ```
/// Readers ignore unknown keys; top-level ones are kept as `metadata` and written back in order.
/// Numbers are written in Swift's shortest round-trip form, so they read back bit-exact.
public struct ModelFile: Sendable, Equatable {
    /// The format tag this reader and writer speak.
    public static let format = "mlptop.model/v1"

    public var network: Network
    /// Top-level members other than `format`, `loss` and `layers`, in document order.
    public var metadata: [(key: String, value: JSONValue)]

    public init(network: Network, metadata: [(key: String, value: JSONValue)] = []) {
        self.network = network
        self.metadata = metadata
    }

    public static func == (lhs: ModelFile, rhs: ModelFile) -> Bool {
        lhs.network == rhs.network && JSONValue.object(lhs.metadata) == JSONValue.object(rhs.metadata)
    }

    /// The metadata member `key`, or nil.
    public subscript(metadata key: String) -> JSONValue? {
        metadata.first { $0.key == key }?.value
    }

    /// Sets (or replaces, keeping its place) the metadata member `key`.
    public mutating func setMetadata(_ key: String, _ value: JSONValue) {
        if let i = metadata.firstIndex(where: { $0.key == key }) {
            metadata[i].value = value
        } else {
            metadata.append((key, value))
        }
    }

    /// The model as a JSON value.
    public var json: JSONValue {
        let layers: [JSONValue] = network.shapes.enumerated().map { index, shape in
            let w = network.weights(ofLayer: index)
            let rows: [JSONValue] = (0..<shape.outputs).map { o in
                let start = w.startIndex + o * shape.inputs
                return .array(w[start..<start + shape.inputs].map(JSONValue.number))
            }
            return .object([
                ("activation", .string(shape.activation.rawValue)),
                ("weights", .array(rows)),
                ("biases", .array(network.biases(ofLayer: index).map(JSONValue.number))),
            ])
        }
        var members: [(key: String, value: JSONValue)] = [
            ("format", .string(ModelFile.format)), ("loss", .string(network.loss.rawValue)),
        ]
        members += metadata
        members.append(("layers", .array(layers)))
        return .object(members)
    }

    /// The model as JSON text, ending with a newline. Same model, same bytes.
    public func encoded() -> String { json.formatted() + "\n" }
}
