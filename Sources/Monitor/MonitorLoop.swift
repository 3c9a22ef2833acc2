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
    }

    /// Runs until `q` (returns `.quit`) or until `pendingSignal` reports a signal.
    public func run(
        trainer: some TrainerConnection, terminal: some TerminalDevice, pendingSignal: () -> Int32?
    ) -> MonitorEnding {
        let theme = Theme(colorMode: terminal.colorMode, glyphs: terminal.supportsUnicode ? .unicode : .ascii)
        let dashboard = Dashboard(run: run, theme: theme, keyMap: keyMap)
        var view = MonitorViewState(layerCount: trainer.state.network.shapes.count, seed: run.seed)
        var grid = DecisionGrid(run: run)
        var buffer = CellBuffer(width: 0, height: 0)
        var lastDrawn: FrameSignature?
        let interval = 1 / max(1, framesPerSecond)
        var nextFrame = clock()
        while true {
            if let signal = pendingSignal() { return .signal(signal) }
            let now = clock()
            let state = trainer.state
            view.absorb(state, now: now)
            let width = terminal.screenWidth, height = terminal.screenHeight
            let signature = FrameSignature(
                width: width, height: height, epoch: state.epoch, generation: state.generation, status: state.status,
                learningRate: state.learningRate, epochsPerSecond: state.epochsPerSecond, view: view,
                showsMessage: view.visibleMessage(at: now) != nil)
            if signature != lastDrawn {
                if buffer.width != width || buffer.height != height { buffer.reset(width: width, height: height) }
                let layout = DashboardLayout(width: width, height: height)
                let samples = dashboard.gridSize(in: layout).flatMap { size in
                    grid.samples(for: state, width: size.width, height: size.height, now: now)
                }
                dashboard.render(state: state, view: view, samples: samples, now: now, into: &buffer)
                terminal.draw(buffer)
                lastDrawn = signature
            }
            nextFrame = max(nextFrame + interval, clock())
            while pendingSignal() == nil {
                let milliseconds = Int(((nextFrame - clock()) * 1000).rounded(.up))
                guard let key = terminal.readKey(timeoutMilliseconds: max(0, milliseconds)) else { break }
                let outcome = keyMap.handle(key, state: view, status: state.status)
                view = outcome.state
                for command in outcome.commands { trainer.send(command) }
                for effect in outcome.effects {
                    switch effect {
                    case .quit: return .quit
                    case .redraw: lastDrawn = nil
                    case .say(let text): view.say(text, now: clock())
                    }
                }
                if milliseconds <= 0 { break }
            }
        }
    }
}
