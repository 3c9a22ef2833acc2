import MLPEngine

extension InspectReport {
    /// The format tag of `json`.
    public static let format = "mlptop.inspect/v1"

    /// The report in the `mlptop.inspect/v1` layout:
    ///
    /// ```
    /// {"format": "mlptop.inspect/v1", "sample": I, "label": y, "input": [...],
    ///  "loss": E_of_this_sample,
    ///  "layers": [{"z": [...], "a": [...], "delta": [...],
    ///              "weight_gradient": [[...]], "bias_gradient": [...]}, ...],
    ///  "batch": {"loss": mean_loss, "weight_gradients": [[[...]]], "bias_gradients": [[...]]}}
    /// ```
    /// Layers input side first; `weight_gradient` is out×in like the model's weights. The sample's
    /// values are those of a batch of one (no 1/m); the batch's are the mean over every row.
    /// Numbers in Swift's shortest round-trip form, so they read back bit-exact.
    ///
    /// - Precondition: `isFinite`.
    public var json: JSONValue {
        let layers: [JSONValue] = trace.layers.indices.map { index in
            let layer = trace.layers[index]
            let gradient = split(trace.gradient, layer: index)
            return .object([
                ("z", Self.vector(layer.z)), ("a", Self.vector(layer.a)), ("delta", Self.vector(layer.delta)),
                ("weight_gradient", .array(gradient.weights.map(Self.vector))),
                ("bias_gradient", Self.vector(gradient.biases)),
            ])
        }
        let batchGradients = network.shapes.indices.map { split(batch.gradient, layer: $0) }
        return .object([
            ("format", .string(Self.format)),
            ("sample", .number(sample)),
            ("label", .number(trace.label)),
            ("input", Self.vector(trace.input)),
            ("loss", .number(trace.loss)),
            ("layers", .array(layers)),
            ("batch", .object([
                ("samples", .number(sampleCount)),
                ("loss", .number(batch.loss)),
                ("weight_gradients", .array(batchGradients.map { .array($0.weights.map(Self.vector)) })),
                ("bias_gradients", .array(batchGradients.map { Self.vector($0.biases) })),
            ])),
        ])
    }

    private static func vector(_ values: [Double]) -> JSONValue { .array(values.map(JSONValue.number)) }
}
