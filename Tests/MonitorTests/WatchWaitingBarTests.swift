import Monitor
import TerminalUI
import Testing
import TestSupport
import Training
import Watch

/// `mlptop watch --wait` before its file exists.
@Suite struct WatchWaitingBarTests {
    static let records = (1...8).map { WatchRecord(epoch: $0, trainLoss: 1 / Double($0)) }

    @Test("--wait before the file exists: WAITING, waiting for its name, no epoch")
    func waitingBar() {
        let buffer = WatchStatusBarTests.bar([], width: 40) { $0.update { $0.waiting = true } }
        expectBuffer(buffer, lines: [
            " WAITING    waiting for run.jsonl       ",
        ])
        // Once a record has come, the bar is the run's again.
        let after = WatchStatusBarTests.bar(Self.records, width: 40) { $0.update { $0.waiting = true } }
        expectBuffer(after, lines: [
            " RUNNING    epoch 8  train loss 0.125   ",
        ])
    }
}
