import Dispatch
import Foundation
import MLPEngine

/// The complete state of a run at an epoch boundary: what a snapshot saves and a resume restores.
public struct TrainingCheckpoint: Sendable {
    public var network: Network
    public var optimizer: Optimizer
    public var epoch: Int
    public var generator: SeededGenerator
    public var state: TrainerState
    /// Taken by `--snapshot-every` (not asked for with `s` or on exit): such snapshots may be
    /// thinned out to the last few.
    public var periodic = false
}

/// Trains a `TrainingRun` on its own Dispatch queue, publishes its state after every epoch, and
/// obeys commands sent from any thread.
///
/// Thread contract: every method may be called from any thread. The run itself is touched only by
/// the trainer's queue (it sits in a `LockedValue` that only that queue locks, for an epoch at a time);
/// readers take a consistent copy of the published `TrainerState`, so a slow reader sees the latest
/// state and the whole bucketed history, never a backlog, and never makes training wait longer
/// than one copy.
public final class Trainer: Sendable {
    /// Called on the training thread after each completed epoch (e.g. the JSONL log); must not block.
    public typealias EpochObserver = @Sendable (EpochReport) -> Void
    /// Called on the training thread with a checkpoint when a snapshot is requested; should hand
    /// the writing to another queue.
    public typealias CheckpointHandler = @Sendable (TrainingCheckpoint) -> Void
    /// Makes the fresh network for a reset with a new seed.
    public typealias NetworkFactory = @Sendable (UInt64) -> Network

    let run: LockedValue<TrainingRun>
    let published: LockedValue<TrainerState>
    private let inbox = LockedValue<[TrainerCommand]>([])
    let wakeUp = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let queue = DispatchQueue(label: "mlptop.trainer", qos: .userInitiated)
    private let startPaused: Bool
    private let snapshotEvery: Int
    private let makeNetwork: NetworkFactory
    private let observer: EpochObserver?
    private let checkpointHandler: CheckpointHandler?
    /// Watches for a loss climbing out of control (touched by the trainer's queue only).
    let lossWatch = LockedValue(RisingLossWatch())
    /// The points a rewind can go back to; filled by the trainer's queue, read by the monitor.
    let rewindStore: LockedValue<RewindStore>
    /// Checkpoints other threads wait for, answered by the trainer's queue between its changes.
    let checkpointRequests = LockedValue(CheckpointRequests())
    /// The cores this trainer shares with others (side-by-side runs), nil: its own thread only.
    private let coreShare: CoreShare?

    /// A trainer for `run`, which it takes over; it trains until epoch `targetEpochs` (0: forever).
    /// `initialState` carries the history of a resumed run on (e.g. from a snapshot's state.json).
    /// `speedLimit` caps epochs per second (nil: none). With a `coreShare`, every epoch runs on a
    /// lease of as many of its slots as the run's gradient uses threads, given back before the
    /// trainer waits for anything (a pause, a command, a paced slot), so trainers sharing it take
    /// fair turns at the cores.
    public init(
        run: sending TrainingRun, targetEpochs: Int, startPaused: Bool = false, snapshotEvery: Int = 0,
        speedLimit: Double? = nil, initialState: TrainerState? = nil, rewindBudget: Int = 0, coreShare: CoreShare? = nil,
        makeNetwork: @escaping NetworkFactory,
        observer: EpochObserver? = nil, checkpointHandler: CheckpointHandler? = nil
    ) {
        var state = initialState ?? TrainerState(network: run.network, learningRate: run.learningRate,
                                                 targetEpochs: targetEpochs, epoch: run.epoch,
                                                 status: startPaused ? .paused : .running)
        state.targetEpochs = targetEpochs
        state.status = startPaused ? .paused : .running
        state.speedLimit = Self.validSpeedLimit(speedLimit)
        state.epochsPerSecond = 0  // a resumed state's speed was another process's
        var store = RewindStore(budget: rewindBudget)
        store.offer(run.rewindPoint)
        rewindStore = LockedValue(store)
        self.run = LockedValue(run)
        self.published = LockedValue(state)
        self.startPaused = startPaused
        self.snapshotEvery = max(0, snapshotEvery)
        self.makeNetwork = makeNetwork
        self.observer = observer
        self.checkpointHandler = checkpointHandler
        self.coreShare = coreShare
    }

    /// Starts training on the trainer's queue. Call once.
    public func start() {
        checkpointRequests.withLock { $0.loopRunning = true }
        queue.async { self.loop() }
    }

    /// Queues a command; it takes effect at the next epoch boundary.
    public func send(_ command: TrainerCommand) {
        inbox.withLock { $0.append(command) }
        wakeUp.signal()
    }

    /// Shows a message to the user (in the monitor's status area, or as a headless line).
    public func announce(_ text: String) {
        publish { $0.say(text) }
    }

    /// A consistent copy of the latest published state.
    ///
    /// The message and command lists are copied into buffers of the reader's own while the lock is
    /// held: the trainer appends to its lists in place whenever it holds the only reference, and
    /// ThreadSanitizer cannot see the reference counting that orders a reader's last look at a
    /// shared buffer before that append (the buffers it touches are then never shared).
    public var state: TrainerState {
        published.withLock { state in
            var copy = state
            copy.messages = state.messages.map { $0 }
            copy.commandLog = state.commandLog.map { $0 }
            return copy
        }
    }

    /// The epochs a rewind can go back to, oldest first (empty when rewinding is off).
    public var rewindEpochs: [Int] { rewindStore.withLock { $0.epochs } }

    /// Sets the memory the rewind points may take, bytes (side-by-side runs share one budget);
    /// points beyond it are thinned away at once.
    public func setRewindBudget(_ bytes: Int) {
        rewindStore.withLock { $0.setBudget(bytes) }
    }

    /// The weights kept at `epoch` for a rewind, if any: what the monitor shows while viewing it.
    public func rewindParameters(at epoch: Int) -> [Double]? {
        rewindStore.withLock { $0.point(at: epoch)?.parameters }
    }

    /// Blocks until the trainer has stopped, or `timeout` passes; true if it stopped.
    @discardableResult
    public func waitUntilStopped(timeout: DispatchTime = .distantFuture) -> Bool {
        guard finished.wait(timeout: timeout) == .success else { return false }
        finished.signal()
        return true
    }

    // MARK: - The training loop (trainer queue only)

    /// What a step at the run's target says instead of training.
    static func completeMessage(epoch: Int) -> String {
        "the run is complete at epoch \(epoch) (--epochs): to train on, continue it with a larger --epochs "
            + "(--resume a snapshot or --init-from the saved model)"
    }

    /// A positive, finite limit, or nil.
    static func validSpeedLimit(_ limit: Double?) -> Double? {
        guard let limit, limit.isFinite, limit > 0 else { return nil }
        return limit
    }

    private func loop() {
        var status: RunStatus = startPaused ? .paused : .running
        var rateWindow = (start: DispatchTime.now().uptimeNanoseconds, epochs: 0)
        let target = published.withLock { $0.targetEpochs }
        // Under a speed limit, the next epoch may not start before this time (uptime nanoseconds).
        var nextEpochAt: UInt64 = 0
        func reachedTarget() -> Bool { target > 0 && run.withLock { $0.epoch } >= target }
        // A lease on the shared cores, held across epochs and handed back before any wait.
        let lease = coreShare.map { CoreShare.Lease(share: $0, weight: run.withLock { $0.threads }) }
        defer { lease?.release() }
        if status == .running && reachedTarget() { status = .done }
        publish { $0.status = status }

        while true {
            answerCheckpointRequests()
            let commands = inbox.withLock { pending in
                let taken = pending
                pending.removeAll()
                return taken
            }
            for command in commands {
                // A step runs where it stands in the queue, so the commands around it apply in order.
                if command == .step, status != .running, status != .stopped {
                    // At the target the run is complete: a step would train past --epochs.
                    if reachedTarget() {
                        publish { $0.say(Self.completeMessage(epoch: target)) }
                        continue
                    }
                    logCommand(command)
                    runOneEpoch(&status, &rateWindow, lease: lease, reachedTarget: reachedTarget)
                    continue
                }
                apply(command, status: &status, reachedTarget: reachedTarget())
            }
            if status == .stopped {
                publish { $0.status = .stopped; $0.epochsPerSecond = 0 }
                endCheckpointRequests()
                finished.signal()
                return
            }
            guard status == .running else {
                // A finished run keeps the speed it ran at; a paused or diverged one is at 0.
                publish { $0.status = status; if status != .done { $0.epochsPerSecond = 0 } }
                lease?.release()
                wakeUp.wait()
                rateWindow = (DispatchTime.now().uptimeNanoseconds, 0)
                continue
            }
            if let limit = published.withLock({ $0.speedLimit }) {
                let now = DispatchTime.now().uptimeNanoseconds
                if now < nextEpochAt {
                    // Wait out the slot, but wake for any command (then come round again).
                    lease?.release()
                    _ = wakeUp.wait(timeout: DispatchTime(uptimeNanoseconds: nextEpochAt))
                    continue
                }
                // Keep the cadence while on time; start it again from now when an epoch ran late.
                let interval = UInt64(min(1e12, 1e9 / limit))
                nextEpochAt = (now - nextEpochAt < interval ? nextEpochAt : now) + interval
            }
            runOneEpoch(&status, &rateWindow, lease: lease, reachedTarget: reachedTarget)
        }
    }

    /// Trains one epoch and publishes its outcome.
    private func runOneEpoch(
        _ status: inout RunStatus, _ rateWindow: inout (start: UInt64, epochs: Int), lease: CoreShare.Lease?,
        reachedTarget: () -> Bool
    ) {
        let train = { self.run.withLock { run in (run.runEpoch(), run.network, run.lastStep) } }
        let (outcome, network, lastStep) = lease.map { $0.run(train) } ?? train()
        switch outcome {
        case .completed(let report):
            observer?(report)
            offerRewindPoint()
            rateWindow.epochs += 1
            let now = DispatchTime.now().uptimeNanoseconds
            let elapsed = Double(now - rateWindow.start) / 1e9
            var rate: Double?
            if elapsed >= 0.25 {
                rate = Double(rateWindow.epochs) / elapsed
                rateWindow = (now, 0)
            }
            let finishedNow = status == .running && reachedTarget()
            if finishedNow {
                status = .done
                // A run over before its first measurement still gets its real speed.
                if rate == nil, elapsed > 0, published.withLock({ $0.epochsPerSecond == 0 }) {
                    rate = Double(rateWindow.epochs) / elapsed
                }
            }
            // A step that succeeds after a divergence leaves the run paused, ready to resume.
            if status == .diverged { status = .paused }
            let current = status
            let warning = lossWatch.withLock {
                $0.check(loss: report.trainLoss, epoch: report.epoch, learningRate: report.learningRate)
            }
            publish { state in
                state.record(report, network: network, lastStep: lastStep)
                if let warning { state.say(warning) }
                state.status = current
                // A measurement taken before a lower limit arrived is not shown above it.
                if let rate { state.epochsPerSecond = min(rate, state.speedLimit ?? rate) }
                if finishedNow {
                    state.endedAt = now
                    state.say("reached epoch \(report.epoch): done")
                }
            }
            if snapshotEvery > 0, report.epoch % snapshotEvery == 0, let checkpointHandler {
                var periodic = checkpointAtBoundary()
                periodic.periodic = true
                checkpointHandler(periodic)
            }
        case .diverged(let divergence):
            status = .diverged
            let now = DispatchTime.now().uptimeNanoseconds
            publish { state in
                state.status = .diverged
                state.endedAt = now
                state.network = network
                state.epochsPerSecond = 0
                state.divergence = divergence
                state.say(divergence.description)
            }
        }
    }

    /// Whether the weights a divergence restored are already blown up (|w| past
    /// `Divergence.unusableWeight`): resuming would only diverge again, so it is refused with
    /// what helps (a reset, a rewind) in the message line.
    private func refusesResumeWithBlownUpWeights() -> Bool {
        guard let largest = published.withLock({ $0.divergence?.unusableLargestWeight }) else { return false }
        publish {
            // What helps first: at 80 columns the end of the line may be cut.
            $0.say("weights blown up (|w| up to \(String(format: "%.2g", largest))): r resets, { rewinds; "
                   + "Space would diverge again")
        }
        return true
    }

    func publish(_ change: (inout TrainerState) -> Void) {
        published.withLock { change(&$0) }
    }

    private func apply(_ command: TrainerCommand, status: inout RunStatus, reachedTarget: Bool) {
        // Steps are logged where they run; learning-rate changes once accepted.
        switch command {
        case .step, .setLearningRate, .scaleLearningRate, .limitSpeed, .setParameter, .rewind, .redefine: break
        default: logCommand(command)
        }
        switch command {
        case .pause:
            if status == .running { status = .paused }
        case .resume:
            if status == .diverged, refusesResumeWithBlownUpWeights() { break }
            if status == .paused || status == .diverged { status = reachedTarget ? .done : .running }
        case .togglePause:
            if status == .running {
                status = .paused
            } else if status == .diverged, refusesResumeWithBlownUpWeights() {
                break
            } else if status == .paused || status == .diverged {
                status = reachedTarget ? .done : .running
            }
        case .step:
            break // handled by the loop, in queue order; ignored while running
        case .setLearningRate(let rate):
            changeLearningRate { _ in rate }
        case .scaleLearningRate(let factor):
            changeLearningRate { $0 * factor }
        case .reset(let seed):
            // A run redefined in the settings panel resets to its new shape.
            let network = published.withLock { $0.definition }?.freshNetwork(seed: seed) ?? makeNetwork(seed)
            lossWatch.withLock { $0.reset() }
            run.withLock { $0.reset(network: network, generator: TrainingRun.shuffleGenerator(seed: seed)) }
            rewindStore.withLock { $0.removeAll() }
            offerRewindPoint()
            if status == .diverged || status == .done { status = .paused }
            publish { state in
                state.history.removeAll()
                state.metrics.removeAll()
                state.gradientNormHistory = TrainerState.emptyGradientHistories(for: network)
                state.learningRateChanges.removeAll()
                state.network = network
                state.latest = nil
                state.lastStep = nil
                state.abandonedLoss = nil
                state.divergence = nil
                state.epoch = 0
                state.endedAt = nil
                state.weightsSeed = seed
                // The run starts again: its command log does too, with the reset that began it.
                state.commandLog = [CommandRecord(epoch: 0, command: "reset seed \(seed)")]
                state.generation += 1
                state.say("reset with seed \(seed)")
            }
        case .limitSpeed(let limit):
            let limit = Self.validSpeedLimit(limit)
            publish { state in
                state.speedLimit = limit
                // Until the next measurement, the speed shown cannot be above the new limit.
                if let limit { state.epochsPerSecond = min(state.epochsPerSecond, limit) }
                state.say(limit.map { "speed limited to \(formatRate($0)) epochs/s" } ?? "speed limit off")
            }
        case .setParameter(let index, let value):
            setParameter(index, to: value)
        case .rewind(let epoch):
            rewind(to: epoch, status: &status)
        case .redefine(let redefinition):
            redefine(redefinition, status: &status)
        case .snapshot:
            guard let checkpointHandler else {
                publish { $0.say("snapshots are not enabled in this run") }
                return
            }
            checkpointHandler(checkpointAtBoundary())
        case .stop:
            status = .stopped
        }
    }

    /// Records a command that changes the run (not the ones that only read it) in the command log.
    func logCommand(_ command: TrainerCommand) {
        let text: String
        switch command {
        case .pause: text = "pause"
        case .resume: text = "resume"
        case .togglePause: text = "toggle pause"
        case .step: text = "step"
        case .setLearningRate(let rate): text = "set lr \(formatRate(rate))"
        case .scaleLearningRate(let factor): text = "scale lr by \(formatRate(factor))"
        case .reset(let seed): text = "reset seed \(seed)"
        case .setParameter(let index, let value):
            text = "set \(run.withLock { $0.network.parameterName(index) }) = \(formatParameter(value))"
        case .rewind(let epoch): text = "rewind to epoch \(epoch)"
        case .snapshot: text = "snapshot"
        case .stop: text = "stop"
        case .limitSpeed, .redefine: return
        }
        let epoch = run.withLock { $0.epoch }
        publish { state in
            state.commandLog.append(CommandRecord(epoch: epoch, command: text))
            if state.commandLog.count > 10_000 { state.commandLog.removeFirst(state.commandLog.count - 10_000) }
        }
    }

    /// Keeps the run's state at this epoch boundary for a rewind (when rewinding is on).
    func offerRewindPoint() {
        guard rewindStore.withLock({ $0.budget > 0 }) else { return }
        let point = run.withLock { $0.rewindPoint }
        rewindStore.withLock { $0.offer(point) }
    }

    /// Goes back to the rewind point at `epoch` and trains on from there: the run's weights,
    /// optimiser and shuffle stream become that point's, the history after it is forgotten (its
    /// training loss kept as the abandoned future), and the run resumes unless it is at its target.
    private func rewind(to epoch: Int, status: inout RunStatus) {
        guard let point = rewindStore.withLock({ $0.point(at: epoch) }) else {
            publish { $0.say("no rewind point at epoch \(epoch)") }
            return
        }
        run.withLock { $0.restore(point) }
        rewindStore.withLock { $0.drop(after: epoch) }
        lossWatch.withLock { $0.reset() }
        logCommand(.rewind(toEpoch: epoch))
        let network = run.withLock { $0.network }
        let target = published.withLock { $0.targetEpochs }
        // A rewind never sets training going by itself: the monitor follows it with a resume
        // (Enter) or a step (n), so a step from a rewound epoch trains exactly one.
        status = target > 0 && epoch >= target ? .done : .paused
        let current = status
        publish { state in
            let from = state.epoch
            state.rewind(to: epoch)
            state.network = network
            state.learningRate = point.optimizer.settings.learningRate
            state.parameterEdits += 1
            state.status = current
            state.say("rewound from epoch \(from) to epoch \(epoch)")
        }
    }

    /// Sets one weight or bias between epochs; refuses an index outside the network or a value
    /// that is not finite, with a message.
    private func setParameter(_ index: Int, to value: Double) {
        let network = run.withLock { $0.network }
        guard network.parameters.indices.contains(index) else {
            publish { $0.say("parameter \(index) refused: the network has \(network.parameters.count)") }
            return
        }
        guard value.isFinite else {
            publish { $0.say("value \(value) refused: a weight must be a finite number") }
            return
        }
        let old = network.parameters[index]
        let edited = run.withLock { run in
            run.setParameter(index, to: value)
            return run.network
        }
        logCommand(.setParameter(index: index, value: value))
        offerRewindPoint()
        publish { state in
            state.network = edited
            state.parameterEdits += 1
            state.say("\(edited.parameterName(index)) set to \(formatParameter(value)) (was \(formatParameter(old)))")
        }
    }

    private func changeLearningRate(_ newRate: (Double) -> Double) {
        let (old, epoch) = run.withLock { ($0.learningRate, $0.epoch) }
        let rate = newRate(old)
        guard rate.isFinite, rate > 0 else {
            publish { $0.say("learning rate \(formatRate(rate)) refused: it must be a positive finite number") }
            return
        }
        run.withLock { $0.learningRate = rate }
        logCommand(.setLearningRate(rate))
        publish { state in
            state.learningRate = rate
            state.learningRateChanges.append(LearningRateChange(epoch: epoch, learningRate: rate))
            state.say("lr changed to \(formatRate(rate))")
        }
    }
}

/// A weight as typed back: the shortest text that reads back as the same number.
public func formatParameter(_ value: Double) -> String {
    "\(value)"
}

/// A learning rate as users read it: up to 6 significant digits, `0.03`, `8`, `1e-05`.
public func formatRate(_ rate: Double) -> String {
    String(format: "%.6g", rate)
}
