import TerminalUI
import Training

/// What one frame of any view is drawn from: the trainer's state, the monitor's own state, and
/// the evaluated pictures the views may use (each view takes what it needs).
public struct MonitorFrame {
    public var state: TrainerState
    public var view: MonitorViewState
    /// The decision map's grid (dashboard).
    public var samples: DecisionSamples?
    /// Every neuron's picture over the input plane (network view).
    public var pictures: NeuronPictures?
    /// The training and test confusion matrices (confusion view).
    public var confusion: ConfusionPair?
    /// The monitor clock, for the message line.
    public var now: Double
    /// The other side-by-side runs' training losses (dashboard's loss chart).
    public var overlays: [LossOverlay] = []
    /// The other visible runs' values at the loss chart's read-out cursor (the run on show adds its own).
    public var readoutRows: [LossReadout.Row] = []

    public init(state: TrainerState, view: MonitorViewState, samples: DecisionSamples? = nil,
                pictures: NeuronPictures? = nil, now: Double) {
        self.state = state
        self.view = view
        self.samples = samples
        self.pictures = pictures
        self.now = now
    }
}

/// One screen of the monitor. A view owns its layout and its key table; the legend and the help
/// overlay it draws come from that table, so they always describe the keys in force.
public protocol MonitorView: Sendable {
    /// The keys this view answers, in the order its help lists them.
    var keyMap: KeyMap { get }
    /// Draws the whole screen for `frame` into `buffer`. Pure.
    func render(_ frame: MonitorFrame, into buffer: inout CellBuffer)
}

extension Dashboard: MonitorView {
    public func render(_ frame: MonitorFrame, into buffer: inout CellBuffer) {
        render(state: frame.state, view: frame.view, samples: frame.samples, now: frame.now, overlays: frame.overlays,
               readoutRows: frame.readoutRows, into: &buffer)
    }
}
