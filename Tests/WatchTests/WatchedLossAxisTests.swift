import Foundation
import Testing
@testable import Training
@testable import Watch

/// A watch snapshot's loss.svg after a restart: the epoch axis in the log's own epochs (counting
/// again after the restart, so it ends at the epoch the title names), and the `restart` label
/// above the plot, where no curve can run under it.
@Suite struct WatchedLossAxisTests {
    static func svg(_ run: WatchedRun) -> String {
        SnapshotPictures.loss(history: run.state.history, learningRateChanges: [],
                              title: SnapshotWriter.watchedTitle(run.state, facts: run.facts), restarts: run.facts.restarts,
                              restartOffsets: run.facts.restartOffsets, axisName: run.facts.axis)
    }

    /// The texts of `class` in the linear panel, with their y.
    static func texts(_ svg: String, class name: String) -> [(y: Double, text: String)] {
        svg.split(separator: "\n").filter { $0.contains("class=\"\(name)\" data-panel=\"linear\"") }.compactMap { line in
            guard let y = line.split(separator: "y=\"").dropFirst().first?.split(separator: "\"").first,
                  let text = line.split(separator: ">").dropFirst().first?.split(separator: "<").first
            else { return nil }
            return (Double(y) ?? .nan, String(text))
        }
    }

    @Test func theAxisCountsTheLogsEpochsAndTheRestartLabelIsAboveThePlot() {
        // Epochs 1–4, then 1–3 again: the chart runs on to 7, the log is at epoch 3.
        let svg = Self.svg(WatchedSnapshotFilesTests.restarted())
        #expect(svg.contains(">seg.jsonl, epoch 3 (segment 2)</text>"))
        #expect(Self.texts(svg, class: "x-tick").map(\.text) == ["0", "1", "2", "3", "4", "1", "2", "3"])
        #expect(svg.contains(">epoch (as logged: counts again after each restart)</text>"))
        let plotTop = 70.0
        let labels = Self.texts(svg, class: "restart-label")
        #expect(labels.count == 1 && labels.allSatisfy { $0.y < plotTop && $0.text == "restart" })
    }

    /// A restart after a chart epoch that is not a tick: each segment's ticks are still round
    /// numbers of its own epochs (here 0…35 then 10, 20), none crowding the one before.
    @Test func eachSegmentTicksAtRoundLoggedEpochs() {
        var run = WatchedRun(source: "r.jsonl", format: "jsonl")
        for epoch in 1...37 { run.absorb(WatchRecord(epoch: epoch, trainLoss: 1), arrival: nil) }
        for epoch in 1...25 { run.absorb(WatchRecord(epoch: epoch, trainLoss: 1), arrival: nil) }
        let ticks = Self.texts(Self.svg(run), class: "x-tick").map(\.text)
        #expect(ticks == ["0", "10", "20", "30", "10", "20"])
        // Without offsets (a trained run's chart) the axis is the chart's, unchanged.
        let plain = SnapshotPictures.loss(history: run.state.history, learningRateChanges: [], restarts: run.facts.restarts)
        #expect(Self.texts(plain, class: "x-tick").map(\.text) == ["0", "10", "20", "30", "40", "50", "60"])
        #expect(plain.contains("class=\"x-name\">epoch</text>"))
    }

    /// A segment shorter than a tick step still shows its last epoch, as logged.
    @Test func aShortLastSegmentShowsItsLastEpoch() {
        var run = WatchedRun(source: "r.jsonl", format: "jsonl")
        for epoch in 1...60 { run.absorb(WatchRecord(epoch: epoch, trainLoss: 1), arrival: nil) }
        for epoch in 1...5 { run.absorb(WatchRecord(epoch: epoch, trainLoss: 1), arrival: nil) }
        #expect(Self.texts(Self.svg(run), class: "x-tick").map(\.text) == ["0", "10", "20", "30", "40", "50", "60", "5"])
    }
}
