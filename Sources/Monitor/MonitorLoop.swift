import Dispatch
import TerminalUI
import Training

/// How a monitor session ended.
public enum MonitorEnding: Hashable, Sendable {
    /// The user pressed `q`.
    case quit
    /// A termination signal arrived (its number).
    case signal(Int32)
}

/// The monitor's frame loop: about 30 times a second it takes the trainer's latest state, draws
/// the dashboard if anything visible changed, and handles the keys that came in meanwhile.
///
/// The trainer never waits for the screen: the loop reads `state` once per frame (a copy of the
/// latest published value) and sends commands, which queue. Runs on the calling thread until `q`
/// or a signal; everything it touches belongs to that thread.
public struct MonitorLoop {
    /// Names, data and input space of the run.
    public var run: MonitorRunInfo
    /// The key table.
    public var keyMap: KeyMap
    /// Frames per second at most.
    public var framesPerSecond: Double
    /// Seconds on a monotonic clock (a parameter so tests control time).
    public var clock: () -> Double
    /// Told the monitor's view state after every key (e.g. so a snapshot can write the inspector
    /// the user is looking at); called on the loop's thread.
    public var viewObserver: ((MonitorViewState) -> Void)?

    /// A loop for `run` at `framesPerSecond`, timed by `clock`.
    public init(
        run: MonitorRunInfo, keyMap: KeyMap = .standard, framesPerSecond: Double = 30,
        clock: @escaping () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }
    ) {
        self.run = run
        self.keyMap = keyMap
        self.framesPerSecond = framesPerSecond
        self.clock = clock
    }

    /// What a drawn frame showed; a frame equal to the last one drawn is not drawn again.
    struct FrameSignature: Hashable {
        var width: Int
        var height: Int
        var epoch: Int
        var generation: Int
        var status: RunStatus
        var learningRate: Double
        var epochsPerSecond: Double
        var view: MonitorViewState
        var showsMessage: Bool
        var parameterEdits: Int
    }

    /// Runs until `q` (returns `.quit`) or until `pendingSignal` reports a signal.
    public func run(
        trainer: some TrainerConnection, terminal: some TerminalDevice, pendingSignal: () -> Int32?
    ) -> MonitorEnding {
        let theme = Theme(colorMode: terminal.colorMode, glyphs: terminal.supportsUnicode ? .unicode : .ascii)
        let dashboard = Dashboard(run: run, theme: theme, keyMap: keyMap)
        let networkView = NetworkView(dashboard: dashboard)
        let initial = trainer.state
        var view = MonitorViewState(layerCount: initial.network.shapes.count, seed: run.seed,
                                    sizes: initial.network.sizes, sampleCount: run.trainingSet.count)
        var grid = DecisionGrid(run: run)
        var pictures = NeuronPictureCache(run: run)
        let gradientCheck = GradientCheckTask()
        var buffer = CellBuffer(width: 0, height: 0)
        var lastDrawn: FrameSignature?
        let interval = 1 / max(1, framesPerSecond)
        var nextFrame = clock()
        while true {
            if let signal = pendingSignal() { return .signal(signal) }
            let now = clock()
            let live = trainer.state
            view.absorb(live, now: now)
            // While a rewind point is on show, every panel draws that epoch's weights.
            var state = live
            if let epoch = view.viewedEpoch {
                if let parameters = trainer.rewindParameters(at: epoch) {
                    state = live.viewing(epoch: epoch, parameters: parameters)
                } else {
                    view.viewedEpoch = nil
                }
            }
            if let check = gradientCheck.take() {
                view.network.checking = false
                view.network.gradientCheck = check
                view.checkedGeneration = state.generation
                view.say(String(format: "gradient check: worst relative error %.1e (layer %d), %d samples in %.2f s",
                                check.worstRelativeError, check.worstLayer + 1, check.samples, check.seconds), now: now)
            }
            let width = terminal.screenWidth, height = terminal.screenHeight
            let signature = FrameSignature(
                width: width, height: height, epoch: state.epoch, generation: state.generation, status: state.status,
                learningRate: state.learningRate, epochsPerSecond: state.epochsPerSecond, view: view,
                showsMessage: view.visibleMessage(at: now) != nil, parameterEdits: state.parameterEdits)
            if signature != lastDrawn {
                if buffer.width != width || buffer.height != height { buffer.reset(width: width, height: height) }
                var frame = MonitorFrame(state: state, view: view, now: now)
                switch view.screen {
                case .dashboard:
                    let layout = DashboardLayout(width: width, height: height)
                    frame.samples = dashboard.gridSize(in: layout).flatMap { size in
                        grid.samples(for: state, width: size.width, height: size.height, now: now)
                    }
                    dashboard.render(frame, into: &buffer)
                case .network:
                    frame.pictures = pictures.pictures(for: state, now: now)
                    networkView.render(frame, into: &buffer)
                }
                terminal.draw(buffer)
                lastDrawn = signature
            }
            nextFrame = max(nextFrame + interval, clock())
            while pendingSignal() == nil {
                let milliseconds = Int(((nextFrame - clock()) * 1000).rounded(.up))
                guard let key = terminal.readKey(timeoutMilliseconds: max(0, milliseconds)) else { break }
                if case .mouse(let button, let column, let row) = key, view.screen == .network {
                    if let selected = networkView.mouse(button, column: column, row: row, network: trainer.state.network,
                                                        view: view, width: width, height: height) {
                        view = selected
                        viewObserver?(view)
                    }
                    continue
                }
                let table = view.screen == .dashboard ? keyMap : networkView.keyMap
                let outcome = table.handle(key, state: view, status: state.status)
                view = outcome.state
                viewObserver?(view)
                for command in outcome.commands { trainer.send(command) }
                for effect in outcome.effects {
                    switch effect {
                    case .quit: return .quit
                    case .redraw: lastDrawn = nil
                    case .say(let text): view.say(text, now: clock())
                    case .selectWorstSample:
                        let data = run.trainingSet
                        let network = trainer.state.network
                        guard data.count > 0, data.featureCount == network.inputCount else { break }
                        let losses = network.sampleLosses(features: data.features, labels: data.labels)
                        let worst = losses.indices.max { losses[$0] < losses[$1] } ?? 0
                        view.network.sample = worst
                        view.say("sample \(worst + 1) has the largest loss, \(String(format: "%.4g", losses[worst]))", now: clock())
                    case .openPrompt:
                        let network = trainer.state.network
                        let index = view.network.parameterIndex(in: network)
                        view.network.prompt = ParameterPrompt(index: index, name: network.parameterName(index),
                                                              current: network.parameters[index])
                    case .stepRewind(let step):
                        // A step is a fiftieth of the run (about a chart column), to the nearest kept point.
                        let epochs = trainer.rewindEpochs, liveEpoch = trainer.state.epoch
                        let current = view.viewedEpoch ?? liveEpoch, stride = max(1, liveEpoch / 50)
                        if step < 0 {
                            if let target = epochs.last(where: { $0 <= current - stride }) ?? epochs.first(where: { $0 < current }) {
                                view.viewedEpoch = target
                            } else {
                                view.say(epochs.isEmpty ? "no rewind points are kept in this run"
                                         : "epoch \(current) is the earliest kept", now: clock())
                            }
                        } else if view.viewedEpoch == nil {
                            view.say("already at the live epoch", now: clock())
                        } else if let target = epochs.first(where: { $0 >= current + stride }) ?? epochs.first(where: { $0 > current }),
                                  target < liveEpoch {
                            view.viewedEpoch = target
                        } else {
                            view.viewedEpoch = nil
                            view.say("back to the live epoch", now: clock())
                        }
                    case .resumeFromViewed:
                        if let epoch = view.viewedEpoch {
                            trainer.send(.rewind(toEpoch: epoch))
                            view.viewedEpoch = nil
                        }
                    case .runGradientCheck:
                        let current = trainer.state
                        guard run.trainingSet.count > 0, run.trainingSet.featureCount == current.network.inputCount else {
                            view.say("no training samples to check the gradient on", now: clock())
                            break
                        }
                        view.network.checking = true
                        gradientCheck.start(network: current.network, data: run.trainingSet, epoch: current.epoch,
                                            edits: current.parameterEdits)
                    }
                }
                if milliseconds <= 0 { break }
            }
        }
    }
}
