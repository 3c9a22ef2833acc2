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
            " PAUSING    epoch 8  train loss 0.125  lr 0.1     run.jsonl ",
        ])
        expectBuffer(Self.bar(Self.records) { asked(&$0); $0.update { $0.quiet = true } }, lines: [
            " PAUSED     epoch 8  train loss 0.125  lr 0.1     run.jsonl ",
        ])
        // Sent into a silent log and no line since: nothing says a writer took it.
        expectBuffer(Self.bar(Self.records) {
            asked(&$0)
            $0.update {
                $0.quiet = true
                $0.pauseUnanswered = true
            }
        }, lines: [
            " PAUSING    epoch 8  train loss 0.125  lr 0.1     run.jsonl ",
        ])
    }

    @Test("no lr, no test loss and no speed logged: left out, not dashes between double spaces")
    func unknownFieldsLeftOut() {
        let records = (1...8).map { WatchRecord(epoch: $0, trainLoss: 1 / Double($0)) }
        expectBuffer(Self.bar(records, width: 40), lines: [
            " RUNNING    epoch 8  train loss 0.125   ",
        ])
        let both = (1...8).map { WatchRecord(epoch: $0, trainLoss: 1 / Double($0), testLoss: 2 / Double($0)) }
        expectBuffer(Self.bar(both, width: 40), lines: [
            " RUNNING    epoch 8  loss 0.125/0.25    ",
        ])
    }

    @Test("bad lines are counted in the metrics panel only when there were some")
    func badLines() {
        var run = WatchedRun(source: "/tmp/run.jsonl", format: "jsonl")
        for record in Self.records { run.absorb(record, arrival: nil) }
        run.update { $0.skipped = 2 }
        expectBuffer(WatchDashboardTests.rendered(run, source: "/tmp/run.jsonl"), lines: [
            " RUNNING    epoch 8  train loss 0.125  lr 0.1     run.jsonl ",
            "+- Loss ------------------------++- Metrics ---------------+",
            "|* train 0.125                  ||2 bad lines skipped      |",
            "|  1+*                          ||read-only                |",
            "|   | **                        ||                         |",
            "|0.5+   **************          ||Any other numeric field ~|",
            "|  0+                 **********||                         |",
            "|   +---------------+-----------||                         |",
            "|                   5           ||                         |",
            "+-------------------------------++-------------------------+",
            "+- Weights ------------------++- Gradient norms -----------+",
            "|No weights logged yet.      ||No gradient norms logged ye~|",
            "|Log \"weights\": one matrix p~||Log \"grad_norms\": a number ~|",
            "|(as nn.Linear.weight), e.g.~||mlptop_log: run.log_model(m~|",
            "|mlptop_log: run.log_model(m~||                            |",
            "+----------------------------++----------------------------+",
            "                                                            ",
            "Space pause +/- lr s snapshot x curve ~ ? help q quit       ",
        ])
    }
}

extension WatchStatusBarTests {
    @Test("after a restart the bar shows the log's own epoch and only what the new segment logged")
    func restartShowsTheNewSegment() {
        let before = (1...100).map { WatchRecord(epoch: $0, trainLoss: 0.1, trainAccuracy: 0.9, learningRate: 0.1) }
        let after = (1...10).map { WatchRecord(epoch: $0, trainLoss: 2 / Double($0)) }
        expectBuffer(Self.bar(before + after, width: 40), lines: [
            " RUNNING    epoch 10  train loss 0.2    ",
        ])
    }
}
