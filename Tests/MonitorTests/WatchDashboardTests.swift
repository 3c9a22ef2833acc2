import Monitor
import TerminalUI
import Testing
import TestSupport
import Training
import Watch

/// `mlptop watch`'s dashboard, drawn from a watched log's state into the pure cell buffer.
@Suite struct WatchDashboardTests {
    static func frame(_ records: [WatchRecord]) -> (WatchDashboard, MonitorFrame) {
        var run = WatchedRun(source: "/tmp/run.jsonl", format: "jsonl")
        for record in records { run.absorb(record, arrival: nil) }
        return frame(run, source: "/tmp/run.jsonl")
    }

    /// The watch dashboard and a frame of `run` (read from `source`), the message row empty.
    static func frame(_ run: WatchedRun, source: String) -> (WatchDashboard, MonitorFrame) {
        let dashboard = Dashboard(run: .watched(source: source), theme: Theme(colorMode: .none, glyphs: .ascii),
                                  keyMap: .watch)
        var view = MonitorViewState(layerCount: 1, seed: 0)
        view.absorb(run.state, now: 0)
        view.message = nil
        return (WatchDashboard(dashboard: dashboard), MonitorFrame(state: run.state, view: view, now: 0))
    }

    /// `run` drawn by the watch dashboard into a 60×18 buffer.
    static func rendered(_ run: WatchedRun, source: String) -> CellBuffer {
        let (watch, frame) = frame(run, source: source)
        var buffer = CellBuffer(width: 60, height: 18)
        watch.render(frame, into: &buffer)
        return buffer
    }

    @Test("a log of losses only: the panels say what to log to fill them")
    func lossesOnly() {
        let records = (1...8).map { WatchRecord(epoch: $0, trainLoss: 1 / Double($0), learningRate: 0.1) }
        let (watch, frame) = Self.frame(records)
        var buffer = CellBuffer(width: 60, height: 18)
        watch.render(frame, into: &buffer)
        expectBuffer(buffer, lines: [
            " RUNNING    epoch 8  train loss 0.125  lr 0.1     run.jsonl ",
            "+- Loss ------------------------++- Metrics ---------------+",
            "|* train 0.125                  ||read-only                |",
            "|  1+*                          ||                         |",
            "|   | **                        ||Any other numeric field ~|",
            "|0.5+   **************          ||                         |",
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
