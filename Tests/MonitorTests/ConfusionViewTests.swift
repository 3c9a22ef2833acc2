import Datasets
import MLPEngine
@testable import Monitor
import TerminalUI
import Testing
import Training

/// The confusion view: both matrices by class name, recall per row, precision per class.
struct ConfusionViewTests {
    static let matrix = ConfusionMatrix(classes: .names(["cat", "dog"]), labels: [0, 0, 0, 1, 1], predicted: [0, 0, 1, 1, 1])

    @Test func theTableAddsRecallAndPrecision() {
        #expect(ConfusionView.lines(of: Self.matrix) == [
            "true \\ predicted  cat  dog  recall",
            "cat                 2    1   66.7%",
            "dog                 0    2  100.0%",
            "precision: cat 100.0%, dog 66.7%",
        ])
    }

    @Test func theViewShowsTrainingAndTestMatricesAndItsOwnKeys() throws {
        let view = ConfusionView(dashboard: Dashboard(run: MonitorFixtures.runInfo(), theme: Theme(colorMode: .none, glyphs: .ascii)))
        var frame = MonitorFrame(state: MonitorFixtures.state(epochs: 3), view: MonitorViewState(layerCount: 3, seed: 1), now: 0)
        frame.confusion = ConfusionPair(network: MonitorFixtures.network, run: MonitorFixtures.runInfo())
        var buffer = CellBuffer(width: 100, height: 30)
        view.render(frame, into: &buffer)
        let lines = buffer.lines
        #expect(lines.contains { $0.contains("Training set: \(MonitorFixtures.runInfo().trainingSet.count) samples") })
        #expect(lines.contains { $0.contains("Test set: ") })
        #expect(lines.contains { $0.contains("true \\ predicted  0  1  recall") })
        #expect(lines.last?.hasPrefix("c dashboard") == true)
    }
}
