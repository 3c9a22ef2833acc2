import Foundation
import Monitor
import TerminalUI
import Testing
@testable import Training

/// The loss chart's zoom, pan, read-out cursor and pins: the view state, the keys, the panel.
struct LossChartViewTests {
    /// A view of a run whose epochs 1…1000 are recorded.
    func view(extent: ClosedRange<Int> = 1...1000) -> MonitorViewState {
        var view = MonitorViewState(layerCount: 3, seed: 1)
        view.lossChart.adopt(extent: extent)
        return view
    }

    func press(_ keys: Key..., in state: MonitorViewState) -> MonitorViewState {
        keys.reduce(state) { KeyMap.standard.handle($1, state: $0, status: .running).state }
    }

    @Test func zoomHalvesTheSpanAroundTheMiddleThenTheCursorAndZeroShowsTheWholeRun() {
        var state = press(.character("z"), in: view())
        #expect(state.lossChart.window == 250...750)
        state = press(.character("z"), in: state)
        #expect(state.lossChart.window == 375...625)
        // With the cursor on, zoom centres on it; near the end the window stays inside the run.
        state = press(.character("0"), .character("k"), .end, .character("z"), in: state)
        #expect(state.lossChart.cursor == 1000)
        #expect(state.lossChart.window == 500...1000)
        state = press(.character("Z"), in: state)
        #expect(state.lossChart.window == nil, "twice 500 epochs covers the run: back to all of it")
        state = press(.character("z"), .character("0"), in: state)
        #expect(state.lossChart.window == nil)
    }

    @Test func zoomStopsAtTheSmallestSpanAndSaysSo() {
        var state = view(extent: 1...9)
        state = press(.character("z"), in: state)
        #expect(state.lossChart.window == 3...7)
        let outcome = KeyMap.standard.handle(.character("z"), state: state, status: .running)
        #expect(outcome.state.lossChart.window == 3...7)
        #expect(outcome.effects == [.say("zoomed in as far as the loss chart goes (4 epochs); 0 shows the whole run")])
    }

    @Test func theCursorMovesAFiftiethOfTheSpanAndPansAZoomedWindow() {
        var state = press(.character("k"), in: view())
        #expect(state.lossChart.cursor == 500)
        state = press(.right, .right, in: state)
        #expect(state.lossChart.cursor == 538, "two steps of 999 / 50 = 19 epochs")
        #expect(state.selectedLayer == 0, "Right moves the cursor, not the layer, while it is on")
        state = press(.character("z"), .character("z"), in: state)
        let window = try! #require(state.lossChart.window)
        #expect(window == 413...663, "250 epochs around the cursor")
        for _ in 0..<30 { state = press(.right, in: state) }
        #expect(state.lossChart.cursor == 538 + 30 * 5, "steps of 250 / 50 epochs")
        #expect(state.lossChart.window == 438...688, "panned along")
        state = press(.home, in: state)
        #expect(state.lossChart.cursor == 1 && state.lossChart.window == 1...251)
        state = press(.left, in: state)
        #expect(state.lossChart.cursor == 1, "the cursor stays inside the run")
        state = press(.character("k"), .right, in: state)
        #expect(state.lossChart.cursor == nil)
        #expect(state.selectedLayer == 1, "with the cursor off, Right is the next layer again")
    }

    @Test func aPinnedRunCannotBeHiddenAndPinningShowsAHiddenRun() {
        var state = view()
        state.runLabels = ["main", "lr=0.3"]
        state.selectedRun = 1
        state = press(.character("h"), in: state)
        #expect(state.hiddenRuns == [1])
        state = press(.character("P"), in: state)
        #expect(state.pinnedRuns == [1] && state.hiddenRuns.isEmpty)
        let outcome = KeyMap.standard.handle(.character("h"), state: state, status: .running)
        #expect(outcome.state.hiddenRuns.isEmpty)
        #expect(outcome.effects == [.say("run 2 is pinned: P unpins it, then h hides it")])
        state = press(.character("P"), .character("h"), in: state)
        #expect(state.pinnedRuns.isEmpty && state.hiddenRuns == [1])
    }

    @Test func sWithSeveralRunsSnapshotsThemTogether() {
        var state = view()
        #expect(KeyMap.standard.handle(.character("s"), state: state, status: .running).commands == [.snapshot])
        state.runLabels = ["main", "lr=0.3"]
        let outcome = KeyMap.standard.handle(.character("s"), state: state, status: .running)
        #expect(outcome.commands.isEmpty && outcome.effects == [.snapshotRuns])
    }

    @Test func theExtentFollowsTheRunAndKeepsTheCursorInside() {
        var state = MonitorViewState(layerCount: 3, seed: 1)
        state.lossChart.cursor = 5000
        state.absorb(MonitorFixtures.state(epochs: 1234), now: 0)
        #expect(state.lossChart.extent == 1...1234)
        #expect(state.lossChart.cursor == 1234)
    }

    /// The panel: the title names the epochs on show, and the read-out the run's own values at the
    /// cursor (train and test losses of epoch 600 of the fixture: 0.7 − 0.4655 · 600/1234, 0.2567).
    @Test func thePanelNamesTheZoomAndReadsTheValuesOff() throws {
        var state = view(extent: 1...1234)
        state.lossChart.window = 500...700
        state.lossChart.cursor = 600
        let dashboard = Dashboard(run: MonitorFixtures.runInfo(), theme: Theme(colorMode: .none, glyphs: .ascii))
        var buffer = CellBuffer(width: 120, height: 40)
        dashboard.render(state: MonitorFixtures.state(), view: state, samples: nil, now: 0, into: &buffer)
        let lines = buffer.lines
        #expect(lines.contains { $0.contains("Loss, epochs 500-700") })
        let train = NumberFormat.compact(0.7 - 0.4655 * 600 / 1234)
        #expect(lines.contains { $0.contains(" epoch 600 ") })
        #expect(lines.contains { $0.contains("* train/test  train \(train)  test 0.257") }, "\(lines.prefix(12))")
    }

    /// Side by side: every visible run's row, pinned runs first, from each run's own history.
    @Test func theReadOutListsPinnedRunsFirst() throws {
        var state = view(extent: 1...1234)
        state.runLabels = ["main", "lr=0.3", "seed=7"]
        state.pinnedRuns = [2]
        state.lossChart.cursor = 10
        let theme = Theme(colorMode: .none, glyphs: .ascii)
        let dashboard = Dashboard(run: MonitorFixtures.runInfo(), theme: theme)
        let other = MonitorFixtures.state(epochs: 20)
        let rows = [dashboard.readoutRow(2, label: "seed=7", pinned: true, history: other.history, at: 10),
                    dashboard.readoutRow(1, label: "lr=0.3", pinned: false, history: other.history, at: 10)]
        var buffer = CellBuffer(width: 120, height: 40)
        dashboard.render(state: MonitorFixtures.state(), view: state, samples: nil, now: 0, readoutRows: rows, into: &buffer)
        let names = buffer.lines.compactMap { line -> String? in
            ["3* seed=7", "1 main", "2 lr=0.3"].first { line.contains(" \($0) ") }
        }
        #expect(names == ["3* seed=7", "1 main", "2 lr=0.3"])
        let value = try #require(other.history.trainLoss.value(atEpoch: 10))
        #expect(abs(value - (0.7 - 0.4655 * 10 / 20)) < 1e-15)
    }

    /// The monitor's smoothing (TerminalUI) and loss.svg's (Training) are the same average.
    @Test func theChartAndThePictureSmoothAlike() {
        let values = [1.0, 0.9, 3, 0.7, 0.6, .nan, 0.5, 0.45]
        let points = values.enumerated().map { LossPoint(epoch: Double($0.offset), value: $0.element) }
        for weight in [0.0, 0.6, 0.9, 0.99] {
            let chart = LossChart.smoothed(points, weight: weight).map(\.value)
            let picture = LossSmoothing.smoothed(values, weight: weight)
            #expect(zip(chart, picture).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }, "weight \(weight)")
        }
    }
}
