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
