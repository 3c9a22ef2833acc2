@testable import Monitor
import TerminalUI
import TestSupport
import Testing
@testable import Training

/// The help of a mode (settings panel, data editing) lists the mode's keys and only those
/// dashboard keys the mode leaves to the dashboard: no key twice.
@Suite struct ModeHelpTests {
    static let theme = Theme(colorMode: .none, glyphs: .ascii)

    /// The help overlay's buffer for `view` on the dashboard, as large as the box.
    static func help(_ view: MonitorViewState) -> CellBuffer {
        let dashboard = Dashboard(run: MonitorFixtures.runInfo(), theme: theme)
        let overlay = HelpOverlay(title: "Keys", entries: dashboard.helpEntries(for: view), theme: theme)
        let box = overlay.boxArea(in: Rect(x: 0, y: 0, width: 200, height: 200))
        var buffer = CellBuffer(width: box.width, height: box.height)
        overlay.render(in: buffer.area, into: &buffer)
        return buffer
    }

    @Test("a mode's legend ends with ? help, which still works there")
    func modeLegendsOfferHelp() {
        let dashboard = Dashboard(run: MonitorFixtures.runInfo(), theme: Self.theme)
        var view = MonitorViewState(layerCount: 3, seed: 1)
        view.dataEdit = DataEditState()
        #expect(dashboard.legendEntries(for: view).map(\.key) == ["arrows", "Tab", "Enter", "Del", "d", "?"])
        view.dataEdit = nil
        view.settings = SettingsPanelState()
        #expect(dashboard.legendEntries(for: view).last.map { "\($0.key) \($0.description)" } == "? help")
    }

    @Test("data editing: its cursor, class, add, remove and leave keys, then the dashboard's it leaves")
    func dataEditing() {
        var view = MonitorViewState(layerCount: 3, seed: 1)
        view.dataEdit = DataEditState()
        let entries = Dashboard(run: MonitorFixtures.runInfo(), theme: Self.theme).helpEntries(for: view)
        let names = entries.flatMap { $0.key.split(separator: " ").map(String.init) }
        #expect(names.count == Set(names).count, "named twice: \(names.filter { n in names.filter { $0 == n }.count > 1 })")
        expectBuffer(Self.help(view), lines: [
            "+- Keys -------------------------------------------------------------------------------------------------------------+",
            "| Up k                 move the cursor up                                                                            |",
            "| Down j               move the cursor down                                                                          |",
            "| Left h               move the cursor left                                                                          |",
            "| Right l              move the cursor right                                                                         |",
            "| Tab c                the next class for new points                                                                 |",
            "| 0 1 2 3 4 5 6 7 8 9  class k (0 the first) for new points                                                          |",
            "| Enter a              add a training point of the class at the cursor (a click adds one where it is)                |",
            "| Backspace Delete x   remove the training point nearest the cursor                                                  |",
            "| d Esc                leave data editing                                                                            |",
            "| Space                pause or resume training                                                                      |",
            "| n                    train one epoch while paused                                                                  |",
            "| v                    network view: every neuron and the chain rule's numbers                                       |",
            "| + =                  double the learning rate                                                                      |",
            "| - _                  halve the learning rate                                                                       |",
            "| ]                    learning rate x1.1                                                                            |",
            "| [                    learning rate /1.1                                                                            |",
            "| < ,                  slower: at most 2000, 1000, 300 ... 1 epochs per second                                       |",
            "| > .                  faster, then no limit                                                                         |",
            "| s                    export a snapshot (of every run, with loss.svg and summary.json, when several)                |",
            "| r                    reset with a new seed                                                                         |",
            "| {                    rewind: view the run about 1/50 of its length earlier (pauses)                                |",
            "| }                    view about 1/50 later (past the last kept epoch: live)                                        |",
            "| f                    fork: a sibling run with one change typed at a prompt (lr=0.3, optimizer=adam ...)            |",
            "| e                    settings: change data, layers, activation, optimiser ... while it trains                      |",
            "| m                    smooth the loss lines (moving average over the raw band), or raw again                        |",
            "| (                    less smoothing                                                                                |",
            "| )                    more smoothing                                                                                |",
            "| z Z                  zoom the loss chart in (half the epochs, around the cursor), out (twice)                      |",
            "| Home End             read-out cursor: every run's train and test loss at one epoch (Home End: ends)                |",
            "| P                    pin the selected run: drawn on top, first in legend and read-out, h cannot hide it (P: unpin) |",
            "| Shift-Tab            previous layer in the weight map                                                              |",
            "| ?                    show or hide this help                                                                        |",
            "| q                    quit (the model is saved if --save was given)                                                 |",
            "+--------------------------------------------------------------------------------------------------------------------+",
        ])
    }

    @Test("settings: its keys, then the dashboard's it leaves")
    func settings() {
        var view = MonitorViewState(layerCount: 3, seed: 1)
        view.settings = SettingsPanelState()
        let entries = Dashboard(run: MonitorFixtures.runInfo(), theme: Self.theme).helpEntries(for: view)
        let names = entries.flatMap { $0.key.split(separator: " ").map(String.init) }
        #expect(names.count == Set(names).count, "named twice: \(names.filter { n in names.filter { $0 == n }.count > 1 })")
        expectBuffer(Self.help(view), lines: [
            "+- Keys -----------------------------------------------------------------------------------------------------+",
            "| Up k         previous setting                                                                              |",
            "| Down j       next setting                                                                                  |",
            "| PageUp       a page of settings up                                                                         |",
            "| PageDown     a page of settings down                                                                       |",
            "| Left - h     previous choice, one neuron or layer fewer, a smaller value (lr: as - does)                   |",
            "| Right + = l  next choice, one neuron or layer more, a larger value (lr: as + does)                         |",
            "| Enter        type a value (a CSV path for dataset); Enter again sets it                                    |",
            "| y            start again with the pending data and shape changes (fresh weights)                           |",
            "| u Backspace  drop the last pending change                                                                  |",
            "| Esc e        close the prompt, or the panel (pending changes are dropped)                                  |",
            "| Space        pause or resume training                                                                      |",
            "| n            train one epoch while paused                                                                  |",
            "| v            network view: every neuron and the chain rule's numbers                                       |",
            "| _            halve the learning rate                                                                       |",
            "| ]            learning rate x1.1                                                                            |",
            "| [            learning rate /1.1                                                                            |",
            "| < ,          slower: at most 2000, 1000, 300 ... 1 epochs per second                                       |",
            "| > .          faster, then no limit                                                                         |",
            "| s            export a snapshot (of every run, with loss.svg and summary.json, when several)                |",
            "| r            reset with a new seed                                                                         |",
            "| {            rewind: view the run about 1/50 of its length earlier (pauses)                                |",
            "| }            view about 1/50 later (past the last kept epoch: live)                                        |",
            "| f            fork: a sibling run with one change typed at a prompt (lr=0.3, optimizer=adam ...)            |",
            "| 1 2 3 4 5 6  show and steer run 1 ... 6                                                                    |",
            "| a            training keys go to every run, or (again) to the selected one                                 |",
            "| d            edit the data on the decision map: a cursor adds and removes points (2 inputs)                |",
            "| m            smooth the loss lines (moving average over the raw band), or raw again                        |",
            "| (            less smoothing                                                                                |",
            "| )            more smoothing                                                                                |",
            "| z Z 0        zoom the loss chart in (half the epochs, around the cursor), out (twice), 0: the whole run    |",
            "| Home End     read-out cursor: every run's train and test loss at one epoch (Home End: ends)                |",
            "| P            pin the selected run: drawn on top, first in legend and read-out, h cannot hide it (P: unpin) |",
            "| Tab          next layer in the weight map                                                                  |",
            "| Shift-Tab    previous layer in the weight map                                                              |",
            "| x            decision map of 3+ input columns: next column across (others at their mean)                   |",
            "| c            confusion view: training and test confusion matrices                                          |",
            "| ?            show or hide this help                                                                        |",
            "| q            quit (the model is saved if --save was given)                                                 |",
            "+------------------------------------------------------------------------------------------------------------+",
        ])
    }
}
