import Datasets
@testable import Monitor
import TerminalUI
import TestSupport
import Testing
import Training

/// The confusion view at 60 × 16 with three classes (iris with `--test-fraction 0.3`): both panels
/// show the same classes, and a cut drops predicted-class columns before recall.
struct ConfusionViewSameClassesTests {
    static let names = ["setosa", "versicolor", "virginica"]

    /// A matrix with `perClass` samples of each class, the last `wrong` of each predicted as the next class.
    static func matrix(perClass: Int, wrong: Int) -> ConfusionMatrix {
        let labels = (0..<3).flatMap { Array(repeating: $0, count: perClass) }
        let predicted = (0..<3).flatMap { k in Array(repeating: k, count: perClass - wrong) + Array(repeating: (k + 1) % 3, count: wrong) }
        return ConfusionMatrix(classes: .names(names), labels: labels, predicted: predicted)
    }

    @Test("at 60 x 16 the training and test panels show the same classes")
    func bothPanelsShowTheSameClasses() {
        let view = ConfusionView(dashboard: Dashboard(run: MonitorFixtures.runInfo(), theme: Theme(colorMode: .none, glyphs: .ascii)))
        var frame = MonitorFrame(state: MonitorFixtures.state(epochs: 3), view: MonitorViewState(layerCount: 3, seed: 1), now: 0)
        var pair = ConfusionPair(network: MonitorFixtures.network, run: MonitorFixtures.runInfo())
        pair.train = Self.matrix(perClass: 35, wrong: 2)
        pair.test = Self.matrix(perClass: 15, wrong: 1)
        frame.confusion = pair
        var buffer = CellBuffer(width: 60, height: 16)
        view.render(frame, into: &buffer)
        // 13 rows for two panels of 7 (header, 3 classes, precision, border): each shows 2 classes.
        expectBuffer(buffer, lines: [
            " RUNNING   epoch 3 lr 0.03 loss 0.2345/0.2567 acc 91.2%/90.~",
            "+- Training set: 105 samples, accuracy 94.3% --------------+",
            "|true \\ predicted  setosa  versicolor  virginica  recall   |",
            "|setosa                33           2          0   94.3%   |",
            "|versicolor             0          33          2   94.3%   |",
            "|~ 1 more class: enlarge the window                        |",
            "+----------------------------------------------------------+",
            "+- Test set: 45 samples, accuracy 93.3% -------------------+",
            "|true \\ predicted  setosa  versicolor  virginica  recall   |",
            "|setosa                14           1          0   93.3%   |",
            "|versicolor             0          14          1   93.3%   |",
            "|~ 1 more class: enlarge the window                        |",
            "|                                                          |",
            "+----------------------------------------------------------+",
            "                                                            ",
            "c dashboard  Space pause  n step  ? help  q quit            ",
        ])
    }
}
