/// The loss and accuracy counts of a pass over some samples, before averaging.
public struct PassTotals: Sendable, Equatable {
    /// The summed per-sample loss (divide by the sample count for the mean).
    public var lossSum: Double
    /// How many samples were classified correctly.
    public var correct: Int

    public init(lossSum: Double = 0, correct: Int = 0) {
        self.lossSum = lossSum
        self.correct = correct
    }

    /// Adds another pass's totals (in a fixed order, for reproducible sums).
    public static func + (lhs: PassTotals, rhs: PassTotals) -> PassTotals {
        PassTotals(lossSum: lhs.lossSum + rhs.lossSum, correct: lhs.correct + rhs.correct)
    }
}

extension Network {
    /// Forward pass over the samples loaded in `workspace`: zₗ = Wₗ·aₗ₋₁ + bₗ, aₗ = fₗ(zₗ) for every
    /// layer, cached in the workspace. O(weights × count); allocates nothing.
    public func forward(_ workspace: Workspace) {
        let count = workspace.count
        parameters.withUnsafeBufferPointer { p in
            let base = p.baseAddress!
            var input = UnsafePointer(workspace.input)
            for (index, shape) in shapes.enumerated() {
                let z = workspace.z[index], a = workspace.a[index]
                MatrixProduct.forward(weights: base + shape.weightOffset, biases: base + shape.biasOffset,
                                      input: input, into: z, m: shape.outputs, n: count, k: shape.inputs)
                shape.activation.apply(z, into: a, neurons: shape.outputs, count: count)
                input = UnsafePointer(a)
            }
        }
    }

    /// The loss summed over the loaded samples and how many of them the outputs classify correctly;
    /// call after `forward`.
    public func totals(_ workspace: Workspace) -> PassTotals {
        let last = shapes.count - 1
        let count = workspace.count
        let z = UnsafePointer(workspace.z[last]), a = UnsafePointer(workspace.a[last])
        let lossSum = loss.total(z: z, a: a, labels: workspace.labels, outputs: outputCount, count: count)
        var correct = 0
        // A regression sample is never counted correct: its label word is a target, not a class.
        for s in 0..<count where loss != .squaredError && Network.predictedClass(a, column: s, outputs: outputCount, count: count)
            == workspace.labels[s] {
            correct += 1
        }
        return PassTotals(lossSum: lossSum, correct: correct)
    }

    /// Forward and backward pass over the loaded samples, which are `workspace.count` of a batch of
    /// `batchSize`: adds their share of ∂E/∂parameters (already divided by `batchSize`) to
    /// `gradient`, in the parameter layout, and returns their loss and accuracy totals.
    ///
    /// Backpropagation, layer by layer from the output: δ_L from the loss (fused for sigmoid+BCE
    /// and softmax+CE), then for each layer dW += δ·aₗ₋₁ᵀ, db += Σ δ, and δₗ₋₁ = (Wᵀ·δ) ⊙ f'(zₗ₋₁),
    /// reusing the cached z and a. O(weights × count); allocates nothing.
    ///
    /// `observeDelta`, when given, sees each layer's δ = ∂E/∂z (`outputs × count`, already divided
    /// by `batchSize`) as the pass computes it, output layer first: the inspector reads the numbers
    /// the trainer's own pass produced rather than a second derivation. `observeBackwardSum`, when
    /// given, sees each hidden layer's ∂E/∂a = Wᵀ·δ of the layer above, before its derivative
    /// (the pass then applies the derivative as a step of its own: the same bits).
    @discardableResult
    public func accumulateGradient(
        _ workspace: Workspace, batchSize: Int, into gradient: UnsafeMutablePointer<Double>,
        observeDelta: ((_ layer: Int, _ delta: UnsafePointer<Double>) -> Void)? = nil,
        observeBackwardSum: ((_ layer: Int, _ sum: UnsafePointer<Double>) -> Void)? = nil
    ) -> PassTotals {
        forward(workspace)
        let result = totals(workspace)
        let count = workspace.count
        var delta = workspace.deltaCurrent, spare = workspace.deltaPrevious
        let last = shapes.count - 1
        loss.outputDelta(z: workspace.z[last], a: workspace.a[last], labels: workspace.labels,
                         outputs: outputCount, count: count, batchSize: batchSize,
                         activation: shapes[last].activation, into: delta)
        parameters.withUnsafeBufferPointer { p in
            let base = p.baseAddress!
            for index in stride(from: last, through: 0, by: -1) {
                let shape = shapes[index]
                observeDelta?(index, delta)
                let previous = index == 0 ? UnsafePointer(workspace.input) : UnsafePointer(workspace.a[index - 1])
                MatrixProduct.weightGradient(delta: delta, input: previous, weights: gradient + shape.weightOffset,
                                             biases: gradient + shape.biasOffset,
                                             m: shape.outputs, n: shape.inputs, k: count)
                guard index > 0 else { break }
                // The first layer's δ feeds only its own gradient: when no one observes it, the
                // two steps can go in one pass that never stores it.
                if index == 1, observeDelta == nil, observeBackwardSum == nil,
                   MatrixProduct.backwardToFirstLayerGradient(
                       weights: base + shape.weightOffset, delta: delta, scratch: spare, first: shapes[0],
                       n: count, k: shape.outputs, z: workspace.z[0], a: workspace.a[0],
                       input: workspace.input, gradient: gradient) { break }
                let below = shapes[index - 1].activation, z = workspace.z[index - 1], a = workspace.a[index - 1]
                if let observeBackwardSum {
                    MatrixProduct.backward(weights: base + shape.weightOffset, delta: delta, into: spare,
                                           m: shape.inputs, n: count, k: shape.outputs, activation: .linear, z: z, a: a)
                    observeBackwardSum(index - 1, spare)
                    MatrixProduct.applyDerivative(below, to: spare, z: z, a: a, neurons: shape.inputs, count: count)
                } else {
                    MatrixProduct.backward(weights: base + shape.weightOffset, delta: delta, into: spare,
                                           m: shape.inputs, n: count, k: shape.outputs, activation: below, z: z, a: a)
                }
                swap(&delta, &spare)
            }
        }
        return result
    }

    /// The class the outputs in column `column` predict: output ≥ 0.5 for one unit, else argmax.
    @inlinable
    static func predictedClass(_ a: UnsafePointer<Double>, column: Int, outputs: Int, count: Int) -> Int {
        if outputs == 1 { return a[column] >= 0.5 ? 1 : 0 }
        var best = 0
        for k in 1..<outputs where a[k * count + column] > a[best * count + column] { best = k }
        return best
    }
}
