@testable import Monitor
import TerminalUI
import TestSupport
import Testing
@testable import Training

/// The status bar keeps its layout and every field's place while the numbers change width
/// (a loss from 0.1 to 0.0001234, an accuracy from 99.9 % to 100 %).
@Suite struct StatusBarSteadyTests {
    static let theme = Theme(colorMode: .none, glyphs: .ascii)

    /// The bar's line at `width` for a state at epoch 1234 whose last epoch had these numbers.
    static func line(width: Int, trainLoss: Double, testLoss: Double, trainAccuracy: Double, testAccuracy: Double) -> String {
        var state = TrainerState(network: MonitorFixtures.network, learningRate: 0.03, targetEpochs: 0, epoch: 1233, status: .running)
        var report = MonitorFixtures.report(epoch: 1234, trainLoss: trainLoss)
        (report.testLoss, report.trainAccuracy, report.testAccuracy) = (testLoss, trainAccuracy, testAccuracy)
        state.record(report, network: MonitorFixtures.network)
        state.epochsPerSecond = 8234
        var buffer = CellBuffer(width: width, height: 1)
        Dashboard(run: MonitorFixtures.runInfo(), theme: theme).statusBar(for: state, width: width)
            .render(in: buffer.area, into: &buffer)
        return buffer.lines[0]
    }

    /// Where each field starts: the columns of `loss`, `acc`, `lr` and `…/s` (epochs/s or ep/s).
    static func places(_ line: String) -> [Int?] {
        ["loss ", "acc ", "lr ", "/s"].map { word in line.range(of: word).map { line.distance(from: line.startIndex, to: $0.lowerBound) } }
    }

    @Test("at every width from 100 to 200 the fields start in the same columns for narrow and wide values")
    func fieldsStayPut() {
        for width in 100...200 {
            let narrow = Self.line(width: width, trainLoss: 0.1, testLoss: 0.2, trainAccuracy: 0.999, testAccuracy: 0.5)
            let wide = Self.line(width: width, trainLoss: 0.0001234, testLoss: 1.234e-05, trainAccuracy: 1, testAccuracy: 1)
            #expect(Self.places(narrow) == Self.places(wide), "width \(width):\n\(narrow)\n\(wide)")
        }
    }

    @Test("at 120 columns: the padded short layout, fields at fixed places")
    func at120() {
        let wide = Self.line(width: 120, trainLoss: 0.0001234, testLoss: 1.234e-05, trainAccuracy: 1, testAccuracy: 1)
        let narrow = Self.line(width: 120, trainLoss: 0.1, testLoss: 0.2, trainAccuracy: 0.999, testAccuracy: 0.5)
        #expect([wide, narrow] == [
            " RUNNING    epoch 1234    loss 0.0001234/1.234e-05  acc 100.0%/100.0%  lr 0.03 sgd   8234 epochs/s     spiral 2-16-16-1 ",
            " RUNNING    epoch 1234    loss 0.1/0.2              acc 99.9%/50.0%    lr 0.03 sgd   8234 epochs/s     spiral 2-16-16-1 ",
        ])
    }

    @Test("at 80 columns, where no padding fits, every number keeps its word")
    func at80() {
        let line = Self.line(width: 80, trainLoss: 0.08649, testLoss: 0.1139, trainAccuracy: 0.962, testAccuracy: 0.938)
        #expect(line == " RUNNING   epoch 1234 lr 0.03 loss 0.08649/0.1139 acc 96.2%/93.8% 8234 ep/s     ")
    }
}
