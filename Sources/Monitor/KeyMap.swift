import TerminalUI
import Training

/// What a key does in the monitor.
public enum MonitorAction: Hashable, Sendable {
    case togglePause
    /// One epoch while paused.
    case step
    /// Multiply the learning rate by this factor.
    case scaleLearningRate(Double)
    case snapshot
    /// Lower the speed limit one level (`MonitorViewState.speedLevels`).
    case slower
    /// Raise the speed limit one level, or lift it.
    case faster
    /// Fresh weights from the next seed, at epoch 0.
    case reset
    case toggleLogScale
    case nextLayer
    case previousLayer
    case toggleHelp
    /// Close the help; in the network view also leave phase stepping.
    case closeHelp
    case quit
    /// Switch between the dashboard and the network view.
    case toggleScreen
    /// Network view: move the selected neuron by layers (dx) and neurons (dy).
    case moveSelection(dx: Int, dy: Int)
    /// Network view: the next or previous incoming weight of the selected neuron (the bias last).
    case cycleInput(Int)
    /// Network view: the next or previous training sample.
    case cycleSample(Int)
    /// Network view: the sample with the largest loss.
    case worstSample
    /// Network view: the next phase of one sample's forward and backward pass, then the update.
    case stepPhase
    /// Network view: type a new value for the selected weight or bias.
    case editParameter
    /// Network view: compare backprop's gradient with central differences.
    case gradientCheck
    /// View the previous (−1) or next (+1) rewind point.
    case rewind(Int)
    /// Open the fork prompt.
    case openFork
    /// Show and steer run `n` (0-based).
    case selectRun(Int)
    /// Send training commands to every run, or to the selected one.
    case toggleAllRuns
    /// Hide or show the selected run's loss curve.
    case toggleRunHidden
    /// Smooth the loss lines, or show them raw.
    case toggleSmoothing
    /// Less (−1) or more (+1) smoothing.
    case changeSmoothing(Int)
    /// Zoom the loss chart in (`z`) or out (`Z`), or show the whole run (`0`).
    case zoomLossChart(Int)
    /// Turn the loss chart's read-out cursor on or off (`k`), or move it to the run's first
    /// (`Home`) or latest (`End`) epoch.
    case toggleLossCursor
    /// Pin or unpin the selected run.
    case togglePin
    /// Decision map of more than two input columns: the next column across (axis 0) or up (axis 1).
    case cycleSliceColumn(axis: Int)
    /// Switch to the confusion view, or back to the dashboard.
    case toggleConfusion
    /// Enter: train on from the viewed rewind point, or (network view, live) edit the selected
    /// weight.
    case enter
    /// Open the settings panel.
    case openSettings
    /// Turn data editing on the decision map on or off.
    case toggleDataEdit
    /// `mlptop watch`: the next (+1) or previous extra curve in the metrics panel.
    case cycleExtraCurve(Int)
}

/// One row of the key table: the keys, their names as shown, what they do, and the action.
public struct KeyBinding: Hashable, Sendable {
    /// Every key that triggers the action.
    public var keys: [Key]
    /// The key names as shown in help and the README, separated by spaces (`Tab Right Down`).
    public var label: String
    /// What it does, as one short phrase.
    public var description: String
    /// The key legend's entry for this binding, or nil when the legend leaves it out.
    public var legend: KeyHelp?
    /// What happens.
    public var action: MonitorAction

    /// A binding of `keys` to `action`.
    public init(_ keys: [Key], _ label: String, _ description: String, legend: KeyHelp? = nil, action: MonitorAction) {
        self.keys = keys
        self.label = label
        self.description = description
        self.legend = legend
        self.action = action
    }
}

/// The result of one key press: the new view state, the commands for the trainer, and what the
/// monitor itself must do.
public struct KeyOutcome: Equatable, Sendable {
    public var state: MonitorViewState
    public var commands: [TrainerCommand]
    public var effects: [MonitorEffect]

    /// An outcome of `state`, `commands` and `effects`.
    public init(state: MonitorViewState, commands: [TrainerCommand] = [], effects: [MonitorEffect] = []) {
        self.state = state
        self.commands = commands
        self.effects = effects
    }
}

/// The monitor's one key table: it drives key handling, the help overlay, the key legend and the
/// README's key list, so the four never disagree.
public struct KeyMap: Sendable {
    /// The bindings, in the order help shows them.
    public var bindings: [KeyBinding]
    /// What a lesson locks (`locking(_:)`); nothing by default.
    public var lock = KeyLock()

    /// A key map of `bindings` (the first binding of a key wins).
    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// The keys every view answers: training, speed, snapshot, reset, views, help, quit.
    static let shared: [KeyBinding] = [
        KeyBinding([.space], "Space", "pause or resume training", legend: KeyHelp(key: "Space", description: "pause"),
                   action: .togglePause),
        KeyBinding([.character("n")], "n", "train one epoch while paused", legend: KeyHelp(key: "n", description: "step"),
                   action: .step),
        KeyBinding([.character("+"), .character("=")], "+ =", "double the learning rate",
                   legend: KeyHelp(key: "+/-", description: "lr"), action: .scaleLearningRate(2)),
        KeyBinding([.character("-"), .character("_")], "- _", "halve the learning rate", action: .scaleLearningRate(0.5)),
        KeyBinding([.character("]")], "]", "learning rate x1.1", action: .scaleLearningRate(1.1)),
        KeyBinding([.character("[")], "[", "learning rate /1.1", action: .scaleLearningRate(1 / 1.1)),
        KeyBinding([.character("<"), .character(",")], "< ,", "slower: at most 2000, 1000, 300 ... 1 epochs per second",
                   legend: KeyHelp(key: "</>", description: "speed"), action: .slower),
        KeyBinding([.character(">"), .character(".")], "> .", "faster, then no limit", action: .faster),
        KeyBinding([.character("s")], "s", "export a snapshot (of every run, with loss.svg and summary.json, when several)", legend: KeyHelp(key: "s", description: "snapshot"),
                   action: .snapshot),
        KeyBinding([.character("r")], "r", "reset with a new seed", legend: KeyHelp(key: "r", description: "reset"),
                   action: .reset),
        KeyBinding([.character("{")], "{", "rewind: view the run about 1/50 of its length earlier (pauses)",
                   legend: KeyHelp(key: "{/}", description: "rewind"), action: .rewind(-1)),
        KeyBinding([.character("}")], "}", "view about 1/50 later (past the last kept epoch: live)", action: .rewind(1)),
        KeyBinding([.character("f")], "f", "fork: a sibling run with one change typed at a prompt (lr=0.3, optimizer=adam ...)",
                   legend: KeyHelp(key: "f", description: "fork"), action: .openFork),
        KeyBinding((1...6).map { .character(Character(String($0))) }, "1 2 3 4 5 6", "show and steer run 1 ... 6",
                   action: .selectRun(-1)),
        KeyBinding([.character("a")], "a", "training keys go to every run, or (again) to the selected one",
                   action: .toggleAllRuns),
    ]

    /// The keys that close every table: help, Esc, quit.
    static let closing: [KeyBinding] = [
        KeyBinding([.character("?")], "?", "show or hide this help", legend: KeyHelp(key: "?", description: "help"),
                   action: .toggleHelp),
        KeyBinding([.escape], "Esc", "close the help, or back to the live epoch", action: .closeHelp),
        KeyBinding([.character("q")], "q", "quit (the model is saved if --save was given)",
                   legend: KeyHelp(key: "q", description: "quit"), action: .quit),
    ]

    /// The dashboard's keys (mlptop's first screen). Text is ASCII only, so help reads the same in
    /// `--ascii` mode.
    public static let standard = KeyMap(bindings: Array(shared.prefix(2)) + [
        KeyBinding([.character("v")], "v", "network view: every neuron and the chain rule's numbers",
                   legend: KeyHelp(key: "v", description: "network"), action: .toggleScreen),
    ] + shared.dropFirst(2) + [
        KeyBinding([.character("e")], "e", "settings: change data, layers, activation, optimiser ... while it trains",
                   legend: KeyHelp(key: "e", description: "settings"), action: .openSettings),
        KeyBinding([.character("d")], "d", "edit the data on the decision map: a cursor adds and removes points (2 inputs)",
                   action: .toggleDataEdit),
        KeyBinding([.character("l")], "l", "log scale for the loss chart",
                   action: .toggleLogScale),
        KeyBinding([.character("h")], "h", "hide or show the selected run's loss curve", action: .toggleRunHidden),
        KeyBinding([.character("m")], "m", "smooth the loss lines (moving average over the raw band), or raw again",
                   action: .toggleSmoothing),
        KeyBinding([.character("(")], "(", "less smoothing", action: .changeSmoothing(-1)),
        KeyBinding([.character(")")], ")", "more smoothing", action: .changeSmoothing(1)),
        // Related keys share a row: the help has room for one line per binding.
        KeyBinding([.character("z"), .character("Z"), .character("0")], "z Z 0",
                   "zoom the loss chart in (half the epochs, around the cursor), out (twice), 0: the whole run",
                   action: .zoomLossChart(0)),
        KeyBinding([.character("k"), .home, .end], "k Home End",
                   "read-out cursor: every run's train and test loss at one epoch (Left Right: move, Home End: ends)",
                   action: .toggleLossCursor),
        KeyBinding([.character("P")], "P",
                   "pin the selected run: drawn on top, first in legend and read-out, h cannot hide it (P: unpin)",
                   action: .togglePin),
        KeyBinding([.tab, .right, .down], "Tab Right Down", "next layer in the weight map",
                   legend: KeyHelp(key: "Tab", description: "layer"), action: .nextLayer),
        KeyBinding([.backTab, .left, .up], "Shift-Tab Left Up", "previous layer in the weight map", action: .previousLayer),
        KeyBinding([.enter], "Enter", "train on from the epoch viewed after {", action: .enter),
        KeyBinding([.character("x")], "x", "decision map of 3+ input columns: next column across (others at their mean)",
                   action: .cycleSliceColumn(axis: 0)),
        KeyBinding([.character("y")], "y", "decision map of 3+ input columns: next column up", action: .cycleSliceColumn(axis: 1)),
        KeyBinding([.character("c")], "c", "confusion view: training and test confusion matrices",
                   action: .toggleConfusion),
    ] + closing)

    /// The network view's keys: the selection, the sample, phase steps, edits and the gradient
    /// check first, then the keys every view shares.
    public static let network = KeyMap(bindings: [
        KeyBinding([.up, .character("k")], "Up k", "previous neuron in the layer",
                   legend: KeyHelp(key: "arrows", description: "neuron"), action: .moveSelection(dx: 0, dy: -1)),
        KeyBinding([.down, .character("j")], "Down j", "next neuron in the layer", action: .moveSelection(dx: 0, dy: 1)),
        KeyBinding([.left, .character("h")], "Left h", "layer to the left", action: .moveSelection(dx: -1, dy: 0)),
        KeyBinding([.right, .character("l")], "Right l", "layer to the right", action: .moveSelection(dx: 1, dy: 0)),
        KeyBinding([.tab], "Tab", "next weight into the neuron (the bias last)",
                   legend: KeyHelp(key: "Tab", description: "weight"), action: .cycleInput(1)),
        KeyBinding([.backTab], "Shift-Tab", "previous weight into the neuron", action: .cycleInput(-1)),
        KeyBinding([.character("x")], "x", "next training sample", legend: KeyHelp(key: "x/z", description: "sample"),
                   action: .cycleSample(1)),
        KeyBinding([.character("z")], "z", "previous training sample", action: .cycleSample(-1)),
        KeyBinding([.character("w")], "w", "the worst sample (largest loss)", action: .worstSample),
        KeyBinding([.character("p")], "p", "step one phase: forward layer by layer, loss, backward, update (pauses)",
                   legend: KeyHelp(key: "p", description: "phase"), action: .stepPhase),
        KeyBinding([.enter], "Enter", "type a new value for the selected weight or bias (after {: train on from there)",
                   legend: KeyHelp(key: "Enter", description: "edit"), action: .enter),
        KeyBinding([.character("g")], "g", "gradient check: backprop against central differences",
                   legend: KeyHelp(key: "g", description: "check"), action: .gradientCheck),
        KeyBinding([.character("v")], "v", "back to the dashboard", legend: KeyHelp(key: "v", description: "dashboard"),
                   action: .toggleScreen),
    ] + shared.map { binding in
        // The legend has room for the view's own keys and pause and step; help lists the rest.
        var quiet = binding
        if binding.action != .togglePause && binding.action != .step { quiet.legend = nil }
        return quiet
    } + [
        KeyBinding([.character("?")], "?", "show or hide this help", legend: KeyHelp(key: "?", description: "help"),
                   action: .toggleHelp),
        KeyBinding([.escape], "Esc", "close the help, leave phase stepping, or back to the live epoch", action: .closeHelp),
        KeyBinding([.character("q")], "q", "quit (the model is saved if --save was given)",
                   legend: KeyHelp(key: "q", description: "quit"), action: .quit),
    ])

    /// The key table of `screen`.
    public static func table(for screen: MonitorScreen) -> KeyMap {
        switch screen {
        case .dashboard: standard
        case .network: network
        case .confusion: confusion
        }
    }

    /// The binding `key` triggers, if any.
    public func binding(for key: Key) -> KeyBinding? {
        bindings.first { $0.keys.contains(key) }
    }

    /// What pressing `key` does in `state` while the trainer's status is `status`: pure, O(bindings).
    ///
    /// Unbound keys leave the state as it was and say so; a resize asks for a redraw.
    public func handle(_ key: Key, state: MonitorViewState, status: RunStatus) -> KeyOutcome {
        if state.network.prompt != nil, key != .resize { return handlePrompt(key, state: state) }
        // While the help is open, the arrows and paging keys scroll it (a small window shows a part).
        if state.helpVisible, let step = Self.helpScrollStep(key, page: state.helpPageRows) {
            var next = state
            next.helpScroll = min(max(0, state.helpScroll + step), max(0, bindings.count - 1))
            return KeyOutcome(state: next, effects: [.redraw])
        }
        if state.forkPrompt != nil, key != .resize { return handleForkPrompt(key, state: state) }
        if let refused = lockedOutcome(key, state: state) { return refused }
        if state.screen == .dashboard, state.lossChart.cursor != nil, key == .left || key == .right {
            var next = state
            next.lossChart.moveCursor(by: key == .left ? -1 : 1)
            return KeyOutcome(state: next, effects: [.redraw])
        }
        guard let binding = binding(for: key) else {
            switch key {
            case .resize: return KeyOutcome(state: state, effects: [.redraw])
            case .mouse: return KeyOutcome(state: state)  // a view that answers the mouse takes it first
            case .unknown: return KeyOutcome(state: state)
            default: return KeyOutcome(state: state, effects: [.say("\(key.description): not a key here; ? shows the keys")])
            }
        }
        var next = state
        // While an earlier epoch is on show, training it would train the hidden live run instead.
        if let viewed = state.viewedEpoch {
            switch binding.action {
            case .step:
                return KeyOutcome(state: next, effects: [.stepFromViewed])
            case .stepPhase, .editParameter:
                return KeyOutcome(state: next, effects: [
                    .say("viewing epoch \(viewed): n steps from it, Enter trains on from it, Esc returns to the live run"),
                ])
            default: break
            }
        }
        switch binding.action {
        case .toggleScreen:
            next.screen = state.screen == .dashboard ? .network : .dashboard
            next.helpVisible = false
        case .toggleConfusion:
            next.screen = state.screen == .confusion ? .dashboard : .confusion
            next.helpVisible = false
        case .cycleSliceColumn(let axis):
            guard let slice = state.slice, slice.columnCount > 2 else {
                return KeyOutcome(state: next, effects: [.say("x, y: the map's columns, for data of 3+ columns")])
            }
            next.slice = slice.cycled(axis: axis)
            let names = next.slice!.axisNames
            return KeyOutcome(state: next, effects: [.say("map: x \(names[0]), y \(names[1]); the other inputs at their training mean")])
        case .moveSelection(let dx, let dy):
            next.network.move(dx: dx, dy: dy)
        case .cycleInput(let step):
            next.network.cycleInput(by: step)
        case .cycleSample(let step):
            next.network.cycleSample(by: step)
        case .worstSample:
            return KeyOutcome(state: next, effects: [.selectWorstSample])
        case .stepPhase:
            return stepPhase(state: next, status: status)
        case .editParameter:
            return KeyOutcome(state: next, effects: [.openPrompt])
        case .enter:
            if state.viewedEpoch != nil { return KeyOutcome(state: next, effects: [.resumeFromViewed]) }
            guard state.screen == .network else {
                return KeyOutcome(state: next, effects: [.say("Enter trains on from an earlier epoch: { steps back to one")])
            }
            return KeyOutcome(state: next, effects: [.openPrompt])
        case .openFork:
            // The prompt opens even when no run can be added, so what is typed next (lr=0.7) is not
            // taken as dashboard keys (l, r, =, …); Enter then refuses, Esc closes.
            next.forkPrompt = ""
            if state.runLabels.count >= MonitorViewState.maximumRuns {
                return KeyOutcome(state: next, effects: [.say("already \(MonitorViewState.maximumRuns) runs: the most side by side")])
            }
        case .selectRun:
            guard case .character(let c) = key, let n = Int(String(c)), n >= 1 else { return KeyOutcome(state: next) }
            guard n <= state.runLabels.count else {
                return KeyOutcome(state: next, effects: [.say("no run \(n): \(state.runLabels.count) running; f forks one")])
            }
            next.selectedRun = n - 1
            next.viewedEpoch = nil
            next.network.phase = nil
        case .toggleAllRuns:
            next.commandsToAll.toggle()
            return KeyOutcome(state: next, effects: [.say(next.commandsToAll ? "training keys now go to every run (a: back to one)"
                                                          : "training keys go to the selected run")])
        case .toggleSmoothing:
            next.smoothing = state.smoothing == nil ? 0.9 : nil
        case .changeSmoothing(let step):
            let levels = MonitorViewState.smoothingLevels
            let current = levels.firstIndex { $0 >= (state.smoothing ?? 0.9) - 1e-9 } ?? 4
            next.smoothing = levels[min(max(0, current + step), levels.count - 1)]
        case .zoomLossChart:
            if key == .character("0") {
                next.lossChart.showWholeRun()
            } else if key == .character("Z") {
                next.lossChart.zoomOut()
            } else if !next.lossChart.zoomIn() {
                return KeyOutcome(state: next, effects: [
                    .say("zoomed in as far as the loss chart goes (\(LossChartViewState.minimumSpan) epochs); 0 shows the whole run"),
                ])
            }
        case .toggleLossCursor:
            if key == .home || key == .end { next.lossChart.moveCursorToEnd(key == .end) } else { next.lossChart.toggleCursor() }
        case .togglePin:
            if next.pinnedRuns.contains(state.selectedRun) { next.pinnedRuns.remove(state.selectedRun) } else {
                next.pinnedRuns.insert(state.selectedRun)
                next.hiddenRuns.remove(state.selectedRun)
            }
        case .toggleRunHidden:
            if state.pinnedRuns.contains(state.selectedRun), !state.hiddenRuns.contains(state.selectedRun) {
                return KeyOutcome(state: next, effects: [.say("run \(state.selectedRun + 1) is pinned: P unpins it, then h hides it")])
            }
            if next.hiddenRuns.contains(state.selectedRun) { next.hiddenRuns.remove(state.selectedRun) } else {
                next.hiddenRuns.insert(state.selectedRun)
            }
        case .rewind(let step):
            // The monitor pauses a running run when it finds an earlier epoch to show.
            return KeyOutcome(state: next, effects: [.stepRewind(step)])
        case .gradientCheck:
            guard !state.network.checking else {
                return KeyOutcome(state: next, effects: [.say("a gradient check is already running")])
            }
            return KeyOutcome(state: next, effects: [.runGradientCheck])
        case .togglePause:
            return KeyOutcome(state: next, commands: [.togglePause])
        case .step:
            guard status != .running else {
                return KeyOutcome(state: next, effects: [.say("n trains one epoch while paused; Space pauses")])
            }
            return KeyOutcome(state: next, commands: [.step])
        case .scaleLearningRate(let factor):
            return KeyOutcome(state: next, commands: [.scaleLearningRate(factor)])
        case .snapshot:
            // Runs side by side are snapshotted together, so they can be compared afterwards.
            if state.runLabels.count > 1 { return KeyOutcome(state: next, effects: [.snapshotRuns]) }
            return KeyOutcome(state: next, commands: [.snapshot])
        case .slower:
            next.speedLimit = MonitorViewState.slower(than: state.speedLimit)
            return KeyOutcome(state: next, commands: [.limitSpeed(next.speedLimit)])
        case .faster:
            guard state.speedLimit != nil else {
                return KeyOutcome(state: next, effects: [.say("no speed limit to lift; < slows training down")])
            }
            next.speedLimit = MonitorViewState.faster(than: state.speedLimit)
            return KeyOutcome(state: next, commands: [.limitSpeed(next.speedLimit)])
        case .reset:
            next.seed = state.seed &+ 1
            next.network.phase = nil
            next.viewedEpoch = nil
            return KeyOutcome(state: next, commands: [.reset(seed: next.seed)])
        case .toggleLogScale:
            next.logScale.toggle()
        case .nextLayer:
            next.selectedLayer = (state.selectedLayer + 1) % state.layerCount
        case .previousLayer:
            next.selectedLayer = (state.selectedLayer + state.layerCount - 1) % state.layerCount
        case .toggleHelp:
            next.helpVisible.toggle()
            next.helpScroll = 0
        case .closeHelp:
            if !state.helpVisible {
                if state.viewedEpoch != nil { next.viewedEpoch = nil } else { next.network.phase = nil }
            }
            next.helpVisible = false
        case .quit:
            return KeyOutcome(state: next, effects: [.quit])
        case .openSettings:
            next.settings = SettingsPanelState()
            next.dataEdit = nil
        case .toggleDataEdit:
            next.dataEdit = state.dataEdit == nil ? DataEditState() : nil
        case .cycleExtraCurve(let step):
            next.extraCurve += step
        }
        return KeyOutcome(state: next, effects: [.redraw])
    }

    /// How far a key scrolls the open help: the arrows a row, the paging keys the `page` rows it shows.
    static func helpScrollStep(_ key: Key, page: Int) -> Int? {
        switch key {
        case .down, .character("j"): 1
        case .up, .character("k"): -1
        case .pageDown: max(1, page)
        case .pageUp: -max(1, page)
        default: nil
        }
    }

    /// Every binding as a help overlay row.
    public var helpEntries: [KeyHelp] {
        bindings.map { KeyHelp(key: $0.label, description: $0.description) }
    }

    /// The one-line legend's entries, in table order.
    public var legendEntries: [KeyHelp] {
        bindings.compactMap(\.legend)
    }

    /// The key list for the README: a Markdown table, one row per binding.
    public var markdown: String {
        var lines = ["| Key | Action |", "|---|---|"]
        for binding in bindings {
            let names = binding.label.split(separator: " ").map { "`\($0)`" }.joined(separator: ", ")
            lines.append("| \(names) | \(binding.description) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
