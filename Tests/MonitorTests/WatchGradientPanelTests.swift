import Monitor
import TerminalUI
import Testing
import TestSupport
import Training
import Watch

/// `mlptop watch`'s gradient panel: a row per layer the log gives a norm for, named by its shape
/// only when logged weights give it.
@Suite struct WatchGradientPanelTests {
    static func render(_ records: [WatchRecord]) -> CellBuffer {
        let (watch, frame) = WatchDashboardTests.frame(records)
        var buffer = CellBuffer(width: 60, height: 18)
        watch.render(frame, into: &buffer)
        return buffer
    }

    @Test("norms without weights: one row per layer, labelled layer k, no invented shape")
    func normsWithoutWeights() {
        let records = (1...8).map { WatchRecord(epoch: $0, trainLoss: 1 / Double($0), gradientNorms: [0.1, 0.2, 0.3]) }
        expectBuffer(Self.render(records), lines: [
            " RUNNING    epoch 8  train loss 0.125             run.jsonl ",
            "+- Loss ------------------------++- Metrics ---------------+",
            "|* train 0.125                  ||read-only                |",
            "|  1+*                          ||                         |",
            "|   | **                        ||Any other numeric field ~|",
            "|0.5+   **************          ||                         |",
            "|  0+                 **********||                         |",
            "|   +---------------+-----------||                         |",
            "|                   5           ||                         |",
            "+-------------------------------++-------------------------+",
            "+- Weights ------------------++- Gradient norms (log sca~ -+",
            "|No weights logged yet.      ||layer      |dW|         hist|",
            "|Log \"weights\": one matrix p~||layer 1  1.0e-1         .   |",
            "|(as nn.Linear.weight), e.g.~||layer 2  2.0e-1         -   |",
            "|mlptop_log: run.log_model(m~||layer 3  3.0e-1         -   |",
            "+----------------------------++----------------------------+",
            "                                                            ",
            "Space pause +/- lr s snapshot x curve ~ ? help q quit       ",
        ])
    }

    @Test("norms with weights: the weights give each layer's shape")
    func normsWithWeights() {
        let weights: [[[Double]]] = [[[1, 2], [3, 4], [5, 6]], [[1, 1, 1]]]
        let records = (1...8).map {
            WatchRecord(epoch: $0, trainLoss: 1 / Double($0), gradientNorms: [0.1, 0.2], weights: $0 == 8 ? weights : nil)
        }
        expectBuffer(Self.render(records), lines: [
            " RUNNING    epoch 8  train loss 0.125             run.jsonl ",
            "+- Loss ------------------------++- Metrics ---------------+",
            "|* train 0.125                  ||read-only                |",
            "|  1+*                          ||                         |",
            "|   | **                        ||Any other numeric field ~|",
            "|0.5+   **************          ||                         |",
            "|  0+                 **********||                         |",
            "|   +---------------+-----------||                         |",
            "|                   5           ||                         |",
            "+-------------------------------++-------------------------+",
            "+- Weights, layer 1/2: 2->~ -++- Gradient norms (log sca~ -+",
            "|++++++++                    ||layer      |dW|         hist|",
            "|********                    ||>1 2->3  1.0e-1         .   |",
            "|@@@@@@@@                    || 2 3->1  2.0e-1         -   |",
            "|-6 #=-.+*@ +6               ||                            |",
            "+----------------------------++----------------------------+",
            "                                                            ",
            "Space pause +/- lr s snapshot x curve ~ ? help q quit       ",
        ])
    }
}
