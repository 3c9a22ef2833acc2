import Foundation
import Training

/// A run read from a log as it grows: `mlptop watch`'s counterpart of the trainer. A reader
/// thread follows the source and publishes a `TrainerState` the monitor draws like a trained
/// run's; commands from the monitor's keys go back to the writer through a `ControlChannel`
/// when there is one (a JSONL file), and are refused with the reason otherwise.
///
/// Thread-safe: `state` and `send` may be called from any thread.
public final class WatchSource: Sendable {
    /// What to follow, and how.
    public struct Options: Sendable {
        public var path: String
        public var format: WatchFormat
        /// Take the control channel (false: only watch).
        public var steer: Bool
        /// Seconds between polls of a source that has nothing new.
        public var pollInterval: Double
        public init(path: String, format: WatchFormat, steer: Bool = true, pollInterval: Double = 0.01) {
            self.path = path
            self.format = format
            self.steer = steer
            self.pollInterval = pollInterval
        }
    }

    private let published: LockedValue<TrainerState>
    private let run: LockedValue<WatchedRun>
    private let stopped = LockedValue(false)
    private let caughtUp = LockedValue(false)
    private let control: LockedValue<ControlChannel?>
    /// The last command refused for a silent log (its kind, `pause` or `lr change`, and when).
    private let refused = LockedValue<(kind: String, at: Double)?>(nil)
    /// Seconds within which a refused key pressed again is sent anyway.
    static let insistWithin = 10.0
    /// Told when `s` asks for a snapshot (on the caller's thread).
    private let snapshotHandler: LockedValue<(@Sendable () -> Void)?> = LockedValue(nil)
    public let options: Options

    /// Starts following `options.path` on a thread of its own.
    public init(_ options: Options) {
        self.options = options
        let name = options.path == "-" ? "standard input" : options.path
        var initial = WatchedRun(source: name, format: options.format.rawValue)
        var channel: ControlChannel?
        if options.format != .jsonl || options.path == "-" {
            initial.update { $0.readOnlyReason = "this source is read-only (only a JSONL file has a control file)" }
        } else if !options.steer {
            initial.update { $0.readOnlyReason = "this source is read-only (--read-only)" }
        } else {
            do {
                channel = try ControlChannel(logPath: options.path)
                initial.update { $0.steerable = true }
            } catch {
                initial.update { $0.readOnlyReason = error.description }
                initial.say(error.description)
            }
        }
        run = LockedValue(initial)
        published = LockedValue(initial.state)
        control = LockedValue(channel)
        let thread = Thread { [self] in self.follow() }
        thread.name = "mlptop.watch"
        thread.start()
    }

    /// The latest published state.
    public var state: TrainerState { published.withLock { $0 } }

    /// Sets what `s` does besides telling the writer (the watch session writes its snapshot).
    public func onSnapshot(_ handler: @escaping @Sendable () -> Void) {
        snapshotHandler.withLock { $0 = handler }
    }

    /// Whether everything the source held has been read once (standard input: until it ended).
    public var hasCaughtUp: Bool { caughtUp.withLock { $0 } }

    /// Waits until the source has been read to its current end, or `timeout` seconds.
    public func waitUntilCaughtUp(timeout: Double) {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(timeout * 1e9)
        while !hasCaughtUp, DispatchTime.now().uptimeNanoseconds < deadline { Thread.sleep(forTimeInterval: 0.01) }
    }

    /// Marks the source quiet (`QUIET`, no speed) when its modification time says it has not
    /// changed for `quietAfter` seconds, as following it that long would: for `--print`, which
    /// shows a finished log at once instead of watching it go quiet. Standard input is left as it is
    /// (its end is `ENDED`).
    public func noteQuietIfUnchanged(now: Double = Date().timeIntervalSince1970) {
        guard let age = sourceAge(now: now), age >= Self.quietAfter else { return }
        run.withLock { run in
            run.update { $0.quiet = true }
            run.setSpeed(0)
            published.withLock { $0 = run.state }
        }
    }

    /// Stops following and lets go of the steering lock. The writer goes on: a pause this watcher
    /// asked for and did not take back is taken back first (a `resume` line).
    public func stop() {
        let alreadyStopped = stopped.withLock { stopped in
            defer { stopped = true }
            return stopped
        }
        let pausedHere = !alreadyStopped && run.withLock { $0.facts.pauseRequested }
        control.withLock { channel in
            if pausedHere { _ = channel?.send(.resume) }
            channel?.release()
            channel = nil
        }
    }

    /// Carries out a monitor command: pause, resume, the learning-rate keys and snapshots go to
    /// the writer; the rest do not apply to a watched run and are said so.
    public func send(_ command: TrainerCommand) {
        let wanted: ControlChannel.Command?
        switch command {
        case .pause: wanted = .pause
        case .resume: wanted = .resume
        case .togglePause: wanted = run.withLock { $0.facts.pauseRequested } ? .resume : .pause
        case .scaleLearningRate(let factor): wanted = .scaleLearningRate(factor)
        case .setLearningRate(let rate): wanted = .setLearningRate(rate)
        case .snapshot:
            snapshotHandler.withLock { $0 }?()
            wanted = .snapshot
        case .stop:
            stop()
            return
        case .step, .reset, .limitSpeed, .setParameter, .rewind, .redefine:
            note("a watched run only takes Space, + - ] [ and s")
            return
        }
        guard let wanted else { return }
        let steering = control.withLock { $0 != nil }, pausedHere = run.withLock { $0.facts.pauseRequested }
        let silence = steering && !pausedHere ? writerSilence(before: wanted) : nil
        if let silence {
            if case .snapshot = wanted { return }
            // Refused once; the same key again within `insistWithin` seconds sends it anyway (a
            // writer whose epochs are slow is silent between them).
            let now = Self.now(), kind = Self.refusalKind(of: wanted)
            let insisted = refused.withLock { last in
                defer { last = (kind, now) }
                return last.map { $0.kind == kind && now - $0.at <= Self.insistWithin } ?? false
            }
            if !insisted {
                note(silence + "; again to send anyway")
                return
            }
        }
        let (sent, reason): (Bool, String?) = control.withLock { channel in
            guard let channel else { return (false, nil) }
            return (channel.send(wanted), nil)
        }
        if !sent {
            let why = reason ?? run.withLock { $0.facts.readOnlyReason } ?? "the control file cannot be written"
            if case .snapshot = wanted { return }
            note(why)
            return
        }
        run.withLock { run in
            switch wanted {
            case .pause:
                run.update {
                    $0.pauseRequested = true
                    $0.pauseUnanswered = silence != nil
                }
                run.setStatus(.paused)
                run.say(silence == nil ? "asked the writer to pause (PAUSED once its log stops growing)"
                        : "pause sent anyway (PAUSED only once a writer logs and stops)")
            case .resume:
                run.update {
                    $0.pauseRequested = false
                    $0.pauseUnanswered = false
                }
                run.setStatus(.running)
                run.say("asked the writer to resume")
            case .scaleLearningRate(let factor):
                run.say("asked the writer to multiply its learning rate by \(String(format: "%.4g", factor))")
            case .setLearningRate(let rate):
                run.say("asked the writer to set its learning rate to \(String(format: "%.4g", rate))")
            case .snapshot:
                run.say("asked the writer for a snapshot")
            }
            published.withLock { $0 = run.state }
        }
    }

    /// Says `text` in the monitor's message line.
    public func announce(_ text: String) { note(text) }

    private func note(_ text: String) {
        run.withLock { run in
            run.say(text)
            published.withLock { $0 = run.state }
        }
    }

    // MARK: - Reading

    /// Seconds without a new line after which a source counts as quiet.
    static let quietAfter = 3.0

    private static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// When the state was last published, and whether batches came in since (absorbing queue only).
    private struct Publishing {
        var last = -Double.infinity
        var pending = true
    }

    /// Reads on this thread and takes the batches in on a serial queue of their own, so the next
    /// chunk is read and parsed while the last is being recorded (a long log is caught up on in
    /// about the time of the slower of the two).
    private func follow() {
        let reader = SourceReader(options: options)
        let absorber = DispatchQueue(label: "mlptop.watch.absorb")
        let inFlight = DispatchSemaphore(value: 2)
        let publishing = LockedValue(Publishing())
        var caughtUp = false
        var lastData = Self.now(), quiet = false
        while !stopped.withLock({ $0 }) {
            let batch = reader.poll(arrival: caughtUp ? Self.now() : nil)
            // A source that has not grown for `quietAfter` seconds is shown as quiet (speed unknown).
            let becomesQuiet = batch.isEmpty && caughtUp && !quiet && Self.now() - lastData >= Self.quietAfter
            if !batch.isEmpty { lastData = Self.now() }
            if becomesQuiet || (quiet && !batch.isEmpty) {
                quiet = becomesQuiet
                absorber.async { [self] in
                    run.withLock { run in
                        run.update { $0.quiet = becomesQuiet }
                        if becomesQuiet { run.setSpeed(0) }
                        published.withLock { $0 = run.state }
                    }
                }
            }
            if !batch.isEmpty || batch.readAll {
                inFlight.wait()
                absorber.async { [self] in
                    defer { inFlight.signal() }
                    // While catching up, publishing a copy of the histories every chunk would make the
                    // next chunk copy them again: at most 20 times a second until the source is idle.
                    publishing.withLock { publishing in
                        publishing.pending = publishing.pending || !batch.isEmpty
                        let now = Self.now()
                        if publishing.pending, batch.readAll || now - publishing.last >= 0.05 {
                            run.withLock { run in
                                batch.apply(to: &run)
                                published.withLock { $0 = run.state }
                            }
                            publishing.last = now
                            publishing.pending = false
                        } else if !batch.isEmpty {
                            run.withLock { batch.apply(to: &$0) }
                        }
                    }
                }
            }
            if batch.readAll {
                if !caughtUp {
                    absorber.sync {}
                    self.caughtUp.withLock { $0 = true }
                    // A log last written long ago (a finished run) is quiet from the start, not
                    // `quietAfter` seconds after the watcher caught up with it.
                    if let age = sourceAge(), age >= Self.quietAfter { lastData = min(lastData, Self.now() - age) }
                }
                caughtUp = true
                if batch.ended {
                    absorber.sync {}
                    break
                }
                Thread.sleep(forTimeInterval: options.pollInterval)
            }
        }
        absorber.sync {}
    }
}
