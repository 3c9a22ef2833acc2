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
    case closeHelp
    case quit
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

    /// A key map of `bindings` (the first binding of a key wins).
    public init(bindings: [KeyBinding]) {
        self.bindings = bindings
    }

    /// mlptop's keys. Text is ASCII only, so help reads the same in `--ascii` mode.
    public static let standard = KeyMap(bindings: [
        KeyBinding([.space], "Space", "pause or resume training", legend: KeyHelp(key: "Space", description: "pause"),
                   action: .togglePause),
        KeyBinding([.character("n")], "n", "train one epoch while paused", legend: KeyHelp(key: "n", description: "step"),
                   action: .step),
        KeyBinding([.character("+"), .character("=")], "+ =", "double the learning rate",
                   legend: KeyHelp(key: "+/-", description: "lr"), action: .scaleLearningRate(2)),
        KeyBinding([.character("-"), .character("_")], "- _", "halve the learning rate", action: .scaleLearningRate(0.5)),
        KeyBinding([.character("]")], "]", "learning rate x1.1", legend: KeyHelp(key: "]/[", description: "fine lr"),
                   action: .scaleLearningRate(1.1)),
        KeyBinding([.character("[")], "[", "learning rate /1.1", action: .scaleLearningRate(1 / 1.1)),
        KeyBinding([.character("<"), .character(",")], "< ,", "slower: at most 1000, 300, 100 ... 1 epochs per second",
                   legend: KeyHelp(key: "</>", description: "speed"), action: .slower),
        KeyBinding([.character(">"), .character(".")], "> .", "faster, then no limit", action: .faster),
        KeyBinding([.character("s")], "s", "export a snapshot", legend: KeyHelp(key: "s", description: "snapshot"),
                   action: .snapshot),
        KeyBinding([.character("r")], "r", "reset with a new seed", legend: KeyHelp(key: "r", description: "reset"),
                   action: .reset),
        KeyBinding([.character("l")], "l", "log scale for the loss chart", legend: KeyHelp(key: "l", description: "log"),
                   action: .toggleLogScale),
        KeyBinding([.tab, .right, .down], "Tab Right Down", "next layer in the weight map",
                   legend: KeyHelp(key: "Tab", description: "layer"), action: .nextLayer),
        KeyBinding([.backTab, .left, .up], "Shift-Tab Left Up", "previous layer in the weight map", action: .previousLayer),
        KeyBinding([.character("?")], "?", "show or hide this help", legend: KeyHelp(key: "?", description: "help"),
                   action: .toggleHelp),
        KeyBinding([.escape], "Esc", "close the help", action: .closeHelp),
        KeyBinding([.character("q")], "q", "quit (the model is saved if --save was given)",
                   legend: KeyHelp(key: "q", description: "quit"), action: .quit),
    ])

    /// The binding `key` triggers, if any.
    public func binding(for key: Key) -> KeyBinding? {
        bindings.first { $0.keys.contains(key) }
    }

    /// What pressing `key` does in `state` while the trainer's status is `status`: pure, O(bindings).
    ///
    /// Unbound keys leave the state as it was and say so; a resize asks for a redraw.
    public func handle(_ key: Key, state: MonitorViewState, status: RunStatus) -> KeyOutcome {
        guard let binding = binding(for: key) else {
            switch key {
            case .resize: return KeyOutcome(state: state, effects: [.redraw])
            case .unknown: return KeyOutcome(state: state)
            default: return KeyOutcome(state: state, effects: [.say("\(key.description): not a key here; ? shows the keys")])
            }
        }
        var next = state
        switch binding.action {
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
            return KeyOutcome(state: next, commands: [.reset(seed: next.seed)])
        case .toggleLogScale:
            next.logScale.toggle()
        case .nextLayer:
            next.selectedLayer = (state.selectedLayer + 1) % state.layerCount
        case .previousLayer:
            next.selectedLayer = (state.selectedLayer + state.layerCount - 1) % state.layerCount
        case .toggleHelp:
            next.helpVisible.toggle()
        case .closeHelp:
            next.helpVisible = false
        case .quit:
            return KeyOutcome(state: next, effects: [.quit])
        }
        return KeyOutcome(state: next, effects: [.redraw])
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
