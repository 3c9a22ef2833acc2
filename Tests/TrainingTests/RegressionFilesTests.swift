import Datasets
import Foundation
import MLPEngine
import Testing
@testable import Training

/// What a regression run writes: the log's and metrics.csv's R² columns, no confusion matrix, a
/// boundary.svg of predicted values with points coloured by target.
struct RegressionFilesTests {
    static func trainedPlane(epochs: Int) throws -> (PreparedRun, TrainingCheckpoint) {
        var c = RunConfiguration()
        c.dataset = "plane"
        c.sampleCount = 100
        c.hiddenSizes = [4]
        c.optimizer = OptimizerSettings(kind: .adam, learningRate: 0.03)
        let prepared = try c.prepare()
        let trainer = Trainer(run: prepared.makeTrainingRun(), targetEpochs: 0, startPaused: true,
                              makeNetwork: { prepared.freshNetwork(seed: $0) })
        trainer.start()
        for _ in 0..<epochs { trainer.send(.step) }
        let deadline = Date().addingTimeInterval(20)
        while trainer.state.epoch < epochs && Date() < deadline { usleep(1000) }
        trainer.send(.stop)
        trainer.waitUntilStopped()
        return (prepared, trainer.checkpoint())
    }

    @Test func aSnapshotOfARegressionSaysR2AndHasNoConfusion() throws {
        let (prepared, checkpoint) = try Self.trainedPlane(epochs: 5)
        let files = Dictionary(uniqueKeysWithValues: SnapshotWriter.files(checkpoint, run: prepared, screen: ["screen"]))
        #expect(files["confusion.csv"] == nil)
        #expect(files["screen.txt"] == "screen\n")
        let metrics = try #require(files["metrics.csv"])
        #expect(metrics.hasPrefix("epoch,train_loss,test_loss,train_r2,test_r2,lr,"))
        let model = try JSONParser.parse(try #require(files["model.json"]))
        #expect(model["task"]?.stringValue == "regression" && model["loss"]?.stringValue == "squared-error")
        let run = try JSONParser.parse(try #require(files["run.json"]))
        #expect(run["files"]?.arrayValue?.contains(.string("confusion.csv")) == false)
        // boundary.svg: each point's data-label is its target, its colour the target's shade.
        let svg = try #require(files["boundary.svg"])
        let target = prepared.rawTrainingSet.targets[0]
        #expect(svg.contains("data-label=\"\(target)\""))
        #expect(svg.contains("shade: predicted value"))
    }

    @Test func theLogNamesR2() {
        let report = EpochReport(epoch: 3, trainLoss: 0.25, testLoss: 0.5, trainAccuracy: 0.9, testAccuracy: 0.8,
                                 learningRate: 0.1, gradientNorms: [], seconds: 0.001, samplesPerSecond: 1)
        #expect(RunLog.line(for: report, regression: true).contains("\"train_r2\": 0.9, \"test_r2\": 0.8"))
        #expect(RunLog.line(for: report).contains("\"train_accuracy\": 0.9, \"test_accuracy\": 0.8"))
    }

    @Test func rSquaredIsOneMinusTheMSEOverTheTargetsVariance() {
        let data = Dataset(name: "t", featureNames: ["x"], features: [0, 1, 2, 3], targets: [1, 2, 3, 4])
        #expect(data.targetVariance == 1.25)
        #expect(coefficientOfDetermination(meanSquaredError: 0.125, targetVariance: data.targetVariance) == 0.9)
        #expect(coefficientOfDetermination(meanSquaredError: 0, targetVariance: 0) == 1)
        #expect(coefficientOfDetermination(meanSquaredError: 0.5, targetVariance: 0) == 0)
    }
}
