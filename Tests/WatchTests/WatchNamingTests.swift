import Testing
import Training
@testable import Watch

/// One name for a source in the status bar and the messages, and one kind per refused key for
/// "the same key again within 10 s sends it anyway", taken from the command (not its message).
@Suite struct WatchNamingTests {
    @Test func theSourceIsNamedByItsLastPathPart() {
        #expect(WatchedFacts.shortName(of: "/tmp/logs/run.jsonl") == "run.jsonl")
        #expect(WatchedFacts.shortName(of: "run.jsonl") == "run.jsonl")
        #expect(WatchedFacts(source: "runs/version_0", format: "tensorboard").shortSource == "version_0")
    }

    @Test func everyLearningRateKeyIsOneKindOfRefusalAndPauseAnother() {
        #expect(WatchSource.refusalKind(of: .scaleLearningRate(2)) == "lr change")
        #expect(WatchSource.refusalKind(of: .setLearningRate(0.1)) == "lr change")
        #expect(WatchSource.refusalKind(of: .pause) == "pause")
        #expect(WatchSource.refusalKind(of: .snapshot) == "snapshot request")
    }
}
