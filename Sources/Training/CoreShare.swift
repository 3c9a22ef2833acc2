import Dispatch

/// Lets work onto a fixed number of cores in strict arrival order, so that runs sharing the
/// machine each get their turn.
///
/// Each piece of work asks for a *weight* (the threads it will keep busy, at least 1, at most
/// `width`) and starts once that many of the `width` slots are free and everything that asked
/// before it has started: first come, first served, so a run that hands its slot back and asks
/// again goes to the back of the line, behind every run already waiting. A heavy request at the
/// head of the line is not overtaken by light ones (no starvation, at the price of an idle slot
/// for a moment).
///
/// Two ways in: `withSlot` blocks the calling thread until its turn (for a loop that owns its
/// thread, like the `Trainer`'s), and `submit` queues a closure that runs on a global concurrent
/// queue when its turn comes (no thread waits).
///
/// Thread-safe: all bookkeeping sits in one `LockedValue`; waiting threads sleep on their own
/// semaphore, signalled outside the lock.
public final class CoreShare: Sendable {
    private enum Waiter {
        case thread(DispatchSemaphore)
        case task(@Sendable () -> Void)
    }

    private struct State {
        var free: Int
        /// Requests in arrival order; `head` indexes the next one (a queue without O(n) removals).
        var waiting: [(weight: Int, waiter: Waiter)] = []
        var head = 0
    }

    /// How many slots (cores) there are.
    public let width: Int
    private let state: LockedValue<State>
    private let queue = DispatchQueue.global(qos: .userInitiated)

    /// A share of `width` slots (at least 1).
    public init(width: Int) {
        self.width = max(1, width)
        state = LockedValue(State(free: max(1, width)))
    }

    /// How many requests wait in line now (for tests and diagnostics).
    public var waitingCount: Int { state.withLock { $0.waiting.count - $0.head } }

    /// `weight` clamped to 1…width.
    public func clamp(_ weight: Int) -> Int { min(max(1, weight), width) }

    /// Waits for `weight` slots in arrival order, runs `body` on this thread, and frees them.
    public func withSlot<R>(weight: Int = 1, _ body: () throws -> R) rethrows -> R {
        let weight = clamp(weight)
        line(up: weight)?.wait()
        defer { release(weight) }
        return try body()
    }

    /// Takes turns of `weight` slots on this thread until `turn` returns false. Before a turn
    /// hands its slots on, the caller is already back in line for the next, so a thread the
    /// system is slow to wake cannot lose its place.
    public func takeTurns(weight: Int = 1, _ turn: () -> Bool) {
        let weight = clamp(weight)
        var ticket = line(up: weight)
        while true {
            ticket?.wait()
            guard turn() else { return release(weight) }
            ticket = line(up: weight, alwaysWait: true)
            release(weight)
        }
    }

    /// Joins the line for `weight` slots; nil when they were free with nobody waiting (taken).
    fileprivate func line(up weight: Int, alwaysWait: Bool = false) -> DispatchSemaphore? {
        state.withLock { state in
            if !alwaysWait, state.head == state.waiting.count, state.free >= weight {
                state.free -= weight
                return nil
            }
            let semaphore = DispatchSemaphore(value: 0)
            state.waiting.append((weight, .thread(semaphore)))
            return semaphore
        }
    }

    /// Queues `work` to run on a global concurrent queue once `weight` slots are its turn; the
    /// slots are freed when it returns.
    public func submit(weight: Int = 1, _ work: @escaping @Sendable () -> Void) {
        let weight = clamp(weight)
        let startNow: Bool = state.withLock { state in
            if state.head == state.waiting.count, state.free >= weight {
                state.free -= weight
                return true
            }
            state.waiting.append((weight, .task(work)))
            return false
        }
        if startNow { launch(work, weight: weight) }
    }

    private func launch(_ work: @escaping @Sendable () -> Void, weight: Int) {
        queue.async {
            work()
            self.release(weight)
        }
    }

    /// Frees `weight` slots and starts the waiting requests that now fit, in order.
    fileprivate func release(_ weight: Int) {
        let ready: [(weight: Int, waiter: Waiter)] = state.withLock { state in
            state.free += weight
            var ready: [(weight: Int, waiter: Waiter)] = []
            while state.head < state.waiting.count, state.waiting[state.head].weight <= state.free {
                let next = state.waiting[state.head]
                state.free -= next.weight
                ready.append(next)
                state.head += 1
            }
            if state.head == state.waiting.count {
                state.waiting.removeAll(keepingCapacity: true)
                state.head = 0
            } else if state.head > 64, state.head * 2 > state.waiting.count {
                state.waiting.removeFirst(state.head)
                state.head = 0
            }
            return ready
        }
        for next in ready {
            switch next.waiter {
            case .thread(let semaphore): semaphore.signal()
            case .task(let work): launch(work, weight: next.weight)
            }
        }
    }
}

extension CoreShare {
    /// A loop's hold on its slots across many small pieces of work (epochs): the slots are taken
    /// on the first piece and kept for `quantum` seconds, then the loop lines up again behind
    /// whoever waits, and hands the slots on. A loop that does one epoch per turn pays a hand-off
    /// per epoch; a lease pays one per quantum, however small the epochs.
    ///
    /// Call `release()` before the loop waits for anything else (a pause, a command, a paced
    /// slot), so that an idle loop holds no core.
    ///
    /// **Not thread-safe**: one loop owns a lease (e.g. a local of the trainer's loop).
    public final class Lease {
        public let share: CoreShare
        public let weight: Int
        /// Seconds of work per turn.
        public let quantum: Double
        /// When the slots were taken (uptime nanoseconds), while held.
        private var heldSince: UInt64?

        /// A lease of `weight` slots (clamped to the share's width), not yet held.
        public init(share: CoreShare, weight: Int = 1, quantum: Double = 0.005) {
            self.share = share
            self.weight = share.clamp(weight)
            self.quantum = max(0, quantum)
        }

        deinit { release() }

        /// Whether the slots are held now.
        public var isHeld: Bool { heldSince != nil }

        /// Runs `body` holding the slots: taken first if not held, or handed on in turn first if
        /// held for a quantum already.
        public func run<R>(_ body: () throws -> R) rethrows -> R {
            let now = DispatchTime.now().uptimeNanoseconds
            if let since = heldSince {
                if Double(now - since) / 1e9 >= quantum {
                    // Back in line before handing the slots on, so this loop keeps its place.
                    let ticket = share.line(up: weight, alwaysWait: true)
                    share.release(weight)
                    ticket?.wait()
                    heldSince = DispatchTime.now().uptimeNanoseconds
                }
            } else {
                share.line(up: weight)?.wait()
                heldSince = DispatchTime.now().uptimeNanoseconds
            }
            return try body()
        }

        /// Frees the slots if held.
        public func release() {
            guard heldSince != nil else { return }
            heldSince = nil
            share.release(weight)
        }
    }
}
