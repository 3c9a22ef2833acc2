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
    /// A lesson's locked keys, hidden panels and notes (`--config`); none by default.
    public var lesson = Lesson()
    /// Frames per second at most.
    public var framesPerSecond: Double
    /// Seconds on a monotonic clock (a parameter so tests control time).
    public var clock: () -> Double
    /// Told the monitor's view state after every key (e.g. so a snapshot can write the inspector
    /// the user is looking at); called on the loop's thread.
    public var viewObserver: ((MonitorViewState) -> Void)?
    /// Starts a sibling of a run with one change typed at the fork prompt (`f`); nil: no forks.
    /// Called on the loop's thread with the text typed and the run to fork.
    public var forker: ((String, any TrainerConnection) -> Result<ForkedRun, ForkFailure>)?
    /// Snapshots every run on screen together (`s` while runs are side by side): given each run's
    /// label and trainer, in run order; nil: `s` snapshots the selected run alone. Called on the
    /// loop's thread; must hand the writing on.
    public var comparisonSnapshotter: (([(label: String, connection: any TrainerConnection)]) -> Void)?
    /// Runs shown beside the first from the start (`mlptop compare`), already started.
    public var initialRuns: [ForkedRun] = []
    /// What the first run is called in the loss chart's legend.
    public var mainLabel = "main"
    /// The first run as it was started, for the settings panel (`e`) and data editing (`d`),
    /// which change it; nil: neither is offered.
    public var prepared: PreparedRun?

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
        /// Every other run's epoch, so their curves are redrawn as they move.
        var otherEpochs: [Int]
        /// Settings or data changed (even while paused).
        var definitionVersion = 0
    }

    /// One run on screen: its trainer, what it differs in, its data and views, and the caches
    /// of its pictures.
    struct RunEntry {
        var connection: any TrainerConnection
        var label: String
        var dashboard: Dashboard
        var networkView: NetworkView
        var grid: DecisionGrid
        var pictures: NeuronPictureCache
        var confusionView: ConfusionView
        var confusion: ConfusionCache
        var lastMessageID = 0
        /// The trainer's `definitionVersion` these panels were made for.
        var definitionVersion = 0
        /// What the panels are drawn with, kept for a redefinition of the run (`adopt`).
        let theme: Theme
        let keyMap: KeyMap
        let lesson: Lesson

        init(connection: any TrainerConnection, label: String, run: MonitorRunInfo, theme: Theme, keyMap: KeyMap,
             lesson: Lesson) {
            self.connection = connection
            self.label = label
            (self.theme, self.keyMap, self.lesson) = (theme, keyMap, lesson)
            (dashboard, networkView, grid, pictures, confusionView, confusion) =
                Self.panels(for: run, theme: theme, keyMap: keyMap, lesson: lesson)
        }

        /// The views and picture caches of `run`, a lesson's hidden panels, notes and locked keys
        /// included (the same when a run starts and when it is redefined).
        static func panels(for run: MonitorRunInfo, theme: Theme, keyMap: KeyMap, lesson: Lesson) -> (
            Dashboard, NetworkView, DecisionGrid, NeuronPictureCache, ConfusionView, ConfusionCache
        ) {
            var dashboard = Dashboard(run: run, theme: theme, keyMap: keyMap)
            dashboard.hiddenPanels = lesson.hiddenPanels
            dashboard.notes = lesson.notes
            return (dashboard, NetworkView(dashboard: dashboard, keyMap: KeyMap.network.locking(lesson.lock)),
                    DecisionGrid(run: run), NeuronPictureCache(run: run),
                    ConfusionView(dashboard: dashboard, keyMap: KeyMap.confusion.locking(lesson.lock)),
                    ConfusionCache(run: run))
        }
    }

    /// Runs until `q` (returns `.quit`) or until `pendingSignal` reports a signal. Forked runs
    /// are stopped before it returns; `trainer` is the caller's to stop.
    public func run(
        trainer: some TrainerConnection, terminal: some TerminalDevice, pendingSignal: () -> Int32?
    ) -> MonitorEnding {
        let theme = Theme(colorMode: terminal.colorMode, glyphs: terminal.supportsUnicode ? .unicode : .ascii)
        let keyMap = keyMap.locking(lesson.lock)
        var runs = [RunEntry(connection: trainer, label: mainLabel, run: run, theme: theme, keyMap: keyMap, lesson: lesson)]
        for sibling in initialRuns {
            runs.append(RunEntry(connection: sibling.connection, label: sibling.label, run: sibling.run ?? run, theme: theme,
                                 keyMap: keyMap, lesson: lesson))
        }
        defer { for fork in runs.dropFirst() { fork.connection.send(.stop) } }
        let initial = trainer.state
        var view = MonitorViewState(layerCount: initial.network.shapes.count, seed: run.seed,
                                    sizes: initial.network.sizes, sampleCount: run.trainingSet.count)
        view.runLabels = runs.map(\.label)
        view.slice = run.slice
        let gradientCheck = GradientCheckTask()
        var buffer = CellBuffer(width: 0, height: 0)
        var lastDrawn: FrameSignature?
        var shownRun = 0
        // Redefinitions sent but perhaps not yet adopted, by run.
        var sent: [Int: SentDefinition] = [:]
        let interval = 1 / max(1, framesPerSecond)
        var nextFrame = clock()
        while true {
            if let signal = pendingSignal() { return .signal(signal) }
            let now = clock()
            if view.selectedRun != shownRun {
                // Another run's messages are its own: start its message line from its newest.
                runs[shownRun].lastMessageID = view.lastSeenMessageID
                view.lastSeenMessageID = runs[view.selectedRun].lastMessageID
                view.network.gradientCheck = nil
                view.network.checking = false
                shownRun = view.selectedRun
            }
            let selected = runs[view.selectedRun].connection
            let live = selected.state
            if live.definitionVersion != runs[view.selectedRun].definitionVersion, let definition = live.definition {
                runs[view.selectedRun].adopt(definition, version: live.definitionVersion)
                // New data may have other columns and another number of samples: a slice of the
                // old columns and a sample beyond the new set mean nothing for it.
                let adopted = runs[view.selectedRun].dashboard.run
                if view.slice?.columnNames != adopted.slice?.columnNames { view.slice = adopted.slice }
                view.network.adopt(sampleCount: adopted.trainingSet.count)
                viewObserver?(view)
            }
            view.absorb(live, now: now)
            if let check = gradientCheck.take() {
                view.network.checking = false
                view.network.gradientCheck = check
                view.checkedGeneration = live.generation
                view.say(check.message, now: now)
            }
            // While a rewind point is on show, every panel draws that epoch's weights.
            var state = live
            if let epoch = view.viewedEpoch {
                if let parameters = selected.rewindParameters(at: epoch) {
                    state = live.viewing(epoch: epoch, parameters: parameters)
                } else {
                    view.viewedEpoch = nil
                }
            }
            let others = runs.indices.filter { $0 != view.selectedRun }.map { ($0, runs[$0].connection.state) }
            let width = terminal.screenWidth, height = terminal.screenHeight
            let signature = FrameSignature(
                width: width, height: height, epoch: state.epoch, generation: state.generation, status: state.status,
                learningRate: state.learningRate, epochsPerSecond: state.epochsPerSecond, view: view,
                showsMessage: view.visibleMessage(at: now) != nil, parameterEdits: state.parameterEdits,
                otherEpochs: others.map(\.1.epoch), definitionVersion: state.definitionVersion)
            if signature != lastDrawn {
                if buffer.width != width || buffer.height != height { buffer.reset(width: width, height: height) }
                var frame = MonitorFrame(state: state, view: view, now: now)
                // Pinned runs first: on top of the chart, first in the legend and the read-out.
                let visible = others.filter { !view.hiddenRuns.contains($0.0) }
                    .sorted { view.pinnedRuns.contains($0.0) && !view.pinnedRuns.contains($1.0) }
                frame.overlays = visible.map { index, other in
                    let pinned = view.pinnedRuns.contains(index)
                    let names = Dashboard.legendNames(index, settings: runs.map(\.dashboard.run.legendSettings),
                                                          labels: runs.map(\.label), pinned: pinned, shown: view.selectedRun)
                    return LossOverlay(name: names.name, points: Dashboard.points(other.history.trainLoss),
                                       style: theme.runStyle(index), marker: theme.glyphs.trainMarker, pinned: pinned,
                                       shortName: names.shortName)
                }
                if let cursor = view.lossChart.cursor {
                    frame.readoutRows = visible.map { index, other in
                        runs[index].dashboard.readoutRow(index, label: runs[index].label, pinned: view.pinnedRuns.contains(index),
                                                         history: other.history, at: cursor)
                    }
                }
                let entry = view.selectedRun
                switch view.screen {
                case .dashboard where state.watched != nil:
                    // `mlptop watch`: a log, not a trainer, behind the connection.
                    WatchDashboard(dashboard: runs[entry].dashboard, keyMap: keyMap).render(frame, into: &buffer)
                case .dashboard:
                    runs[entry].show(view.slice)
                    let layout = runs[entry].dashboard.layout(width: width, height: height)
                    frame.samples = runs[entry].dashboard.gridSize(in: layout).flatMap { size in
                        runs[entry].grid.samples(for: state, width: size.width, height: size.height, now: now)
                    }
                    runs[entry].dashboard.render(frame, into: &buffer)
                case .network:
                    frame.pictures = runs[entry].pictures.pictures(for: state, now: now)
                    runs[entry].networkView.render(frame, into: &buffer)
                case .confusion:
                    // The run as now defined (the settings panel may have made it a regression).
                    if !runs[entry].dashboard.run.isRegression {
                        frame.confusion = runs[entry].confusion.matrices(for: state, now: now)
                    }
                    runs[entry].confusionView.render(frame, into: &buffer)
                }
                terminal.draw(buffer)
                lastDrawn = signature
            }
            nextFrame = max(nextFrame + interval, clock())
            while pendingSignal() == nil {
                let milliseconds = Int(((nextFrame - clock()) * 1000).rounded(.up))
                guard let key = terminal.readKey(timeoutMilliseconds: max(0, milliseconds)) else { break }
                let trainer = runs[view.selectedRun].connection
                let networkView = runs[view.selectedRun].networkView
                if case .mouse(let button, let column, let row) = key, view.screen == .network {
                    if let selected = networkView.mouse(button, column: column, row: row, network: trainer.state.network,
                                                        view: view, width: width, height: height) {
                        view = selected
                        viewObserver?(view)
                    }
                    continue
                }
                let table = switch view.screen {
                case .dashboard: keyMap
                case .network: networkView.keyMap
                case .confusion: runs[view.selectedRun].confusionView.keyMap
                }
                // PageUp and PageDown turn the help by what it shows in this window (below the status bar).
                view.helpPageRows = HelpOverlay.pageRows(in: Rect(x: 0, y: 1, width: width, height: height - 1))
                let current = trainer.state
                let base = SentDefinition.freshest(sent[view.selectedRun], state: current) ?? (view.selectedRun == 0 ? prepared : nil)
                // A watched log has no settings or data to edit: its keys are all in its table.
                let outcome = (current.watched != nil ? nil
                    : modeOutcome(key, view: view, dashboard: runs[view.selectedRun].dashboard, state: current, base: base,
                                  width: width, height: height))
                    ?? (current.watched.map { table.handle(key, state: view, status: current.status, watched: $0) }
                        ?? table.handle(key, state: view, status: current.status))
                for case .redefine(let redefinition) in outcome.commands {
                    let version = max(current.definitionVersion, sent[view.selectedRun]?.version ?? 0) + 1
                    sent[view.selectedRun] = SentDefinition(prepared: redefinition.prepared, version: version)
                }
                view = outcome.state
                viewObserver?(view)
                for command in outcome.commands {
                    // Training keys go to every run with `a`; edits and rewinds belong to the run on show.
                    let everyRun: Bool = switch command {
                    case .setParameter, .rewind, .step, .redefine: false
                    default: view.commandsToAll
                    }
                    for target in everyRun ? runs.map(\.connection) : [trainer] { target.send(command) }
                }
                for effect in outcome.effects {
                    switch effect {
                    case .quit: return .quit
                    case .snapshotRuns:
                        if let comparisonSnapshotter {
                            comparisonSnapshotter(runs.map { ($0.label, $0.connection) })
                        } else {
                            trainer.send(.snapshot)
                        }
                    case .redraw: lastDrawn = nil
                    case .say(let text): view.say(text, now: clock())
                    case .selectWorstSample:
                        let data = runs[view.selectedRun].dashboard.run.trainingSet
                        let network = trainer.state.network
                        guard data.count > 0, data.featureCount == network.inputCount else { break }
                        let losses = network.sampleLosses(features: data.features, labels: data.labels)
                        guard let worst = Inspector.worstSample(losses: losses) else { break }
                        view.network.sample = worst.sample
                        view.say(worst.message, now: clock())
                    case .openPrompt:
                        let network = trainer.state.network
                        let index = view.network.parameterIndex(in: network)
                        view.network.prompt = ParameterPrompt(index: index, name: network.parameterName(index),
                                                              current: network.parameters[index],
                                                              parameterEdits: trainer.state.parameterEdits,
                                                              generation: trainer.state.generation)
                    case .stepRewind(let step):
                        // A step is a fiftieth of the run (about a chart column), to the nearest kept point.
                        let epochs = trainer.rewindEpochs, liveEpoch = trainer.state.epoch
                        let current = view.viewedEpoch ?? liveEpoch, stride = max(1, liveEpoch / 50)
                        if step < 0 {
                            if let target = epochs.last(where: { $0 <= current - stride }) ?? epochs.first(where: { $0 < current }) {
                                if view.viewedEpoch == nil, trainer.state.status == .running { trainer.send(.pause) }
                                if view.viewedEpoch == nil {
                                    view.say("viewing epoch \(target): { } move, n steps from it, Enter trains on from it, "
                                             + "Esc returns to the live run", now: clock())
                                }
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
                    case .resumeFromViewed, .stepFromViewed:
                        // The rewind leaves the run paused at that epoch; then it trains on, or one epoch.
                        if let epoch = view.viewedEpoch {
                            trainer.send(.rewind(toEpoch: epoch))
                            trainer.send(effect == .resumeFromViewed ? .resume : .step)
                            view.viewedEpoch = nil
                        }
                    case .fork(let text):
                        guard let forker else {
                            view.say("forking is not available here", now: clock())
                            break
                        }
                        if let refusal = lesson.lock.refusal(forkChange: text) {
                            view.say(refusal, now: clock())
                            break
                        }
                        switch forker(text, trainer) {
                        case .success(let fork):
                            runs.append(RunEntry(connection: fork.connection, label: fork.label, run: fork.run ?? run,
                                                 theme: theme, keyMap: keyMap, lesson: lesson))
                            view.runLabels = runs.map(\.label)
                            view.say("run \(runs.count): \(fork.label), forked from run \(view.selectedRun + 1); "
                                     + "\(runs.count) shows it", now: clock())
                        case .failure(let failure):
                            view.say("fork refused: \(failure.message)", now: clock())
                        }
                    case .runGradientCheck:
                        let current = trainer.state, data = runs[view.selectedRun].dashboard.run.trainingSet
                        guard data.count > 0, data.featureCount == current.network.inputCount else {
                            view.say("no training samples to check the gradient on", now: clock())
                            break
                        }
                        view.network.checking = true
                        gradientCheck.start(network: current.network, data: data, epoch: current.epoch,
                                            edits: current.parameterEdits)
                    }
                }
                if milliseconds <= 0 { break }
            }
        }
    }
}

/// A sibling run the monitor trains beside the others: its trainer (already started), what it
/// differs in, and its own data when that differs (a new seed draws new points).
public struct ForkedRun {
    public var connection: any TrainerConnection
    public var label: String
    public var run: MonitorRunInfo?

    public init(connection: any TrainerConnection, label: String, run: MonitorRunInfo? = nil) {
        self.connection = connection
        self.label = label
        self.run = run
    }
}

/// Why a fork was refused, in one line.
public struct ForkFailure: Error {
    public var message: String
    public init(_ message: String) { self.message = message }
}
