/// One layer's numbers for one sample: `z = W·a + b`, `a = f(z)` and `δ = ∂E/∂z`, one entry per
/// neuron.
public struct LayerTrace: Sendable, Equatable {
    /// The weighted input of each neuron.
    public var z: [Double]
    /// The activation of each neuron, `f(z)`.
    public var a: [Double]
    /// ∂E/∂z of each neuron, for this sample alone (a batch of one: no 1/m).
    public var delta: [Double]
    /// ∂E/∂a of each neuron of a hidden layer, `Σₖ wₖⱼ δₖ` over the next layer: the sum the pass
    /// formed before taking the derivative (`δ = f′(z)·sum`); nil for the output layer.
    public var backwardSum: [Double]?
}

/// Everything one forward and backward pass computes for one sample, read out of the engine's
/// own pass (`Network.accumulateGradient` on a workspace of one sample).
public struct SampleTrace: Sendable, Equatable {
    /// The network's inputs (after any feature map and standardisation): a₀.
    public var input: [Double]
    /// The sample's class.
    public var label: Int
    /// E of this sample alone.
    public var loss: Double
    /// Whether the network classifies it correctly.
    public var isCorrect: Bool
    /// One entry per layer, input side first.
    public var layers: [LayerTrace]
    /// ∂E/∂parameters of this sample alone (a batch of one), in the network's parameter layout:
    /// layer l's `∂E/∂W = δₗ·aₗ₋₁ᵀ` and `∂E/∂b = δₗ`.
    public var gradient: [Double]

    /// The activations feeding layer `layer`: the input for layer 0, else the previous layer's a.
    public func incoming(toLayer layer: Int) -> [Double] {
        layer == 0 ? input : layers[layer - 1].a
    }
}

extension Network {
    /// Forward and backward pass of one sample through the engine's own code, with every
    /// intermediate number kept: z, a and δ of each layer, the loss and the gradient of a batch of
    /// one. `input` has `inputCount` numbers. O(weights).
    public func trace(input: [Double], label: Int) -> SampleTrace {
        precondition(input.count == inputCount, "a trace needs \(inputCount) inputs")
        let workspace = Workspace(for: self, capacity: 1)
        input.withUnsafeBufferPointer { f in
            [label].withUnsafeBufferPointer { l in
                workspace.load(features: f.baseAddress!, labels: l.baseAddress!, featureCount: inputCount, range: 0..<1)
            }
        }
        var gradient = [Double](repeating: 0, count: parameters.count)
        var deltas = [[Double]](repeating: [], count: shapes.count)
        var sums = [[Double]?](repeating: nil, count: shapes.count)
        let totals = gradient.withUnsafeMutableBufferPointer { g in
            accumulateGradient(workspace, batchSize: 1, into: g.baseAddress!, observeDelta: { layer, delta in
                deltas[layer] = Array(UnsafeBufferPointer(start: delta, count: shapes[layer].outputs))
            }, observeBackwardSum: { layer, sum in
                sums[layer] = Array(UnsafeBufferPointer(start: sum, count: shapes[layer].outputs))
            })
        }
        let layers = shapes.indices.map { index in
            let n = shapes[index].outputs
            return LayerTrace(z: Array(UnsafeBufferPointer(start: workspace.z[index], count: n)),
                              a: Array(UnsafeBufferPointer(start: workspace.a[index], count: n)),
                              delta: deltas[index], backwardSum: sums[index])
        }
        return SampleTrace(input: input, label: label, loss: totals.lossSum, isCorrect: totals.correct == 1,
                           layers: layers, gradient: gradient)
    }

    /// Every layer's activations for each row of `features` (row-major, `inputCount` per row), by
    /// the engine's forward pass: `result[layer][neuron * n + sample]`. What the network view draws
    /// as each neuron's picture over the input plane. O(weights × n).
    public func layerActivations(features: [Double]) -> [[Double]] {
        let n = features.count / inputCount
        var result = shapes.map { [Double](repeating: 0, count: $0.outputs * n) }
        guard n > 0 else { return result }
        let capacity = Swift.min(256, n)
        let workspace = Workspace(for: self, capacity: capacity)
        let labels = [Int](repeating: 0, count: capacity)
        features.withUnsafeBufferPointer { f in
            labels.withUnsafeBufferPointer { l in
                var start = 0
                while start < n {
                    let end = Swift.min(start + capacity, n), count = end - start
                    workspace.load(features: f.baseAddress! + start * inputCount, labels: l.baseAddress!,
                                   featureCount: inputCount, range: 0..<count)
                    forward(workspace)
                    for (index, shape) in shapes.enumerated() {
                        let a = workspace.a[index]
                        for neuron in 0..<shape.outputs {
                            for s in 0..<count { result[index][neuron * n + start + s] = a[neuron * count + s] }
                        }
                    }
                    start = end
                }
            }
        }
        return result
    }

    /// The index in `parameters` of layer `layer`'s weight from input `input` into neuron
    /// `neuron`, or of the neuron's bias when `input` equals the layer's input count.
    public func parameterIndex(layer: Int, neuron: Int, input: Int) -> Int {
        let shape = shapes[layer]
        return input == shape.inputs ? shape.biasOffset + neuron : shape.weightOffset + neuron * shape.inputs + input
    }
}

extension Network {
    /// A parameter's name as the monitor shows it, 1-based: `layer 2 w(3,5)` is the weight from
    /// input 5 into neuron 3 of layer 2, `layer 2 b(3)` that neuron's bias.
    public func parameterName(_ index: Int) -> String {
        guard let layer = shapes.firstIndex(where: { index < $0.endOffset }), index >= 0 else { return "parameter \(index)" }
        let shape = shapes[layer]
        if index >= shape.biasOffset { return "layer \(layer + 1) b(\(index - shape.biasOffset + 1))" }
        let offset = index - shape.weightOffset
        return "layer \(layer + 1) w(\(offset / shape.inputs + 1),\(offset % shape.inputs + 1))"
    }
}

extension Network {
    /// Each sample's own loss (a batch of one), by the engine's forward pass and loss:
    /// what the inspector ranks to find the worst-classified sample. O(weights × n).
    public func sampleLosses(features: [Double], labels: [Int]) -> [Double] {
        let n = labels.count
        precondition(features.count == n * inputCount, "features must be labels.count × inputs")
        guard n > 0 else { return [] }
        let workspace = Workspace(for: self, capacity: 1)
        var losses = [Double](repeating: 0, count: n)
        features.withUnsafeBufferPointer { f in
            labels.withUnsafeBufferPointer { l in
                for s in 0..<n {
                    workspace.load(features: f.baseAddress!, labels: l.baseAddress!, featureCount: inputCount, range: s..<(s + 1))
                    forward(workspace)
                    losses[s] = totals(workspace).lossSum
                }
            }
        }
        return losses
    }
}
