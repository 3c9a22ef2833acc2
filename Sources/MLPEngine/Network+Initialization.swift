extension Network {
    /// A network with seeded, reproducible initial parameters.
    ///
    /// Weights: Xavier/Glorot uniform, U(−√(6/(in+out)), +√(6/(in+out))), for sigmoid, tanh, linear
    /// and softmax layers; He uniform, U(−√(6/in), +√(6/in)), for ReLU layers. Biases: U(−0.1, 0.1).
    /// Drawn layer by layer, weights row by row then biases, from `SeededGenerator(seed:)`. Only
    /// integer arithmetic, one multiply-add and `sqrt` (correctly rounded) are involved, so the same
    /// seed gives the same numbers on every machine.
    public init(sizes: [Int], hidden: Activation, output: Activation, loss: Loss, seed: UInt64) throws(ModelError) {
        let activations = (0..<max(0, sizes.count - 1)).map { $0 == sizes.count - 2 ? output : hidden }
        try self.init(sizes: sizes, activations: activations, loss: loss, seed: seed)
    }

    /// A network with one activation per layer and seeded initial parameters, drawn as above.
    public init(sizes: [Int], activations: [Activation], loss: Loss, seed: UInt64) throws(ModelError) {
        try self.init(sizes: sizes, activations: activations, loss: loss)
        var generator = SeededGenerator(seed: seed)
        for shape in shapes {
            let fanIn = Double(shape.inputs), fanOut = Double(shape.outputs)
            let bound = shape.activation == .relu ? (6 / fanIn).squareRoot() : (6 / (fanIn + fanOut)).squareRoot()
            for i in shape.weightOffset..<shape.biasOffset {
                parameters[i] = generator.nextUniform(-bound, bound)
            }
            for i in shape.biasOffset..<shape.endOffset {
                parameters[i] = generator.nextUniform(-0.1, 0.1)
            }
        }
    }
}
