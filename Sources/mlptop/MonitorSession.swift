import CursesBackend
import Dispatch
import Foundation
import Glibc
import MLPEngine
import Monitor
import TerminalUI
import Training

/// Runs a prepared training run in the live monitor: the dashboard on the terminal, keys to
/// steer, `q` or a termination signal to stop. Without a usable terminal it says why and runs
/// headless instead.
///
/// Order matters: signals are caught before curses starts (so ncurses leaves them alone), and on
/// every exit path the trainer stops and the terminal is restored before anything is printed or
/// saved. Main thread only.
struct MonitorSession {
    let prepared: PreparedRun
    let options: TrainOptions
    /// Start paused (for `mlptop show`).
    var startPaused = false
    /// History to show from the start (for `mlptop show`).
    var initialState: TrainerState?
    /// Runs trained beside this one from the start (`mlptop compare`), with what each varies.
    var siblings: [(prepared: PreparedRun, label: String)] = []
    /// What this run is called in the loss chart's legend.
    var label = "main"
    /// A lesson's locked keys, hidden panels and notes (`--config`).
    var lesson = Lesson()

    /// The speed a monitored run starts at unless `--speed` says otherwise: small networks learn
    /// the default problems in about a second at full speed, too fast to see; at this pace the
    /// default spiral's descent takes a few seconds and fills the loss chart. A net whose epochs
    /// are slower than this is not slowed at all.
    static let watchPace = 2000.0

    /// Trains until `q` or a signal and returns the process exit status: 0 after `q` (70 if the run
    /// is diverged then), 128 + signal after a signal (or a file error's status when --save, --log
    /// or a snapshot failed).
    func run() -> Int32 {
        let signals = TerminationSignals.install()
        defer { signals.uninstall() }
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.open(preferASCII: options.ascii,
                                               noColor: options.noColor || UIDemoCommand.noColorRequested())
        } catch {
            signals.uninstall()
            StandardStreams.error("mlptop: \(error); running headless")
            return HeadlessSession(prepared: prepared, options: options, initialState: initialState).run()
        }
        let screen = ScreenRecorder(terminal)
        // In 256 colours the map is coloured half blocks, which text cannot show: screen.txt then
        // spells the same frame with the text glyphs (as `show --print` does).
        let usesHalfBlocks = terminal.colorMode == .palette256 && terminal.supportsUnicode
        let runInfo = options.monitorRunInfo(for: prepared)
        let textDashboard = Dashboard(run: runInfo, theme: Theme(colorMode: .none, glyphs: .unicode))
        // The view the user is on, for the inspector text a snapshot's screen.txt ends with.
        let shownView = LockedValue(MonitorViewState(layerCount: prepared.network.shapes.count, seed: prepared.configuration.seed,
                                                     sizes: prepared.network.sizes, sampleCount: prepared.trainingSet.count))
        // Every run on screen trains on a lease of these cores, so up to 6 take fair turns.
        let coreShare = CoreShare(width: RunGroup.defaultWidth)
        let services: RunServices
        do {
            services = try RunServices(prepared: prepared, options: options, startPaused: startPaused,
                                       initialState: initialState, recordsSteps: true,
                                       speedLimit: options.speed != nil ? nil
                                           : startPaused && initialState != nil ? initialState?.speedLimit : Self.watchPace,
                                       rewinds: true, coreShare: coreShare,
                                       screen: { checkpoint in
                // A run changed in the settings panel is drawn as it is now (its data and inputs),
                // on the map's columns on screen.
                var view = shownView.withLock { $0 }
                let runInfo = (checkpoint.state.definition.map(MonitorRunInfo.init(prepared:)) ?? runInfo).showing(view.slice)
                let textDashboard = Dashboard(run: runInfo, theme: textDashboard.theme)
                let textNetworkView = NetworkView(dashboard: textDashboard)
                view.network.adopt(sizes: checkpoint.state.network.sizes)
                let inspector = [""] + textNetworkView.inspectorText(state: checkpoint.state, view: view)
                guard usesHalfBlocks, let size = screen.frameSize else { return screen.lines.map { $0 + inspector } }
                if view.screen == .network {
                    var buffer = CellBuffer(width: size.width, height: size.height)
                    let pictures = NeuronPictures.evaluate(checkpoint.state.network, run: runInfo,
                                                           width: NeuronPictureCache.gridSize, height: NeuronPictureCache.gridSize)
                    // The monitor's clock, so only a message still on screen is written.
                    let now = Double(DispatchTime.now().uptimeNanoseconds) / 1e9
                    textNetworkView.render(MonitorFrame(state: checkpoint.state, view: view, pictures: pictures, now: now),
                                           into: &buffer)
                    return buffer.lines + inspector
                }
                return textDashboard.textLines(state: checkpoint.state, width: size.width, height: size.height) + inspector
            })
        } catch {
            terminal.close()
            return ReportedFailure(message: error.description, exitStatus: error.exitStatus).report()
        }
        services.trainer.start()
        if options.speed == nil && !startPaused {
            services.trainer.announce("paced at \(formatRate(Self.watchPace)) epochs/s so the start can be watched: > lifts the limit")
        } else if startPaused && initialState == nil {
            services.trainer.announce("paused before epoch \(prepared.startEpoch + 1): Space trains, n trains one epoch, "
                                      + "v shows the network")
        }
        var loop = MonitorLoop(run: runInfo)
        loop.lesson = lesson
        let snapshots = services.snapshots
        loop.viewObserver = { view in
            shownView.withLock { $0 = view }
            snapshots.slice.withLock { $0 = view.slice }
        }
        let forks = RunForks(main: services.trainer, prepared: prepared, info: runInfo, summary: services.summary,
                             rewindBudget: Int(options.rewindMemory * 1_048_576), coreShare: coreShare)
        loop.forker = { text, parent in forks.fork(text, from: parent) }
        let comparisonStarted = Date()
        loop.comparisonSnapshotter = { runs in
            // Every run's message line says it: the snapshot is of them all, and any may be on show.
            let trainers = runs.compactMap { $0.connection as? Trainer }
            forks.snapshotComparison(runs, directory: options.snapshotDirectory, runStarted: comparisonStarted,
                                     slice: shownView.withLock { $0.slice },
                                     announce: { text in for trainer in trainers { trainer.announce(text) } })
        }
        loop.mainLabel = label
        loop.prepared = prepared
        let pace = options.speed == nil ? Self.watchPace : options.speed
        loop.initialRuns = siblings.map { sibling in
            forks.start(sibling.prepared, label: sibling.label, targetEpochs: sibling.prepared.configuration.epochs,
                        speedLimit: pace)
        }
        let ending = loop
            .run(trainer: services.trainer, terminal: screen,
                 pendingSignal: { signals.received ?? (terminal.isHungUp ? SIGHUP : nil) })
        // Restore the terminal first: finishing the epoch in flight and queued snapshots can take a
        // moment, and the user must not face a frozen screen. A second Ctrl-C now ends the process.
        terminal.close()
        signals.uninstall()
        let finalState = services.trainer.state
        let endedDiverged = finalState.status == .diverged
        services.stop()
        forks.waitUntilSnapshotsWritten()
        let status = services.writeResults()
        if case .signal(let number) = ending { return 128 + number }
        if status == 0 && endedDiverged {
            let what = finalState.divergence.map { ": \($0)" } ?? ""
            return ReportedFailure(message: "the run ended diverged\(what)", exitStatus: 70).report()
        }
        return status
    }
}

/// A terminal that remembers the last frame it showed, so a snapshot can save the screen as text.
///
/// Drawing happens on the monitor's thread; `lines` may be read from the snapshot queue, so the
/// frame sits behind a `LockedValue`.
final class ScreenRecorder: TerminalDevice, @unchecked Sendable {
    // @unchecked: `device` is only touched on the monitor's thread (the TerminalDevice contract);
    // the only state read from other threads is `lastFrame`, which is a LockedValue.
    private let device: TerminalDevice
    private let lastFrame = LockedValue<CellBuffer?>(nil)

    init(_ device: TerminalDevice) { self.device = device }

    /// The last frame shown, as text lines.
    var lines: [String]? { lastFrame.withLock { $0?.lines } }

    /// The size of the last frame shown.
    var frameSize: (width: Int, height: Int)? { lastFrame.withLock { $0.map { ($0.width, $0.height) } } }

    var screenWidth: Int { device.screenWidth }
    var screenHeight: Int { device.screenHeight }
    var supportsUnicode: Bool { device.supportsUnicode }
    var colorMode: ColorMode { device.colorMode }

    func draw(_ buffer: CellBuffer) {
        device.draw(buffer)
        lastFrame.withLock { $0 = buffer }
    }

    func readKey(timeoutMilliseconds: Int) -> Key? { device.readKey(timeoutMilliseconds: timeoutMilliseconds) }
}

extension CursesTerminal: TerminalDevice {
    public var screenWidth: Int { size.columns }
    public var screenHeight: Int { size.rows }
    public var colorMode: ColorMode {
        switch colorSupport {
        case .none: .none
        case .eight: .ansi8
        case .full256: .palette256
        }
    }
}
