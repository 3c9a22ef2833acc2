/// The mean loss, the accuracy and the gradient of one batch.
public struct BatchGradient: Sendable, Equatable {
    /// Mean loss over the batch.
    public var loss: Double
    /// Fraction of the batch classified correctly.
    public var accuracy: Double
    /// ∂E/∂parameters in the network's parameter layout.
    public var gradient: [Double]

    public init(loss: Double, accuracy: Double, gradient: [Double]) {
        self.loss = loss
        self.accuracy = accuracy
        self.gradient = gradient
    }
}

extension Network {
    /// Adds the gradient share of samples `range` (of `order` when given, else of the table itself)
    /// to `gradient`, in workspace-sized shards, and returns their loss and accuracy totals.
    ///
    /// `features` is row-major `n × featureCount`; the shards are visited in order, so the result
    /// depends only on the inputs and the workspace capacity.
    public func accumulateGradient(
        features: UnsafePointer<Double>, labels: UnsafePointer<Int>, featureCount: Int,
        range: Range<Int>, order: UnsafePointer<Int>? = nil, batchSize: Int,
        workspace: Workspace, into gradient: UnsafeMutablePointer<Double>
    ) -> PassTotals {
        var totals = PassTotals()
        var start = range.lowerBound
        while start < range.upperBound {
            let end = Swift.min(start + workspace.capacity, range.upperBound)
            workspace.load(features: features, labels: labels, featureCount: featureCount,
                           range: start..<end, indices: order)
            totals = totals + accumulateGradient(workspace, batchSize: batchSize, into: gradient)
            start = end
        }
        return totals
    }

    /// Loss and accuracy totals of samples `range` without computing gradients.
    public func evaluate(
        features: UnsafePointer<Double>, labels: UnsafePointer<Int>, featureCount: Int,
        range: Range<Int>, workspace: Workspace
    ) -> PassTotals {
        var totals = PassTotals()
        var start = range.lowerBound
        while start < range.upperBound {
            let end = Swift.min(start + workspace.capacity, range.upperBound)
            workspace.load(features: features, labels: labels, featureCount: featureCount, range: start..<end)
            forward(workspace)
            totals = totals + self.totals(workspace)
            start = end
        }
        return totals
    }

    /// Mean loss, accuracy and gradient over a whole table of samples: the convenient,
    /// allocating form for tests and tools. `features` is row-major, `labels.count` rows.
    public func batchGradient(features: [Double], labels: [Int], shardSize: Int = 256) -> BatchGradient {
        let n = labels.count
        precondition(n > 0 && features.count == n * inputCount, "features must be labels.count × inputs")
        var gradient = [Double](repeating: 0, count: parameters.count)
        let workspace = Workspace(for: self, capacity: Swift.min(shardSize, n))
        let totals = features.withUnsafeBufferPointer { f in
            labels.withUnsafeBufferPointer { l in
                gradient.withUnsafeMutableBufferPointer { g in
                    accumulateGradient(features: f.baseAddress!, labels: l.baseAddress!,
                                       featureCount: inputCount, range: 0..<n, batchSize: n,
                                       workspace: workspace, into: g.baseAddress!)
                }
            }
        }
        return BatchGradient(loss: totals.lossSum / Double(n), accuracy: Double(totals.correct) / Double(n),
                             gradient: gradient)
    }

    /// The mean loss over a table of samples (no gradient).
    public func meanLoss(features: [Double], labels: [Int]) -> Double {
        let n = labels.count
        let workspace = Workspace(for: self, capacity: Swift.min(256, Swift.max(n, 1)))
        let totals = features.withUnsafeBufferPointer { f in
            labels.withUnsafeBufferPointer { l in
                evaluate(features: f.baseAddress!, labels: l.baseAddress!, featureCount: inputCount,
                         range: 0..<n, workspace: workspace)
            }
        }
        return totals.lossSum / Double(n)
    }

    /// The output activations for each row of `features` (row-major), `outputCount` numbers per
    /// sample, sample-major: `result[i * outputCount + k]`.
    public func outputs(features: [Double]) -> [Double] {
        let n = features.count / inputCount
        guard n > 0 else { return [] }
        let capacity = Swift.min(256, n)
        let workspace = Workspace(for: self, capacity: capacity)
        let labels = [Int](repeating: 0, count: n)
        var result = [Double](repeating: 0, count: n * outputCount)
        let k = outputCount
        features.withUnsafeBufferPointer { f in
            labels.withUnsafeBufferPointer { l in
                var start = 0
                while start < n {
                    let end = Swift.min(start + capacity, n)
                    workspace.load(features: f.baseAddress!, labels: l.baseAddress!, featureCount: inputCount,
                                   range: start..<end)
                    forward(workspace)
                    let a = workspace.a[shapes.count - 1], count = end - start
                    for s in 0..<count {
                        for unit in 0..<k { result[(start + s) * k + unit] = a[unit * count + s] }
                    }
                    start = end
                }
            }
        }
        return result
    }

    /// The L2 norms of ∂E/∂W and ∂E/∂b of each layer, from a gradient in the parameter layout.
    public func gradientNorms(_ gradient: [Double]) -> [(weights: Double, biases: Double)] {
        shapes.map { shape in
            var w = 0.0, b = 0.0
            for i in shape.weightOffset..<shape.biasOffset { w += gradient[i] * gradient[i] }
            for i in shape.biasOffset..<shape.endOffset { b += gradient[i] * gradient[i] }
            return (w.squareRoot(), b.squareRoot())
        }
    }
}
