extension ModelFile {
    /// Reads a model from JSON text; errors say which layer and what is wrong, in one line.
    public static func decode(_ text: String) throws(ModelError) -> ModelFile {
        try decode(bytes: Array(text.utf8))
    }

    /// Reads a model from JSON bytes.
    public static func decode(bytes: [UInt8]) throws(ModelError) -> ModelFile {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes: bytes)
        } catch {
            throw .syntax(line: error.line, column: error.column, reason: error.reason)
        }
        return try decode(json: root)
    }

    /// Reads a model from a parsed JSON value.
    public static func decode(json root: JSONValue) throws(ModelError) -> ModelFile {
        guard let members = root.objectValue else { throw .invalid("the model must be a JSON object") }
        guard let format = root["format"] else { throw .invalid("missing \"format\" (expected \"\(ModelFile.format)\")") }
        guard format.stringValue == ModelFile.format else {
            throw .invalid("format is \(describe(format)), expected \"\(ModelFile.format)\"")
        }
        guard let lossValue = root["loss"] else { throw .invalid("missing \"loss\"") }
        guard let lossName = lossValue.stringValue, let loss = Loss(rawValue: lossName) else {
            throw .invalid("unknown loss \(describe(lossValue)) (expected mse, bce or softmax-ce)")
        }
        guard let layersValue = root["layers"] else { throw .invalid("missing \"layers\"") }
        guard let layers = layersValue.arrayValue else { throw .invalid("\"layers\" must be an array") }
        guard !layers.isEmpty else { throw .invalid("\"layers\" is empty: a model needs at least one layer") }

        var sizes: [Int] = []
        var activations: [Activation] = []
        var values: [Double] = []
        for (index, layer) in layers.enumerated() {
            let parsed = try decodeLayer(layer, index: index, expectedInputs: sizes.last)
            if sizes.isEmpty { sizes.append(parsed.inputs) }
            sizes.append(parsed.outputs)
            activations.append(parsed.activation)
            values += parsed.values
        }
        var network = try Network(sizes: sizes, activations: activations, loss: loss)
        network.parameters = values
        let metadata = members.filter { !["format", "loss", "layers"].contains($0.key) }
        return ModelFile(network: network, metadata: metadata)
    }

    private static func describe(_ value: JSONValue) -> String {
        if let s = value.stringValue { return "\"\(s)\"" }
        return value.kindName
    }

    private static func decodeLayer(
        _ layer: JSONValue, index: Int, expectedInputs: Int?
    ) throws(ModelError) -> (inputs: Int, outputs: Int, activation: Activation, values: [Double]) {
        let name = "layer \(index)"
        guard layer.objectValue != nil else { throw .invalid("\(name): must be an object") }
        guard let activationValue = layer["activation"] else { throw .invalid("\(name): missing \"activation\"") }
        guard let activationName = activationValue.stringValue, let activation = Activation(rawValue: activationName) else {
            throw .invalid("\(name): unknown activation \(describe(activationValue)) "
                           + "(expected sigmoid, tanh, relu, linear or softmax)")
        }
        guard let rows = layer["weights"]?.arrayValue else { throw .invalid("\(name): \"weights\" must be an array of rows") }
        guard !rows.isEmpty else { throw .invalid("\(name): \"weights\" has no rows") }
        guard let biases = layer["biases"]?.arrayValue else { throw .invalid("\(name): \"biases\" must be an array") }
        var values: [Double] = []
        var inputs = -1
        for (r, row) in rows.enumerated() {
            guard let numbers = row.arrayValue else { throw .invalid("\(name): weights row \(r) is \(row.kindName), expected an array") }
            if inputs < 0 {
                inputs = numbers.count
                guard inputs > 0 else { throw .invalid("\(name): weights row 0 is empty") }
                if let expected = expectedInputs, expected != inputs {
                    throw .invalid("\(name) takes \(inputs) inputs but layer \(index - 1) has \(expected) outputs")
                }
            } else if numbers.count != inputs {
                throw .invalid("\(name): weights row \(r) has \(numbers.count) numbers, expected \(inputs)")
            }
            for (c, number) in numbers.enumerated() {
                values.append(try finite(number, "\(name): weights[\(r)][\(c)]"))
            }
        }
        guard biases.count == rows.count else {
            throw .invalid("\(name): \(biases.count) biases for \(rows.count) weight rows")
        }
        for (i, number) in biases.enumerated() { values.append(try finite(number, "\(name): biases[\(i)]")) }
        return (inputs, rows.count, activation, values)
    }

    private static func finite(_ value: JSONValue, _ place: String) throws(ModelError) -> Double {
        guard case .number(let text) = value else { throw .invalid("\(place) is \(value.kindName), expected a number") }
        guard let number = Double(text), number.isFinite else {
            let shown = text.count > 24 ? text.prefix(20) + "… (\(text.count) characters)" : text
            throw .invalid("\(place) is not a finite number (\(shown))")
        }
        return number
    }
}
