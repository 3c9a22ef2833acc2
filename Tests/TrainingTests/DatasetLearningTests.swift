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
        var c = RunConfiguration()
        c.dataset = "moons"
        c.sampleCount = 1_000
        c.noise = 0.1
        c.hiddenSizes = [16, 16]
        c.activation = .tanh
        c.optimizer = OptimizerSettings(kind: .adam, learningRate: 0.01)
        c.epochs = 1_000
        let (_, run) = try Self.train(c)
        let test = try #require(run.evaluateTestSet())
        #expect(test.accuracy >= 0.97)
    }

    @Test func moonsWithNoise02GeneraliseToFreshDraws() throws {
        var c = RunConfiguration()
        c.dataset = "moons"
        c.sampleCount = 1_000
        c.noise = 0.2
        c.hiddenSizes = [16, 16]
        c.activation = .tanh
        c.optimizer = OptimizerSettings(kind: .adam, learningRate: 0.01)
        c.epochs = 600
        let (_, run) = try Self.train(c)
        // Unseen data drawn like scikit-learn's make_moons(noise=0.2), from another seed.
        let fresh = BuiltInDataset.moons.generate(count: 5_000, noise: 0.2, seed: 12345)
        #expect(Self.accuracy(run.network, on: fresh) >= 0.96)
    }

    @Test func twoArmSpiral() throws {
        var c = RunConfiguration()
        c.dataset = "spiral"
        c.sampleCount = 600
        c.hiddenSizes = [32, 32]
        c.activation = .tanh
        c.optimizer = OptimizerSettings(kind: .adam, learningRate: 0.02)
        c.epochs = 1_500
        let (_, run) = try Self.train(c)
        let test = try #require(run.evaluateTestSet())
        #expect(test.accuracy >= 0.95)
    }

    @Test func threeArmSpiralWithSoftmax() throws {
        var c = RunConfiguration()
        c.dataset = "spiral3"
        c.sampleCount = 600
        c.hiddenSizes = [32, 32]
        c.activation = .tanh
        c.optimizer = OptimizerSettings(kind: .adam, learningRate: 0.02)
        c.epochs = 1_500
        let (prepared, run) = try Self.train(c)
        #expect(prepared.network.loss == .softmaxCrossEntropy)
        let test = try #require(run.evaluateTestSet())
        #expect(test.accuracy >= 0.9)
    }
}
