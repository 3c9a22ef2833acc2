/// Where one dense layer's numbers sit inside a network's flat parameter vector.
public struct LayerShape: Sendable, Equatable {
    /// The number of inputs (columns of W).
    public let inputs: Int
    /// The number of neurons (rows of W, entries of b).
    public let outputs: Int
    /// The layer's activation function.
    public let activation: Activation
    /// Offset of W (row-major, `outputs × inputs`, PyTorch's `nn.Linear.weight` layout).
    public let weightOffset: Int
    /// Offset of b (`outputs` numbers), right after W.
    public let biasOffset: Int

    /// The number of weights, biases excluded.
    public var weightCount: Int { inputs * outputs }
    /// The offset just past this layer's biases.
    public var endOffset: Int { biasOffset + outputs }
}

/// A multilayer perceptron: dense layers `z = W·a + b`, `a = f(z)`, and the loss it is trained on.
///
/// All parameters live in one flat vector in PyTorch's order (W₀, b₀, W₁, b₁, …), so gradients,
/// optimiser state and reductions are plain vectors of the same length.
/// A value type, `Sendable`; copying it copies the weights.
public struct Network: Sendable, Equatable, CustomStringConvertible {
    /// The layers' shapes and offsets, input side first.
    public let shapes: [LayerShape]
    /// The loss this network is trained on.
    public let loss: Loss
    /// Every weight and bias, in the order W₀, b₀, W₁, b₁, …
    public var parameters: [Double]

    /// A network of the given layer sizes (`[inputs, hidden…, outputs]`), parameters all zero.
    public init(sizes: [Int], activations: [Activation], loss: Loss) throws(ModelError) {
        guard sizes.count >= 2 else { throw .invalid("a network needs at least one layer") }
        guard activations.count == sizes.count - 1 else {
            throw .invalid("\(sizes.count - 1) layers but \(activations.count) activations")
        }
        var shapes: [LayerShape] = []
        var offset = 0
        for index in 0..<(sizes.count - 1) {
            let inputs = sizes[index], outputs = sizes[index + 1]
            guard inputs > 0, outputs > 0 else {
                throw .invalid("layer \(index): sizes must be positive (got \(inputs)→\(outputs))")
            }
            shapes.append(LayerShape(inputs: inputs, outputs: outputs, activation: activations[index],
                                     weightOffset: offset, biasOffset: offset + inputs * outputs))
            offset += inputs * outputs + outputs
        }
        try Network.validate(shapes: shapes, loss: loss)
        self.shapes = shapes
        self.loss = loss
        self.parameters = Array(repeating: 0, count: offset)
    }

    /// The number of inputs the first layer takes.
    public var inputCount: Int { shapes[0].inputs }
    /// The number of output units of the last layer.
    public var outputCount: Int { shapes[shapes.count - 1].outputs }
    /// The widest layer, inputs included: the size of the scratch rows backprop needs.
    public var maxWidth: Int { shapes.reduce(inputCount) { Swift.max($0, $1.outputs) } }
    /// Layer sizes, inputs first: `[2, 16, 16, 1]`.
    public var sizes: [Int] { [inputCount] + shapes.map(\.outputs) }
    /// The number of weights, biases excluded (what the FLOP counts use).
    public var weightCount: Int { shapes.reduce(0) { $0 + $1.weightCount } }
    /// The number of classes this network predicts: 2 for one output unit, else the unit count.
    public var classCount: Int { outputCount == 1 ? 2 : outputCount }

    /// Layer `index`'s weights, row-major `outputs × inputs`.
    public func weights(ofLayer index: Int) -> ArraySlice<Double> {
        let s = shapes[index]
        return parameters[s.weightOffset..<s.biasOffset]
    }

    /// Layer `index`'s biases.
    public func biases(ofLayer index: Int) -> ArraySlice<Double> {
        let s = shapes[index]
        return parameters[s.biasOffset..<s.endOffset]
    }

    /// `MLP 2 → 16 tanh → 16 tanh → 1 sigmoid, bce`.
    public var description: String {
        "MLP \(inputCount)" + shapes.map { " → \($0.outputs) \($0.activation.rawValue)" }.joined()
            + ", \(loss.rawValue)"
    }

    /// `2-16-16-1`, for status bars.
    public var architecture: String { sizes.map(String.init).joined(separator: "-") }

    /// Checks that the activations and loss fit together; the error names the layer at fault.
    static func validate(shapes: [LayerShape], loss: Loss) throws(ModelError) {
        for (index, shape) in shapes.enumerated().dropLast() where shape.activation.isOutputOnly {
            throw .invalid("layer \(index): \(shape.activation.rawValue) is only allowed on the output layer")
        }
        let last = shapes[shapes.count - 1]
        switch loss {
        case .bce where last.activation != .sigmoid || last.outputs != 1:
            throw .invalid("bce needs a sigmoid output layer with 1 unit "
                           + "(got \(last.activation.rawValue), \(last.outputs) units)")
        case .softmaxCrossEntropy where last.activation != .softmax:
            throw .invalid("softmax-ce needs a softmax output layer (got \(last.activation.rawValue))")
        case .softmaxCrossEntropy where last.outputs < 2:
            throw .invalid("softmax-ce needs at least 2 output units (got \(last.outputs))")
        case .squaredError where last.outputs != 1 || last.activation == .softmax:
            throw .invalid("squared-error (regression) needs 1 output unit, not softmax "
                           + "(got \(last.outputs) \(last.activation.rawValue))")
        default:
            break
        }
    }
}

/// Why a network description or model file was rejected; `description` is one line.
public enum ModelError: Error, Equatable, CustomStringConvertible {
    /// The network itself is inconsistent (sizes, activations, loss), or a model file says
    /// something impossible.
    case invalid(String)
    /// A model file is not valid JSON: 1-based line and column, and why.
    case syntax(line: Int, column: Int, reason: String)

    public var description: String {
        switch self {
        case .invalid(let reason): reason
        case .syntax(let line, let column, let reason): "\(line):\(column): \(reason)"
        }
    }
}
