import MLPEngine

extension Network {
    /// ∂E/∂a of layer `layer` for the sample `trace` followed: `Σₖ wₖⱼ δₖ` over the next layer, the
    /// δ of neuron j before its derivative, as the engine's own backward pass sums it (its kernel,
    /// its order of terms, its rounding). Nil for the output layer, which has no next layer.
    ///
    /// The engine keeps only δ = f′(z)·Σ w·δ, so the sum is taken from a second trace, of the layers
    /// above `layer` with an identity layer of linear neurons in front, fed this layer's a: the
    /// identity passes a on exactly (1·a plus zeros), the layers above compute what they computed,
    /// and the identity layer's δ is the very sum, times f′ = 1. O(width² + weights above).
    public func backwardSums(of trace: SampleTrace, layer: Int) -> [Double]? {
        guard shapes.indices.contains(layer), layer < shapes.count - 1, trace.layers.count == shapes.count else { return nil }
        let width = shapes[layer].outputs
        let above = shapes[(layer + 1)...]
        guard var relay = try? Network(sizes: [width, width] + above.map(\.outputs),
                                       activations: [.linear] + above.map(\.activation), loss: loss) else { return nil }
        var identity = [Double](repeating: 0, count: width * width + width)
        for j in 0..<width { identity[j * width + j] = 1 }
        relay.parameters = identity + parameters[above.first!.weightOffset...]
        return relay.trace(input: trace.layers[layer].a, label: trace.label).layers[0].delta
    }
}
