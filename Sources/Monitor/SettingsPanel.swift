import Datasets
import TerminalUI
import Training

/// What a key does in the settings panel.
public enum SettingsAction: Hashable, Sendable {
    case up, down, pageUp, pageDown
    /// Left, `-`: the previous choice, fewer neurons, a smaller value.
    case decrease
    /// Right, `+`: the next choice, more neurons, a larger value.
    case increase
    /// Enter: type a value (or set the one typed).
    case edit
    /// `y`: start again with the pending changes.
    case confirm
    /// `u`: drop the last pending change.
    case undo
    /// Esc, `e`: close the prompt, or the panel.
    case close
}

/// The settings panel (`e`): every setting of the run, changed while it trains.
///
/// Changes that keep the network's shape and the data (optimiser and its settings, L1, L2, batch
/// size, learning rate, speed) are sent at once and take effect at the next epoch boundary; the
/// learning rate's Left and Right send exactly what `-` and `+` send. Changes of the data or the
/// shape wait in a pending list until `y` starts the run again from fresh weights drawn from the
/// seed (every layer, also one that keeps its size: the run is then exactly what `mlptop train`
/// with the new settings starts). Values are checked by the flags' own validation, with their
/// messages. Key handling is a function of its inputs (only a data set that is a file is read).
public enum SettingsPanel {
    /// The panel's keys.
    public static let keys = ModeKeyTable<SettingsAction>([
        ([.up, .character("k")], "Up k", "previous setting", KeyHelp(key: "Up/Down", description: "move"), .up),
        ([.down, .character("j")], "Down j", "next setting", nil, .down),
        ([.pageUp], "PageUp", "a page of settings up", nil, .pageUp),
        ([.pageDown], "PageDown", "a page of settings down", nil, .pageDown),
        ([.left, .character("-"), .character("h")], "Left - h",
         "previous choice, one neuron or layer fewer, a smaller value (lr: as - does)", KeyHelp(key: "Left/Right", description: "change"),
         .decrease),
        ([.right, .character("+"), .character("="), .character("l")], "Right + = l",
         "next choice, one neuron or layer more, a larger value (lr: as + does)", nil, .increase),
        ([.enter], "Enter", "type a value (a CSV path for dataset); Enter again sets it", KeyHelp(key: "Enter", description: "type"), .edit),
        ([.character("y")], "y", "start again with the pending data and shape changes (fresh weights)",
         KeyHelp(key: "y", description: "apply"), .confirm),
        ([.character("u"), .backspace], "u Backspace", "drop the last pending change", KeyHelp(key: "u", description: "undo"), .undo),
        ([.escape, .character("e")], "Esc e", "close the prompt, or the panel (pending changes are dropped)",
         KeyHelp(key: "Esc", description: "close"), .close),
    ])

    /// The configuration the panel shows: `run`'s with the learning rate in force and the pending
    /// changes applied (each was valid when made).
    public static func shownConfiguration(
        _ base: RunConfiguration, pending: [SettingChange], learningRate: Double
    ) -> RunConfiguration {
        var configuration = base
        configuration.optimizer.learningRate = learningRate
        for change in pending { configuration = (try? configuration.applying(change.setting, change.value)) ?? configuration }
        return configuration
    }

    /// The row's value as shown.
    public static func value(of row: SettingsRow, in configuration: RunConfiguration, speedLimit: Double?) -> String {
        switch row {
        case .setting(let setting): configuration.value(of: setting)
        case .layerCount: "\(configuration.hiddenSizes.count)"
        case .layer(let k): k < configuration.hiddenSizes.count ? "\(configuration.hiddenSizes[k])" : "-"
        case .speed: speedLimit.map(formatRate) ?? "no limit"
        }
    }

    /// What the run's state offers the panel: the run as now defined, the rate and speed in force.
    public struct Context {
        public var run: PreparedRun
        public var learningRate: Double
        public var speedLimit: Double?
        /// A lesson's locks: a locked setting's row cannot be changed.
        public var lock = KeyLock()

        public init(run: PreparedRun, learningRate: Double, speedLimit: Double?, lock: KeyLock = KeyLock()) {
            self.run = run
            self.learningRate = learningRate
            self.speedLimit = speedLimit
            self.lock = lock
        }
    }

    /// What `key` does with the panel open in `view`, or nil when the key is not the panel's (it
    /// then does what it does on the dashboard: Space pauses, q quits).
    public static func handle(_ key: Key, view: MonitorViewState, context: Context) -> KeyOutcome? {
        guard var panel = view.settings else { return nil }
        var next = view
        let configuration = shownConfiguration(context.run.configuration, pending: panel.pending, learningRate: context.learningRate)
        let rows = SettingsRow.all(layers: configuration.hiddenSizes.count)
        panel.selected = min(max(0, panel.selected), rows.count - 1)
        let row = rows[panel.selected]
        var commands: [TrainerCommand] = []
        func finish() -> KeyOutcome {
            next.settings = panel
            return KeyOutcome(state: next, commands: commands, effects: [.redraw])
        }
        // A lesson may lock a setting: its row shows its value but does not change.
        if let lockedName = lockedName(of: row, lock: context.lock), panel.prompt == nil, let action = keys.action(for: key),
           [.decrease, .increase, .edit].contains(action) {
            panel.note = "\(lockedName) is locked in this lesson"
            panel.noteIsError = true
            return finish()
        }
        // A setting the optimiser in force ignores is refused as its flag is on the command line.
        if let refusal = ignoredRefusal(row, in: configuration), panel.prompt == nil, let action = keys.action(for: key),
           [.decrease, .increase, .edit].contains(action) {
            panel.note = refusal
            panel.noteIsError = true
            return finish()
        }
        if let typed = panel.prompt {
            switch key {
            case .escape: panel.prompt = nil
            case .enter:
                panel.prompt = nil
                commands = set(row, to: typed, panel: &panel, configuration: configuration, context: context)
            case .backspace, .delete: panel.prompt = String(typed.dropLast())
            case .space: panel.prompt = (panel.promptIsCurrentValue ? "" : typed) + " "
            case .character(let c): panel.prompt = (panel.promptIsCurrentValue ? "" : typed) + String(c)
            default: break
            }
            panel.promptIsCurrentValue = false
            return finish()
        }
        if case .mouse(let button, _, _) = key {
            // A click's row is found by the monitor (it knows the layout); the wheel scrolls.
            switch button {
            case .wheelUp: panel.selected = max(0, panel.selected - 1)
            case .wheelDown: panel.selected = min(rows.count - 1, panel.selected + 1)
            case .left: break
            }
            noteStep(&panel, from: row, rows: rows, configuration: configuration)
            return finish()
        }
        guard let action = keys.action(for: key) else { return nil }
        switch action {
        case .up: panel.selected = max(0, panel.selected - 1)
        case .down: panel.selected = min(rows.count - 1, panel.selected + 1)
        case .pageUp: panel.selected = max(0, panel.selected - 10)
        case .pageDown: panel.selected = min(rows.count - 1, panel.selected + 10)
        case .decrease, .increase:
            commands = step(row, by: action == .increase ? 1 : -1, panel: &panel, configuration: configuration, context: context)
        case .edit:
            panel.prompt = row == .setting(.features) && configuration.features == nil ? ""
                : value(of: row, in: configuration, speedLimit: context.speedLimit)
            panel.promptIsCurrentValue = true
            if row == .speed, context.speedLimit == nil { panel.prompt = "0" }
        case .confirm:
            guard !panel.pending.isEmpty else {
                panel.note = "nothing pending: data and shape changes wait here for y"
                panel.noteIsError = false
                return finish()
            }
            do {
                let redefinition = try context.run.redefinition(applying: panel.pending, learningRate: context.learningRate)
                commands = [.redefine(redefinition)]
                panel.pending = []
                panel.note = "started again: " + redefinition.summary
                panel.noteIsError = false
                next.seed = redefinition.prepared.configuration.seed
                next.viewedEpoch = nil
            } catch {
                panel.note = error.description + "; the run is unchanged"
                panel.noteIsError = true
            }
        case .undo:
            if let last = panel.pending.popLast() {
                panel.note = "dropped \(last)"
                panel.noteIsError = false
            }
        case .close:
            next.settings = nil
            let dropped = panel.pending.isEmpty ? [] : [MonitorEffect.say("settings closed; pending changes dropped: "
                                                                          + panel.pending.map(\.description).joined(separator: " "))]
            return KeyOutcome(state: next, effects: [.redraw] + dropped)
        }
        if [.up, .down, .pageUp, .pageDown].contains(action) {
            noteStep(&panel, from: row, rows: rows, configuration: configuration)
        }
        return finish()
    }
}
