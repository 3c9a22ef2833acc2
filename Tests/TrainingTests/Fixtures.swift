import Datasets
import MLPEngine
@testable import Training

/// Small, seeded data and runs for the trainer tests.
enum Fixtures {
    /// Two noisy blobs, labels alternating, `count` samples.
    static func blobs(count: Int, seed: UInt64 = 1) -> Dataset {
        var g = SeededGenerator(seed: seed)
        var features: [Double] = []
        var labels: [Int] = []
        for i in 0..<count {
            let label = i % 2
            let centre = label == 0 ? -1.0 : 1.0
            features += [centre + g.nextUniform(-1.2, 1.2), centre + g.nextUniform(-1.2, 1.2)]
            labels.append(label)
        }
        return Dataset(name: "blobs", featureNames: ["x1", "x2"], features: features, labels: labels, classCount: 2)
    }

    static func network(_ sizes: [Int] = [2, 16, 16, 1], seed: UInt64 = 7) -> Network {
        try! Network(sizes: sizes, hidden: .tanh, output: .sigmoid, loss: .bce, seed: seed)
    }

    static func run(
        data: Dataset = blobs(count: 400), network: Network = network(), batch: BatchSize = .full,
        threads: Int = 1, kind: OptimizerKind = .sgd, learningRate: Double = 0.1
    ) -> TrainingRun {
        let optimizer = Optimizer(settings: OptimizerSettings(kind: kind, learningRate: learningRate),
                                  parameterCount: network.parameters.count)
        let empty = Dataset(name: "none", featureNames: data.featureNames, features: [], labels: [], classCount: 2)
        return TrainingRun(network: network, optimizer: optimizer, trainingSet: data, testSet: empty,
                           batchSize: batch, threads: threads, generator: SeededGenerator(seed: 3))
    }
}
