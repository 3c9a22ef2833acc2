import Dispatch
import Foundation

/// Trains several `TrainingRun`s at once, sharing the cores fairly, each run's numbers exactly
/// those it would have trained alone.
///
/// Runs take turns through one `CoreShare` as wide as the machine has cores: a turn trains one
/// run for a *quantum* (whole epochs, until `quantum` seconds have passed, the run's target is
/// reached, or it is paused or stopped), then the run goes to the back of the line. A run's turn
/// occupies as many slots as its gradient uses threads, so runs with `threads: 1` on a 2-core
/// machine train two at a time. How turns reach threads is the `Scheduling`.
///
/// A run's results cannot depend on the group: each run is touched by one turn at a time (it sits
/// in its own `LockedValue`), only ever through `runEpoch()`, and `TrainingRun`'s arithmetic does
/// not depend on threads or timing.
///
/// Thread-safe: every method may be called from any thread, also while the group trains; the
/// observer is called on a training thread.
public final class RunGroup: Sendable {
    /// How turns reach threads.
    public enum Scheduling: Sendable, CaseIterable {
        /// Each turn is a work item on a global concurrent queue, started by `CoreShare.submit`
        /// when its turn comes: no thread ever waits.
        case roundRobin
        /// Each run has its own serial queue whose loop waits for its turn in
        /// `CoreShare.takeTurns` (one blocked thread per waiting run).
        case queuePerRun
    }

    /// Where a run stands.
    public enum Status: Sendable, Equatable {
        /// Has (or is waiting for) turns, or is finishing one after a pause or stop.
        case training
        /// Paused, its last turn over: no epoch runs until it is resumed.
        case paused
        /// Reached its target epoch.
        case done
        case diverged(Divergence)
        case stopped
    }

    /// A run's progress, as published after each epoch.
    public struct Progress: Sendable {
        public var epoch: Int
        public var status: Status
        /// The last completed epoch's report.
        public var latest: EpochReport?
        /// Seconds from the run's first turn to the end of its last (so far).
        public var seconds: Double
    }

    /// Called on the training thread after every epoch of run `index` (in epoch order for each
    /// run); must not block.
    public typealias Observer = @Sendable (_ index: Int, _ outcome: EpochOutcome) -> Void

    private final class Member: Sendable {
        let run: LockedValue<TrainingRun>
        let control: LockedValue<Control>
        let weight: Int
        /// The run's own queue (`queuePerRun` only).
        let queue: DispatchQueue

        init(run: sending TrainingRun, targetEpochs: Int, weight: Int, index: Int) {
            let control = Control(epoch: run.epoch, target: targetEpochs)
            self.run = LockedValue(run)
            self.control = LockedValue(control)
            self.weight = weight
            queue = DispatchQueue(label: "mlptop.run-group.\(index)", qos: .userInitiated)
        }
    }

    private struct Control {
        var epoch: Int
        var target: Int
        var paused = false
        var stopped = false
        var divergence: Divergence?
        /// A turn is queued or running (so at most one is).
        var active = false
        var latest: EpochReport?
        var firstTurn: UInt64?
        var lastTurnEnd: UInt64?

        var reachedTarget: Bool { target > 0 && epoch >= target }
        var wantsTurns: Bool { !paused && !stopped && divergence == nil && !reachedTarget }
        /// Paused and stopped only once the last turn has ended: no epoch runs after.
        var status: Status {
            if let divergence { return .diverged(divergence) }
            if reachedTarget { return .done }
            if active { return .training }
            if stopped { return .stopped }
            return paused ? .paused : .training
        }
    }

    /// The shared cores.
    public let share: CoreShare
    public let scheduling: Scheduling
    /// Seconds of training per turn (a run's epochs are never split).
    public let quantum: Double
    private let members = LockedValue<[Member]>([])
    private let observer: Observer?
    /// Entered when a run becomes active, left when it stops being so.
    private let activity = DispatchGroup()

    /// The most cores a group uses by default: the machine's.
    public static var defaultWidth: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// A group that shares `width` cores (default: all of them).
    public init(width: Int = RunGroup.defaultWidth, scheduling: Scheduling = .roundRobin, quantum: Double = 0.005,
                observer: Observer? = nil) {
        share = CoreShare(width: width)
        self.scheduling = scheduling
        self.quantum = max(0, quantum)
        self.observer = observer
    }

    /// Adds `run`, which the group takes over, to train until epoch `targetEpochs` (0: until
    /// stopped); it starts at once unless `paused`. Returns its index. Runs may be added at any time.
    @discardableResult
    public func add(_ run: sending TrainingRun, targetEpochs: Int, paused: Bool = false) -> Int {
        let weight = share.clamp(run.threads)
        let index = members.withLock { $0.count }
        let member = Member(run: run, targetEpochs: targetEpochs, weight: weight, index: index)
        member.control.withLock { $0.paused = paused }
        let assigned = members.withLock { list in
            list.append(member)
            return list.count - 1
        }
        wake(assigned)
        return assigned
    }

    /// How many runs the group holds.
    public var count: Int { members.withLock { $0.count } }

    /// Every run's progress, in index order.
    public var progress: [Progress] {
        members.withLock { $0 }.map { member in
            member.control.withLock { c in
                let seconds = c.firstTurn.map { start in Double((c.lastTurnEnd ?? start) - start) / 1e9 } ?? 0
                return Progress(epoch: c.epoch, status: c.status, latest: c.latest, seconds: seconds)
            }
        }
    }

    /// Pauses run `index` after its current epoch.
    public func pause(_ index: Int) {
        member(index).control.withLock { $0.paused = true }
    }

    /// Resumes run `index`.
    public func resume(_ index: Int) {
        member(index).control.withLock { $0.paused = false }
        wake(index)
    }

    /// Sets the epoch at which run `index` ends (0: never) and resumes it if that lies ahead.
    public func setTarget(_ index: Int, epochs: Int) {
        member(index).control.withLock { $0.target = max(0, epochs) }
        wake(index)
    }

    /// Stops every run after its current epoch; returns at once (see `waitUntilIdle`).
    public func stop() {
        for member in members.withLock({ $0 }) { member.control.withLock { $0.stopped = true } }
    }

    /// Blocks until no run is training (all done, diverged, paused or stopped), or `timeout`;
    /// true if so.
    @discardableResult
    public func waitUntilIdle(timeout: DispatchTime = .distantFuture) -> Bool {
        activity.wait(timeout: timeout) == .success
    }

    /// Runs `body` on run `index` between its turns (waiting for a running one to end), e.g. to
    /// read its weights or to change its learning rate.
    public func withRun<R: Sendable>(_ index: Int, _ body: (TrainingRun) -> R) -> R {
        member(index).run.withLock { body($0) }
    }

    private func member(_ index: Int) -> Member {
        members.withLock { $0[index] }
    }

    // MARK: - Turns

    /// Queues a turn for run `index` if it wants one and has none queued or running.
    private func wake(_ index: Int) {
        let member = member(index)
        let start: Bool = member.control.withLock { c in
            guard c.wantsTurns, !c.active else { return false }
            c.active = true
            if c.firstTurn == nil { c.firstTurn = DispatchTime.now().uptimeNanoseconds }
            return true
        }
        guard start else { return }
        activity.enter()
        switch scheduling {
        case .roundRobin:
            share.submit(weight: member.weight) { self.turn(index, member) }
        case .queuePerRun:
            member.queue.async {
                self.share.takeTurns(weight: member.weight) { self.trainQuantum(index, member) }
                self.activity.leave()
            }
        }
    }

    /// One round-robin turn: a quantum, then the next turn at the back of the line.
    private func turn(_ index: Int, _ member: Member) {
        guard trainQuantum(index, member) else {
            activity.leave()
            return
        }
        // Queued from inside this turn: the slots it frees on return go first to those waiting.
        share.submit(weight: member.weight) { self.turn(index, member) }
    }

    /// Trains epochs of run `index` for one quantum; false when the run no longer wants turns
    /// (it is then marked inactive).
    private func trainQuantum(_ index: Int, _ member: Member) -> Bool {
        let start = DispatchTime.now().uptimeNanoseconds
        let deadline = start + UInt64(quantum * 1e9)
        while true {
            guard member.control.withLock({ $0.wantsTurns }) else { break }
            let outcome = member.run.withLock { $0.runEpoch() }
            observer?(index, outcome)
            let now = DispatchTime.now().uptimeNanoseconds
            member.control.withLock { c in
                switch outcome {
                case .completed(let report):
                    c.epoch = report.epoch
                    c.latest = report
                case .diverged(let divergence):
                    c.divergence = divergence
                }
                c.lastTurnEnd = now
            }
            if now >= deadline { break }
        }
        return member.control.withLock { c in
            if c.wantsTurns { return true }
            c.active = false
            return false
        }
    }
}
