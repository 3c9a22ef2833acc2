import Monitor
import TerminalUI
import Testing
import TestSupport
import Training
import Watch

/// `mlptop watch` on a source its keys cannot steer.
@Suite struct WatchReadOnlyLegendTests {
    @Test("a read-only source's legend leaves out the keys that only reach the writer")
    func readOnlyLegend() {
        var run = WatchedRun(source: "standard input", format: "jsonl")
        for record in (1...8).map({ WatchRecord(epoch: $0, trainLoss: 1 / Double($0)) }) { run.absorb(record, arrival: nil) }
        run.update { $0.readOnlyReason = "this source is read-only (only a JSONL file has a control file)" }
        expectBuffer(WatchDashboardTests.rendered(run, source: "standard input"), lines: [
            " RUNNING    epoch 8  train loss 0.125        standard input ",
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
            "s snapshot  x curve  Tab layer  ? help  q quit              ",
        ])
    }
}
