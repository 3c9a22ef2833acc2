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

/// `x`, `y` and `c` on the dashboard: pure view-state changes.
struct SliceAndConfusionKeyTests {
    static let four = Dataset(name: "d", featureNames: ["a", "b", "c", "d"],
                              features: [1, 10, 100, 1000, 3, 30, 300, 3000], labels: [0, 1], classCount: 2)

    @Test func xAndYMoveTheSliceAndSaySo() throws {
        var state = MonitorViewState(layerCount: 2, seed: 1)
        state.slice = InputSlice(of: Self.four)
        let across = KeyMap.standard.handle(.character("x"), state: state, status: .running)
        #expect(across.state.slice?.horizontal == 2 && across.state.slice?.vertical == 1)
        #expect(across.effects == [.say("map: x c, y b; the other inputs at their training mean")])
        let up = KeyMap.standard.handle(.character("y"), state: across.state, status: .running)
        #expect(up.state.slice?.horizontal == 2 && up.state.slice?.vertical == 3)
        // Two columns: nothing to choose.
        state.slice = InputSlice(of: Dataset(name: "p", featureNames: ["x1", "x2"], features: [0, 1], labels: [0], classCount: 2))
        let flat = KeyMap.standard.handle(.character("x"), state: state, status: .running)
        #expect(flat.state == state)
    }

    @Test func cSwitchesToTheConfusionViewAndBack() {
        let state = MonitorViewState(layerCount: 2, seed: 1)
        let confusion = KeyMap.standard.handle(.character("c"), state: state, status: .running)
        #expect(confusion.state.screen == .confusion)
        #expect(KeyMap.table(for: .confusion).handle(.character("c"), state: confusion.state, status: .running).state.screen
                == .dashboard)
    }
}

/// The confusion view in a small window: what does not fit is said, never silently cut.
struct ConfusionViewFitTests {
    static let three = ConfusionMatrix(classes: .names(["setosa", "versicolor", "virginica"]),
                                       labels: [0, 0, 1, 1, 2, 2], predicted: [0, 0, 1, 2, 2, 2])
    static var lines: [String] { ConfusionView.lines(of: three) }

    @Test func everythingThatFitsIsShownWhole() {
        #expect(ConfusionView.fitted(Self.lines, classCount: 3, width: 80, height: 10, ellipsis: "~") == Self.lines)
    }

    @Test func rowsThatDoNotFitAreCounted() {
        #expect(ConfusionView.fitted(Self.lines, classCount: 3, width: 80, height: 3, ellipsis: "~") == [
            "true \\ predicted  setosa  versicolor  virginica  recall",
            "setosa                 2           0          0  100.0%",
            "~ 2 more classes: enlarge the window",
        ])
        #expect(ConfusionView.fitted(Self.lines, classCount: 3, width: 80, height: 4, ellipsis: "~").last
                == "~ 1 more class: enlarge the window")
        #expect(ConfusionView.fitted(Self.lines, classCount: 3, width: 56, height: 5, ellipsis: "~").last
                == "~ precision: enlarge the window")
        #expect(ConfusionView.fitted(Self.lines, classCount: 3, width: 80, height: 1, ellipsis: "~")
                == ["~ 3 more classes: enlarge the window"])
    }

    /// Predicted-class columns go from the right before recall, which sums up each whole row.
    @Test func columnsThatDoNotFitAreDroppedWholeAndCounted() {
        #expect(ConfusionView.fitted(Self.lines, classCount: 3, width: 38, height: 10, ellipsis: "~") == [
            "true \\ predicted  setosa  recall",
            "setosa                 2  100.0%",
            "versicolor             0   50.0%",
            "virginica              0  100.0%",
            "precision: setosa 100.0%,",
            "versicolor 100.0%, virginica 66.7%",
            "~ 2 more columns: enlarge the window",
        ])
    }

    @Test func theViewAtItsMinimumSizeSaysWhatItLeavesOut() {
        let view = ConfusionView(dashboard: Dashboard(run: MonitorFixtures.runInfo(), theme: Theme(colorMode: .none, glyphs: .ascii)))
        var frame = MonitorFrame(state: MonitorFixtures.state(epochs: 3), view: MonitorViewState(layerCount: 3, seed: 1), now: 0)
        frame.confusion = ConfusionPair(network: MonitorFixtures.network, run: MonitorFixtures.runInfo())
        var buffer = CellBuffer(width: ConfusionView.minimumSize.width, height: ConfusionView.minimumSize.height)
        view.render(frame, into: &buffer)
        #expect(Array(buffer.lines[1...7]) == [
            "+- Training set: 4, acc. 100.0% -------+",
            "|~ 2 more classes: enlarge the window  |",
            "+--------------------------------------+",
            "+- Test set: 2, acc. 50.0% ------------+",
            "|true \\ predicted  0  1  recall        |",
            "|~ 2 more classes: enlarge the window  |",
            "+--------------------------------------+",
        ])
    }

    @Test func theTitleShortensToFit() {
        #expect(ConfusionView.title(name: "Training set", total: 120, accuracy: "95.0%", width: 80)
                == "Training set: 120 samples, accuracy 95.0%")
        #expect(ConfusionView.title(name: "Training set", total: 120, accuracy: "95.0%", width: 40)
                == "Training set: 120, acc. 95.0%")
        #expect(ConfusionView.title(name: "Training set", total: 120, accuracy: "95.0%", width: 30) == "Training: 95.0%")
    }
}
