import MLPEngine
import Testing
@testable import Training

/// A snapshot taken after `r` says which seed drew the weights it holds.
struct ResetSnapshotTests {
    @Test func theWeightsSeedOfAResetIsWrittenAndReadBack() throws {
        var (prepared, checkpoint) = try SnapshotTests.trained(epochs: 3)
        checkpoint.state.weightsSeed = 9
        let files = Dictionary(uniqueKeysWithValues: SnapshotWriter.files(checkpoint, run: prepared, screen: nil))
        let model = try JSONParser.parse(try #require(files["model.json"]))
        #expect(model["weights_seed"]?.uint64Value == 9)
        #expect(model["seed"]?.uint64Value == prepared.configuration.seed, "the run's seed still made the data")
        let run = try JSONParser.parse(try #require(files["run.json"]))
        #expect(run["weights_seed"]?.uint64Value == 9)
        let state = try TrainerState(json: JSONParser.parse(try #require(files["state.json"])), network: checkpoint.network)
        #expect(state.weightsSeed == 9)
        // Without a reset there is no weights seed.
        checkpoint.state.weightsSeed = nil
        let plain = Dictionary(uniqueKeysWithValues: SnapshotWriter.files(checkpoint, run: prepared, screen: nil))
        #expect(try JSONParser.parse(try #require(plain["model.json"]))["weights_seed"] == nil)
    }
}

/// Snapshots describe the run as it is when taken.
struct SnapshotAfterChangesTests {
    @Test func modelJSONCarriesTheLearningRateInForce() throws {
        var (prepared, checkpoint) = try SnapshotTests.trained(epochs: 3)
        checkpoint.optimizer.settings.learningRate = 0.2
        let files = Dictionary(uniqueKeysWithValues: SnapshotWriter.files(checkpoint, run: prepared, screen: nil))
        let model = try JSONParser.parse(try #require(files["model.json"]))
        #expect(model["optimizer"]?["lr"]?.doubleValue == 0.2)
        #expect(prepared.configuration.optimizer.learningRate != 0.2)
    }

    @Test func aResetStartsANewRunWhoseSnapshotsSortAfterTheOld() throws {
        let (prepared, checkpoint) = try SnapshotTests.trained(epochs: 12)
        let scratch = try SnapshotTests.Scratch()
        let service = SnapshotService(run: prepared, directory: scratch.path, runStarted: SnapshotTests.started, screen: { _ in nil })
        let before = try service.write(checkpoint)
        var afterReset = checkpoint
        afterReset.epoch = 3
        afterReset.state.generation = 1
        let after = try service.write(afterReset)
        #expect(before < after, "\(after) must sort after \(before)")
        #expect(after.hasSuffix("e000000003"))
    }
}
