import Datasets
import MLPEngine
import Training

/// One fixed benchmark workload: a network, a data set and a batch size, trained from a fixed
/// seed with plain gradient descent. The same definitions as the PyTorch reference benchmark
/// (`bench.py`): data noise 0.1 and seed 1, initial weights from seed 7.
public struct Workload: Sendable, Equatable {
    public var name: String
    public var sizes: [Int]
    public var hidden: Activation
    public var loss: Loss
    public var dataset: BuiltInDataset
    public var samples: Int
    public var learningRate: Double
    /// nil: full batch (one step per epoch).
    public var batch: Int?

    /// small, medium, large and minibatch, in that order.
    public static let all: [Workload] = [
        Workload(name: "small", sizes: [2, 8, 8, 1], hidden: .sigmoid, loss: .mse, dataset: .xor, samples: 200,
                 learningRate: 0.5, batch: nil),
        Workload(name: "medium", sizes: [2, 32, 32, 1], hidden: .tanh, loss: .bce, dataset: .circle, samples: 2_000,
                 learningRate: 0.1, batch: nil),
        Workload(name: "large", sizes: [2, 256, 256, 1], hidden: .relu, loss: .bce, dataset: .spiral, samples: 20_000,
                 learningRate: 0.01, batch: nil),
        Workload(name: "minibatch", sizes: [2, 16, 16, 1], hidden: .relu, loss: .bce, dataset: .moons, samples: 2_000,
                 learningRate: 0.05, batch: 32),
    ]

    /// The network at its fixed initial weights.
    public func network() -> Network {
        try! Network(sizes: sizes, hidden: hidden, output: .sigmoid, loss: loss, seed: 7)
    }

    /// The workload's data set.
    public func data() -> Dataset {
        dataset.generate(count: samples, noise: 0.1, seed: 1)
    }

    /// Floating-point operations per epoch: 6 × weights × samples (forward 2, backward 4).
    public var flopsPerEpoch: Double {
        var weights = 0
        for i in 0..<(sizes.count - 1) { weights += sizes[i] * sizes[i + 1] }
        return 6 * Double(weights) * Double(samples)
    }

    /// A training run of this workload on `threads` threads, ready to step.
    public func makeRun(threads: Int) -> TrainingRun {
        let network = network()
        let data = data()
        let empty = Dataset(name: "none", featureNames: data.featureNames, features: [], labels: [], classCount: 2)
        let optimizer = Optimizer(settings: OptimizerSettings(kind: .sgd, learningRate: learningRate),
                                  parameterCount: network.parameters.count)
        return TrainingRun(network: network, optimizer: optimizer, trainingSet: data, testSet: empty,
                           batchSize: batch.map(BatchSize.samples) ?? .full, threads: threads,
                           generator: SeededGenerator(seed: 1))
    }
}
