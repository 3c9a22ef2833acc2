import Foundation
import Monitor
import TerminalUI
import Testing
import Training

@Suite("The key map: every binding's commands, view changes and effects")
struct KeyMapTests {
    let keys = KeyMap.standard
    let start = MonitorViewState(layerCount: 3, seed: 41)

    func press(_ key: Key, status: RunStatus = .running, in state: MonitorViewState? = nil) -> KeyOutcome {
        keys.handle(key, state: state ?? start, status: status)
    }

    @Test("trainer keys send one command each and leave the view alone", arguments: [
        (Key.space, TrainerCommand.togglePause),
        (.character("+"), .scaleLearningRate(2)), (.character("="), .scaleLearningRate(2)),
        (.character("-"), .scaleLearningRate(0.5)), (.character("_"), .scaleLearningRate(0.5)),
        (.character("]"), .scaleLearningRate(1.1)), (.character("["), .scaleLearningRate(1 / 1.1)),
        (.character("s"), .snapshot),
    ])
    func trainerKeys(key: Key, command: TrainerCommand) {
        #expect(press(key) == KeyOutcome(state: start, commands: [command]))
    }

    @Test("n steps one epoch while paused, done or diverged; while running it explains instead")
    func step() {
        for status in [RunStatus.paused, .done, .diverged] {
            #expect(press(.character("n"), status: status) == KeyOutcome(state: start, commands: [.step]))
        }
        #expect(press(.character("n")) == KeyOutcome(
            state: start, effects: [.say("n trains one epoch while paused; Space pauses")]))
    }

    @Test("r resets with the next seed each time")
    func reset() {
        let first = press(.character("r"))
        #expect(first.commands == [.reset(seed: 42)])
        #expect(first.state.seed == 42)
        #expect(press(.character("r"), in: first.state).commands == [.reset(seed: 43)])
    }

    @Test("< steps the speed limit down to 1 epoch/s; > steps it up, then lifts it")
    func speedLimit() {
        var view = start
        var limits: [Double?] = []
        for key in ["<", ",", "<", "<", "<", "<", "<", "<", "<"] {
            let outcome = press(.character(Character(key)), in: view)
            #expect(outcome.commands == [.limitSpeed(outcome.state.speedLimit)])
            view = outcome.state
            limits.append(view.speedLimit)
        }
        #expect(limits == [2000, 1000, 300, 100, 30, 10, 3, 1, 1])
        for expected in [3.0, 10, 30, 100, 300, 1000, 2000] {
            view = press(.character(">"), in: view).state
            #expect(view.speedLimit == expected)
        }
        let lifted = press(.character("."), in: view)
        #expect(lifted.state.speedLimit == nil)
        #expect(lifted.commands == [.limitSpeed(nil)])
        #expect(press(.character(">")) == KeyOutcome(
            state: start, effects: [.say("no speed limit to lift; < slows training down")]))
    }

    @Test("l toggles the log scale and redraws")
    func logScale() {
        let on = press(.character("l"))
        #expect(on.state.logScale)
        #expect(on.commands.isEmpty)
        #expect(on.effects == [.redraw])
        #expect(press(.character("l"), in: on.state).state == start)
    }

    @Test("Tab, Right and Down choose the next layer; Shift-Tab, Left and Up the previous; both wrap")
    func layers() {
        for key in [Key.tab, .right, .down] {
            #expect(press(key).state.selectedLayer == 1)
            var last = start
            last.selectedLayer = 2
            #expect(press(key, in: last).state.selectedLayer == 0)
        }
        for key in [Key.backTab, .left, .up] {
            #expect(press(key).state.selectedLayer == 2)
            #expect(press(key).effects == [.redraw])
        }
    }

    @Test("? toggles help, Esc closes it, q quits")
    func helpAndQuit() {
        let shown = press(.character("?"))
        #expect(shown.state.helpVisible)
        #expect(!press(.character("?"), in: shown.state).state.helpVisible)
        #expect(!press(.escape, in: shown.state).state.helpVisible)
        #expect(press(.character("q")) == KeyOutcome(state: start, effects: [.quit]))
    }

    @Test("an unbound key says so, a resize redraws, an unknown code does nothing")
    func unbound() {
        #expect(press(.character("u")) == KeyOutcome(state: start, effects: [.say("u: not a key here; ? shows the keys")]))
        #expect(press(.function(5)).effects == [.say("F5: not a key here; ? shows the keys")])
        #expect(press(.resize) == KeyOutcome(state: start, effects: [.redraw]))
        #expect(press(.unknown(999)) == KeyOutcome(state: start))
    }

    @Test("no key is bound twice, and every label is ASCII")
    func tableIsConsistent() {
        let all = keys.bindings.flatMap(\.keys)
        #expect(Set(all).count == all.count)
        for binding in keys.bindings {
            let ascii = (binding.label + binding.description).unicodeScalars.allSatisfy { $0.isASCII }
            #expect(ascii, "\(binding.label)")
        }
    }

    @Test("the legend and the help come from the same table")
    func legendAndHelp() {
        #expect(keys.legendEntries.map { "\($0.key) \($0.description)" } == [
            "Space pause", "n step", "v network", "+/- lr", "</> speed", "s snapshot", "r reset", "{/} rewind", "f fork",
            "e settings", "Tab layer", "? help", "q quit",
        ])
        #expect(keys.helpEntries.count == keys.bindings.count)
        #expect(keys.helpEntries[0] == KeyHelp(key: "Space", description: "pause or resume training"))
    }

    @Test("the README key list, verbatim")
    func markdown() {
        #expect(keys.markdown == Self.readmeKeys)
    }

    @Test("README.md's key list is the key table's, word for word")
    func readmeListsTheKeyTable() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "## Keys\n\n"))
        let rest = readme[section.upperBound...]
        let end = try #require(rest.range(of: "\n\n"))
        #expect(String(rest[..<end.lowerBound]) == keys.markdown.trimmingCharacters(in: .newlines))
    }

    @Test("README.md's network-view key list is that view's table, word for word")
    func readmeListsTheNetworkKeyTable() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "### Keys in the network view\n\n"))
        let rest = readme[section.upperBound...]
        let end = try #require(rest.range(of: "\n\n"))
        #expect(String(rest[..<end.lowerBound]) == KeyMap.network.markdown.trimmingCharacters(in: .newlines))
    }

    @Test("every view's help fits a 120-column screen without cutting a line", arguments: [
        ("dashboard", KeyMap.standard), ("network", KeyMap.network), ("watch", KeyMap.watch), ("confusion", KeyMap.confusion),
    ])
    func helpFitsAt120Columns(name: String, table: KeyMap) {
        var buffer = CellBuffer(width: 120, height: 40)
        HelpOverlay(title: "Keys", entries: table.helpEntries, theme: Theme(colorMode: .none, glyphs: .unicode))
            .render(in: Rect(x: 0, y: 1, width: 120, height: 39), into: &buffer)
        let cut = buffer.lines.filter { $0.contains("…") }
        #expect(cut.isEmpty, "\(name): \(cut)")
        #expect(table.helpEntries.count <= 37, "\(name): \(table.helpEntries.count) rows")
    }

    @Test("with the help open, Down and PageDown scroll it (not the weight map's layer); ? again starts at the top")
    func helpScrolls() {
        var view = MonitorViewState(layerCount: 3, seed: 1)
        view = KeyMap.standard.handle(.character("?"), state: view, status: .running).state
        view = KeyMap.standard.handle(.down, state: view, status: .running).state
        view = KeyMap.standard.handle(.pageDown, state: view, status: .running).state
        #expect(view.helpScroll == 11 && view.selectedLayer == 0)
        view = KeyMap.standard.handle(.up, state: view, status: .running).state
        #expect(view.helpScroll == 10)
        view = KeyMap.standard.handle(.character("?"), state: view, status: .running).state
        view = KeyMap.standard.handle(.character("?"), state: view, status: .running).state
        #expect(view.helpVisible && view.helpScroll == 0)
    }

    @Test("README.md's watch key list is mlptop watch's table, word for word")
    func readmeListsTheWatchKeyTable() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "### Keys in `mlptop watch`\n\n"))
        let rest = readme[section.upperBound...]
        let end = try #require(rest.range(of: "\n\n"))
        #expect(String(rest[..<end.lowerBound]) == KeyMap.watch.markdown.trimmingCharacters(in: .newlines))
    }

    @Test("mlptop watch's table binds no key twice and only keys that reach the writer or the display")
    func watchTableIsConsistent() {
        let all = KeyMap.watch.bindings.flatMap(\.keys)
        #expect(Set(all).count == all.count)
        for key in [Key.character("n"), .character("r"), .character("v"), .character("f"), .character("{"), .character("e")] {
            #expect(KeyMap.watch.binding(for: key) == nil, "\(key) does nothing to a log")
        }
        let outcome = KeyMap.watch.handle(.character("x"), state: MonitorViewState(layerCount: 1, seed: 1), status: .running)
        #expect(outcome.state.extraCurve == 1)
    }

    @Test("the network view's table binds no key twice, keeps every shared key, and is ASCII")
    func networkTableIsConsistent() {
        let table = KeyMap.network
        let all = table.bindings.flatMap(\.keys)
        #expect(Set(all).count == all.count)
        for key in [Key.space, .character("n"), .character("+"), .character("s"), .character("r"), .character("q"),
                    .character("?"), .character("v")] {
            #expect(table.binding(for: key) != nil, "\(key)")
        }
        for binding in table.bindings {
            #expect((binding.label + binding.description).unicodeScalars.allSatisfy { $0.isASCII }, "\(binding.label)")
        }
        #expect(table.legendEntries.map { "\($0.key) \($0.description)" } == [
            "arrows neuron", "Tab weight", "x/z sample", "p phase", "Enter edit", "g check", "v dashboard", "Space pause",
            "n step", "? help", "q quit",
        ])
    }

    static let readmeKeys = """
        | Key | Action |
        |---|---|
        | `Space` | pause or resume training |
        | `n` | train one epoch while paused |
        | `v` | network view: every neuron and the chain rule's numbers |
        | `+`, `=` | double the learning rate |
        | `-`, `_` | halve the learning rate |
        | `]` | learning rate x1.1 |
        | `[` | learning rate /1.1 |
        | `<`, `,` | slower: at most 2000, 1000, 300 ... 1 epochs per second |
        | `>`, `.` | faster, then no limit |
        | `s` | export a snapshot (of every run, with loss.svg and summary.json, when several) |
        | `r` | reset with a new seed |
        | `{` | rewind: view the run about 1/50 of its length earlier (pauses) |
        | `}` | view about 1/50 later (past the last kept epoch: live) |
        | `f` | fork: a sibling run with one change typed at a prompt (lr=0.3, optimizer=adam ...) |
        | `1`, `2`, `3`, `4`, `5`, `6` | show and steer run 1 ... 6 |
        | `a` | training keys go to every run, or (again) to the selected one |
        | `e` | settings: change data, layers, activation, optimiser ... while it trains |
        | `d` | edit the data on the decision map: a cursor adds and removes points (2 inputs) |
        | `l` | log scale for the loss chart |
        | `h` | hide or show the selected run's loss curve |
        | `m` | smooth the loss lines (moving average over the raw band), or raw again |
        | `(` | less smoothing |
        | `)` | more smoothing |
        | `z`, `Z`, `0` | zoom the loss chart in (half the epochs, around the cursor), out (twice), 0: the whole run |
        | `k`, `Home`, `End` | read-out cursor: every run's train and test loss at one epoch (Left Right: move, Home End: ends) |
        | `P` | pin the selected run: drawn on top, first in legend and read-out, h cannot hide it (P: unpin) |
        | `Tab`, `Right`, `Down` | next layer in the weight map |
        | `Shift-Tab`, `Left`, `Up` | previous layer in the weight map |
        | `Enter` | train on from the epoch viewed after { |
        | `x` | decision map of 3+ input columns: next column across (others at their mean) |
        | `y` | decision map of 3+ input columns: next column up |
        | `c` | confusion view: training and test confusion matrices |
        | `?` | show or hide this help |
        | `Esc` | close the help, or back to the live epoch |
        | `q` | quit (the model is saved if --save was given) |

        """
}
