import MLPEngine

extension DecisionGrid {
    /// The network's prediction at `count` x values evenly spread over `run.xRange` (sample i at
    /// the centre of the i-th of `count` equal slices), one batched forward pass: the curve of a
    /// one-input regression, as `FunctionPlot` takes it. O(count × weights).
    func evaluateCurve(_ network: Network, count: Int) -> DecisionSamples {
        let x = run.xRange, dx = (x.upperBound - x.lowerBound) / Double(max(1, count))
        var features: [Double] = []
        features.reserveCapacity(count * network.inputCount)
        for i in 0..<count {
            let input = run.networkInput([x.lowerBound + (Double(i) + 0.5) * dx])
            guard input.count == network.inputCount else {
                return DecisionSamples(width: count, height: 1, probabilities: [], classCount: network.classCount)
            }
            features.append(contentsOf: input)
        }
        return DecisionSamples(width: count, height: 1, probabilities: network.outputs(features: features),
                               classCount: network.classCount)
    }
}
