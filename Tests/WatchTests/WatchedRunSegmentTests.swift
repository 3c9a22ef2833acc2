import Testing
@testable import Training
@testable import Watch

/// A restart in a watched log (the epoch going back) begins a segment that shows only what it logs.
@Suite struct WatchedRunSegmentTests {
    static let weights: [[[Double]]] = [[[1, 2], [3, 4], [5, 6]], [[1, 1, 1]]]

    /// Epochs 1–100 with accuracy, lr, an extra, gradient norms and weights; then 1–10 with a loss only.
    static func restarted() -> WatchedRun {
        var run = WatchedRun(source: "seg.jsonl", format: "jsonl")
        for epoch in 1...100 {
            run.absorb(WatchRecord(epoch: epoch, step: epoch * 10, trainLoss: 1 / Double(epoch), trainAccuracy: 0.9,
                                   learningRate: 0.1, gradientNorms: [0.1, 0.2],
                                   weights: epoch == 100 ? weights : nil, extras: [.init(name: "f1", value: 0.5)]),
                       arrival: nil)
        }
        #expect(run.facts.weightsEpoch == 100 && run.facts.step == 1000)
        for epoch in 1...10 { run.absorb(WatchRecord(epoch: epoch, trainLoss: 2 / Double(epoch)), arrival: nil) }
        return run
    }

    @Test func theLogsOwnEpochIsKeptBesideTheChartsAxis() throws {
        let run = Self.restarted()
        #expect(run.state.epoch == 110)
        #expect(run.facts.loggedEpoch == 10)
        // A snapshot's watch.json gives the log's epoch, and the chart's beside it.
        let json = SnapshotWriter.watchJSON(run.state, facts: run.facts)
        #expect(json["epoch"]?.doubleValue == 10)
        #expect(json["chart_epoch"]?.doubleValue == 110)
    }

    @Test func whatOnlyTheSegmentBeforeLoggedIsForgotten() {
        let run = Self.restarted()
        #expect(run.facts.logged == ["train_loss"])
        #expect(run.facts.step == nil && run.facts.weightsEpoch == nil)
        #expect(run.facts.extras.map(\.inSegment) == [false])
        #expect(run.state.latest?.trainAccuracy.isNaN == true && run.state.latest?.trainLoss == 0.2)
        #expect(run.state.latest?.gradientNorms == [] && run.state.gradientNormHistory.isEmpty)
        #expect(run.state.learningRate.isNaN)
        // The loss history goes on across the restart.
        #expect(run.state.history.trainLoss.buckets.count == 110)
    }

    @Test func anExtraLoggedAgainBelongsToTheNewSegment() {
        var run = Self.restarted()
        run.absorb(WatchRecord(epoch: 11, trainLoss: 0.1, extras: [.init(name: "f1", value: 0.7)]), arrival: nil)
        #expect(run.facts.extras.map(\.inSegment) == [true] && run.facts.extras[0].latest == 0.7)
        #expect(run.facts.logged == ["train_loss"])
    }
}
