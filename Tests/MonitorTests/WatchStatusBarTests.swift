import Monitor
import TerminalUI
import Testing
import TestSupport
import Training
import Watch

/// `mlptop watch`'s status bar says what is known of the writer, and only that.
@Suite struct WatchStatusBarTests {
    static func bar(_ records: [WatchRecord], width: Int = 60, _ change: (inout WatchedRun) -> Void = { _ in }) -> CellBuffer {
        var run = WatchedRun(source: "/tmp/run.jsonl", format: "jsonl")
        for record in records { run.absorb(record, arrival: nil) }
        change(&run)
        let dashboard = Dashboard(run: .watched(source: "/tmp/run.jsonl"), theme: Theme(colorMode: .none, glyphs: .ascii),
                                  keyMap: .watch)
        let state = run.state
        var buffer = CellBuffer(width: width, height: 1)
        WatchDashboard(dashboard: dashboard).statusBar(for: state, facts: state.watched!, width: width)
            .render(in: buffer.area, into: &buffer)
        return buffer
    }

    static let records = (1...8).map { WatchRecord(epoch: $0, trainLoss: 1 / Double($0), learningRate: 0.1) }

    @Test("a pause asked while the log still grows is PAUSING; PAUSED once the log stops")
    func pausing() {
        func asked(_ run: inout WatchedRun) {
            run.update { $0.pauseRequested = true }
            run.setStatus(.paused)
        }
        expectBuffer(Self.bar(Self.records, asked), lines: [
            " PAUSING    epoch 8  train 0.125  test -  lr 0.1  - epochs/s",
        ])
        expectBuffer(Self.bar(Self.records) { asked(&$0); $0.update { $0.quiet = true } }, lines: [
            " PAUSED     epoch 8  train 0.125  test -  lr 0.1  - epochs/s",
        ])
    }
}
