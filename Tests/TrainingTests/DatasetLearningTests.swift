import Datasets
import MLPEngine
import Testing
@testable import Training

/// Networks trained through the real run set-up reach the accuracies people expect on the classic
/// problems, measured on data they were not trained on.
struct DatasetLearningTests {
    /// Trains `configuration` for its epochs and returns the run.
    static func train(_ configuration: RunConfiguration) throws -> (PreparedRun, TrainingRun) {
        let prepared = try configuration.prepare()
        let run = TrainingRun(network: prepared.network, optimizer: prepared.optimizer,
                              trainingSet: prepared.trainingSet, testSet: prepared.testSet,
                              batchSize: prepared.batch, threads: 2, generator: SeededGenerator(seed: 5))
        for _ in 0..<configuration.epochs { _ = run.runEpoch() }
        return (prepared, run)
    }

    /// A tanh network with Adam on a built-in data set.
    static func configuration(_ dataset: String, count: Int, noise: Double? = nil, hidden: [Int], lr: Double,
                              epochs: Int) -> RunConfiguration {
        var c = RunConfiguration()
        c.dataset = dataset
        c.sampleCount = count
        c.noise = noise
        c.hiddenSizes = hidden
        c.activation = .tanh
        c.optimizer = OptimizerSettings(kind: .adam, learningRate: lr)
        c.epochs = epochs
        return c
    }

    static func accuracy(_ network: Network, on data: Dataset) -> Double {
        let outputs = network.outputs(features: data.features)
        let k = network.outputCount
        var correct = 0
        for i in 0..<data.count {
            let predicted = k == 1 ? (outputs[i] >= 0.5 ? 1 : 0)
                : (0..<k).max { outputs[i * k + $0] < outputs[i * k + $1] }!
            if predicted == data.labels[i] { correct += 1 }
        }
        return Double(correct) / Double(data.count)
    }

    @Test func moonsWithLowNoise() throws {
        let (_, run) = try Self.train(Self.configuration("moons", count: 1_000, noise: 0.1, hidden: [16, 16], lr: 0.01,
                                                         epochs: 1_000))
        let test = try #require(run.evaluateTestSet())
        #expect(test.accuracy >= 0.97)
    }

    @Test func moonsWithNoise02GeneraliseToFreshDraws() throws {
        let (_, run) = try Self.train(Self.configuration("moons", count: 1_000, noise: 0.2, hidden: [16, 16], lr: 0.01,
                                                         epochs: 600))
        // Unseen data drawn like scikit-learn's make_moons(noise=0.2), from another seed.
        let fresh = BuiltInDataset.moons.generate(count: 5_000, noise: 0.2, seed: 12345)
        #expect(Self.accuracy(run.network, on: fresh) >= 0.96)
    }

    @Test func twoArmSpiral() throws {
        let (_, run) = try Self.train(Self.configuration("spiral", count: 600, hidden: [32, 32], lr: 0.02, epochs: 1_500))
        let test = try #require(run.evaluateTestSet())
        #expect(test.accuracy >= 0.95)
    }

    @Test func threeArmSpiralWithSoftmax() throws {
        let (prepared, run) = try Self.train(Self.configuration("spiral3", count: 600, hidden: [32, 32], lr: 0.02,
                                                                epochs: 1_500))
        #expect(prepared.network.loss == .softmaxCrossEntropy)
        let test = try #require(run.evaluateTestSet())
        #expect(test.accuracy >= 0.9)
    }
}
