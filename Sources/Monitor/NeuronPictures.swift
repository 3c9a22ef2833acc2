import MLPEngine
import Training

/// Every neuron's activation over the input plane, as the network view draws it: one batched
/// forward pass of the engine over a grid, kept until the weights change.
public struct NeuronPictures: Sendable, Equatable {
    /// Samples across and up; sample (i, j) is at `j * width + i`, j = 0 the bottom row.
    public var width: Int
    public var height: Int
    /// Each input's value over the grid, scaled to −1…1 by its largest magnitude: `inputs[j][sample]`.
    public var inputs: [[Double]]
    /// Each layer's neurons over the grid, scaled to −1…1: `layers[l][neuron * width * height + sample]`.
    public var layers: [[Double]]

    /// The picture of neuron `neuron` of column `column` (0: the inputs, l + 1: layer l).
    public func picture(column: Int, neuron: Int) -> [Double] {
        let n = width * height
        if column == 0 { return inputs[neuron] }
        return Array(layers[column - 1][(neuron * n)..<((neuron + 1) * n)])
    }

    /// Scales an activation to −1…1 for the diverging palette, as `network.svg` does.
    static func scaled(_ values: ArraySlice<Double>, activation: Activation) -> [Double] {
        SnapshotPictures.scaled(values, activation: activation)
    }

    /// The pictures of `network` over a `width` × `height` grid of the run's input plane.
    public static func evaluate(_ network: Network, run: MonitorRunInfo, width: Int, height: Int) -> NeuronPictures? {
        guard run.hasDecisionMap, width > 0, height > 0 else { return nil }
        let n = width * height
        var features: [Double] = []
        features.reserveCapacity(n * network.inputCount)
        for j in 0..<height {
            for i in 0..<width {
                let x = run.xRange.lowerBound + (Double(i) + 0.5) / Double(width) * (run.xRange.upperBound - run.xRange.lowerBound)
                let y = run.yRange.lowerBound + (Double(j) + 0.5) / Double(height) * (run.yRange.upperBound - run.yRange.lowerBound)
                let input = run.networkInput([x, y])
                guard input.count == network.inputCount else { return nil }
                features += input
            }
        }
        let activations = network.layerActivations(features: features)
        let layers = network.shapes.enumerated().map { index, shape in
            (0..<shape.outputs).flatMap { neuron in
                scaled(activations[index][(neuron * n)..<((neuron + 1) * n)], activation: shape.activation)
            }
        }
        let inputs = (0..<network.inputCount).map { j in
            scaled(ArraySlice((0..<n).map { features[$0 * network.inputCount + j] }), activation: .linear)
        }
        return NeuronPictures(width: width, height: height, inputs: inputs, layers: layers)
    }
}

/// Keeps the neuron pictures until the weights change, re-evaluating a running model at most once
/// per `minimumInterval` (like `DecisionGrid`). A value type; not shared between threads.
public struct NeuronPictureCache {
    struct Key: Hashable {
        var generation: Int
        var epoch: Int
        var edits: Int
    }

    public let run: MonitorRunInfo
    public let minimumInterval: Double
    /// The grid's size.
    public static let gridSize = 24
    private var cached: (key: Key, pictures: NeuronPictures?, at: Double)?

    public init(run: MonitorRunInfo, minimumInterval: Double = 0.2) {
        self.run = run
        self.minimumInterval = minimumInterval
    }

    /// The pictures for `state`'s network at time `now`, from the cache when current enough.
    public mutating func pictures(for state: TrainerState, now: Double) -> NeuronPictures? {
        let key = Key(generation: state.generation, epoch: state.epoch, edits: state.parameterEdits)
        if let cached {
            if cached.key == key { return cached.pictures }
            if cached.key.generation == key.generation, cached.key.edits == key.edits, state.status == .running,
               now - cached.at < minimumInterval {
                return cached.pictures
            }
        }
        let pictures = NeuronPictures.evaluate(state.network, run: run, width: Self.gridSize, height: Self.gridSize)
        cached = (key, pictures, now)
        return pictures
    }
}
