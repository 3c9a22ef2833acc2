import Monitor
import TerminalUI
import Testing
import TestSupport
import Training
import Watch

/// After a restart in a watched log, the dashboard shows the new segment, not the run before.
@Suite struct WatchSegmentDashboardTests {
    @Test("after a restart: the log's own epoch; accuracy, gradient norms and the extra's value of the run before gone")
    func restartClearsTheRunBefore() {
        let before = (1...100).map {
            WatchRecord(epoch: $0, trainLoss: 1 / Double($0), trainAccuracy: 0.9, gradientNorms: [0.1, 0.2],
                        extras: [.init(name: "f1", value: 0.5)])
        }
        let after = (1...10).map { WatchRecord(epoch: $0, trainLoss: 2 / Double($0)) }
        let (watch, frame) = WatchDashboardTests.frame(before + after)
        var buffer = CellBuffer(width: 60, height: 18)
        watch.render(frame, into: &buffer)
        expectBuffer(buffer, lines: [
            " RUNNING    epoch 10  train loss 0.2              run.jsonl ",
            "+- Loss ------------------------++- Metrics: f1 -----------+",
            "|* train 0.2                    ||1 restart  read-only     |",
            "|2+                   restart*  ||* f1 (before the restart)|",
            "| |                          *  ||0.6+                     |",
            "|1+*                        *** ||0.5+*********************|",
            "|0+ *************************:**||0.4+                     |",
            "| +-------------------------+---||   +----------+---------+|",
            "|                          100  ||             50       100|",
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

    @Test("after a restart whose segment logs no test loss, the legend shows none (not the run before's)")
    func legendForgetsTheTestLossOfTheRunBefore() {
        let before = (1...20).map { WatchRecord(epoch: $0, trainLoss: 1 / Double($0), testLoss: 1.1 / Double($0)) }
        let after = (1...10).map { WatchRecord(epoch: $0, trainLoss: 0.5 / Double($0)) }
        let (watch, frame) = WatchDashboardTests.frame(before + after)
        var buffer = CellBuffer(width: 60, height: 18)
        watch.render(frame, into: &buffer)
        #expect(buffer.lines[2].hasPrefix("|* train 0.05  o test  "), "\(buffer.lines[2])")
        // Before the restart the legend gave the test loss.
        let (plain, plainFrame) = WatchDashboardTests.frame(before)
        var first = CellBuffer(width: 60, height: 18)
        plain.render(plainFrame, into: &first)
        #expect(first.lines[2].hasPrefix("|* train 0.05  o test 0.055  "), "\(first.lines[2])")
    }
}

