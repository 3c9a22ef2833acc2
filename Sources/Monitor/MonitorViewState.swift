import Datasets
import Training

/// The monitor's screens; `v` switches between them.
public enum MonitorScreen: String, Hashable, Sendable {
    /// Loss, decision map, weights and gradient norms.
    case dashboard
    /// Every neuron's picture, the selection and the inspector's chain-rule numbers.
    case network
    /// The training and test confusion matrices (`c`).
    case confusion
}

/// A line shown in the monitor's message area, and when it was first shown.
public struct ShownMessage: Hashable, Sendable {
    /// The text, e.g. `lr changed to 0.2`.
    public var text: String
    /// How serious it is (picks the message line's style).
    public var isWarning: Bool
    /// When it first appeared, in seconds on the monitor's clock.
    public var shownAt: Double

    /// A message `text` first shown at `shownAt`.
    public init(text: String, isWarning: Bool = false, shownAt: Double) {
        self.text = text
        self.isWarning = isWarning
        self.shownAt = shownAt
    }
}

/// What the monitor remembers about its own display, apart from the trainer's state: scale,
/// selected layer, help, the message on show, the seed of the next reset.
///
/// "Pause training" is a trainer command; everything here only changes what is drawn. A value
/// type changed by the pure key handling in `KeyMap` and by `absorb(_:now:)` once per frame.
public struct MonitorViewState: Hashable, Sendable {
    /// How long a message stays on screen, in seconds.
    public static let messageDuration = 4.0

    /// Whether the loss chart's y axis is log10.
    public var logScale = false
    /// The loss lines' smoothing weight (`m`, `(`, `)`), nil for the raw lines.
    public var smoothing: Double?
    /// The smoothing weights `(` and `)` step through.
    public static let smoothingLevels = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99]
    /// The two input columns the decision map shows (`x`, `y`), nil with fewer than two.
    public var slice: InputSlice?
    /// The layer the weight heatmap shows (0: the input side).
    public var selectedLayer = 0
    /// How many layers the network has (at least 1).
    public var layerCount: Int
    /// Whether the help overlay covers the dashboard.
    public var helpVisible = false
    /// The first help row shown when the help does not fit the window (Up, Down, PageUp, PageDown).
    public var helpScroll = 0
    /// How many rows PageUp and PageDown scroll the open help: the entries it shows at once in the
    /// window (the loop sets it from the window's height; `HelpOverlay.pageRows(in:)`).
    public var helpPageRows = 10
    /// The seed the weights were last drawn with; `r` resets with the next one.
    public var seed: UInt64
    /// The id of the newest trainer message already taken in.
    public var lastSeenMessageID = 0
    /// The message on show (until `messageDuration` has passed).
    public var message: ShownMessage?
    /// The trainer generation last seen (a reset ends viewing a rewind point).
    public var viewedGeneration = 0
    /// The trainer generation the gradient check was made in.
    public var checkedGeneration = 0
    /// Whether the run has reached `--epochs` (the final state stays on screen until `q`).
    public var finished = false
    /// The trainer's speed limit in epochs per second (nil: none), as last seen.
    public var speedLimit: Double?

    /// The screen on show.
    public var screen: MonitorScreen = .dashboard
    /// The rewind point on show instead of the live epoch (`{` and `}`), if any.
    public var viewedEpoch: Int?
    /// The runs side by side: what each differs in (`main`, `lr=0.3`); the first is the run the
    /// monitor was started with.
    public var runLabels: [String] = ["main"]
    /// The run the panels show and the keys steer (`1`…`6`).
    public var selectedRun = 0
    /// Runs whose loss curves are hidden (`h`).
    public var hiddenRuns: Set<Int> = []
    /// `mlptop watch`: which extra curve the metrics panel charts (any integer; taken modulo
    /// the number of extra curves).
    public var extraCurve = 0
    /// Whether training commands go to every run (`a`) rather than the selected one.
    public var commandsToAll = false
    /// Runs pinned with `P`: drawn over the others, first in the legend and read-out, never hidden.
    public var pinnedRuns: Set<Int> = []
    /// The loss chart's zoom and read-out cursor (`z`, `Z`, `0`, `k`).
    public var lossChart = LossChartViewState()
    /// The change being typed at the fork prompt (`f`), if it is open.
    public var forkPrompt: String?
    /// The settings panel (`e`), while it is open.
    public var settings: SettingsPanelState?
    /// Data editing on the decision map (`d`), while it is on.
    public var dataEdit: DataEditState?

    /// The most runs side by side.
    public static let maximumRuns = 6
    /// The network view's selection, sample, phase and prompt.
    public var network: NetworkViewState

    /// The speed limits `<` steps down through (and `>` back up, then off).
    public static let speedLevels: [Double] = [2000, 1000, 300, 100, 30, 10, 3, 1]

    /// The next speed limit down from `limit` (the slowest stays).
    public static func slower(than limit: Double?) -> Double {
        guard let limit else { return speedLevels[0] }
        return speedLevels.first { $0 < limit } ?? speedLevels[speedLevels.count - 1]
    }

    /// The next speed limit up from `limit`, or nil (no limit) above the fastest level.
    public static func faster(than limit: Double?) -> Double? {
        guard let limit else { return nil }
        return speedLevels.last { $0 > limit }
    }

    /// The view of a network with `layerCount` layers whose weights came from `seed`.
    /// `sizes` are the layer sizes, inputs first, and `sampleCount` the training samples the
    /// network view's inspector picks from.
    public init(layerCount: Int, seed: UInt64, sizes: [Int] = [], sampleCount: Int = 1) {
        self.layerCount = max(1, layerCount)
        self.seed = seed
        network = NetworkViewState(sizes: sizes.count >= 2 ? sizes : [1, 1], sampleCount: sampleCount)
    }

    /// Takes in the trainer's new messages and status: the newest unseen message goes on show at
    /// `now` (a warning when the run has diverged), and `finished` follows the DONE status.
    public mutating func absorb(_ state: TrainerState, now: Double) {
        finished = state.status == .done
        speedLimit = state.speedLimit
        layerCount = max(1, state.network.shapes.count)
        selectedLayer = min(selectedLayer, layerCount - 1)
        network.adopt(sizes: state.network.sizes)
        if state.generation != viewedGeneration { viewedEpoch = nil }
        lossChart.adopt(extent: (state.history.trainLoss.buckets.first?.firstEpoch ?? state.epoch)...max(1, state.epoch))
        viewedGeneration = state.generation
        // A check stays on show, labelled with its epoch, until a reset starts a new network.
        if network.gradientCheck != nil, state.generation != checkedGeneration { network.gradientCheck = nil }
        guard let newest = state.messages.last, newest.id > lastSeenMessageID else { return }
        lastSeenMessageID = newest.id
        message = ShownMessage(text: newest.text, isWarning: state.status == .diverged, shownAt: now)
    }

    /// Puts the monitor's own `text` on show at `now`.
    public mutating func say(_ text: String, now: Double) {
        message = ShownMessage(text: text, shownAt: now)
    }

    /// The message to draw at `now`, or nil once it is older than `messageDuration`.
    public func visibleMessage(at now: Double) -> ShownMessage? {
        guard let message, now - message.shownAt < Self.messageDuration else { return nil }
        return message
    }
}
