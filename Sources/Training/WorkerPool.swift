import Dispatch
import Glibc
import Synchronization

/// A fixed set of worker threads that keep watching for work for a short while after each job,
/// so the next job of a training loop (one per epoch) finds them awake.
///
/// Why not `DispatchQueue.concurrentPerform`: Dispatch parks its workers as soon as a job ends,
/// and waking a parked thread took 40–80 µs on the 2-vCPU machines this is measured on (a
/// two-way job of 50 µs each took 130 µs) — a fifth of a medium epoch, so two threads reached only
/// 1.45× one. Workers here spin (yielding the core to anything else runnable) for `spinTime`
/// after a job, then sleep on a condition variable until the next one.
///
/// `run(iterations:_:)` hands out the indices 0..<iterations one at a time to the calling thread
/// and the workers; which thread runs which index is unspecified, so bodies must write disjoint
/// memory. **Not thread-safe** to call `run` from two threads at once: one training loop owns a
/// pool. The shared state is in `Shared`, whose protocol is documented there.
final class WorkerPool {
    /// How long a worker keeps watching for the next job before it sleeps.
    static let spinTime: UInt64 = 1_000_000  // ns

    /// The number of worker threads (the caller is one more participant).
    let workers: Int
    let shared = Shared()

    /// A pool with `workers` threads (0: `run` runs everything on the caller).
    init(workers: Int) {
        self.workers = max(0, workers)
        for _ in 0..<self.workers {
            let shared = self.shared
            var thread = pthread_t()
            let box = Unmanaged.passRetained(shared).toOpaque()
            let created = pthread_create(&thread, nil, { raw in
                let shared = Unmanaged<Shared>.fromOpaque(raw!).takeRetainedValue()
                shared.work()
                return nil
            }, box)
            precondition(created == 0, "cannot start a worker thread (\(created))")
            pthread_detach(thread)
        }
    }

    deinit {
        shared.stop()
    }

    /// Runs `body(i)` for every `i` in `0..<iterations` on the caller and the workers, and returns
    /// when all have finished.
    func run(iterations: Int, _ body: @Sendable (Int) -> Void) {
        guard workers > 0 && iterations > 1 else {
            for i in 0..<iterations { body(i) }
            return
        }
        let nested = shared.busy.exchange(true, ordering: .sequentiallyConsistent)
        precondition(!nested, "WorkerPool.run called from inside a job or from two threads at once")
        defer { shared.busy.store(false, ordering: .sequentiallyConsistent) }
        withoutActuallyEscaping(body) { body in
            shared.runJob(iterations: iterations, body)
        }
    }
}

extension WorkerPool {
    /// The state the caller and the workers share.
    ///
    /// Protocol. `generation` is even while no job is open and odd while one is. The caller writes
    /// `job` and `iterations`, resets `next` and `completed`, then opens the job by making
    /// `generation` odd; a worker that sees a new odd generation registers in `inside` and checks
    /// the generation again before it reads `job` or `iterations`. Indices are claimed from `next`;
    /// each finished index adds one to `completed`. When `completed` reaches `iterations` the caller
    /// closes the job (`generation` even again) and waits until `inside` is 0: a worker that
    /// registers after the close sees the changed generation on its second check and leaves
    /// without touching `job`. All these atomics are sequentially consistent, so "registered then
    /// checked" and "closed then read `inside`" cannot both miss each other. `job` and
    /// `iterations` are therefore only read while the caller waits and only written while no
    /// worker is inside. Sleeping workers are counted in `sleepers` and woken by `wake` under
    /// `mutex`, which they check the generation under.
    final class Shared: @unchecked Sendable {
        nonisolated(unsafe) var job: (@Sendable (Int) -> Void)?
        nonisolated(unsafe) var iterations = 0
        let generation = Atomic<Int>(0)
        let next = Atomic<Int>(0)
        let completed = Atomic<Int>(0)
        let inside = Atomic<Int>(0)
        let sleepers = Atomic<Int>(0)
        let stopping = Atomic<Bool>(false)
        /// Whether a job is being run (`run` is not reentrant).
        let busy = Atomic<Bool>(false)
        /// Worker threads that have started and not yet ended.
        let running = Atomic<Int>(0)
        private let mutex: UnsafeMutablePointer<pthread_mutex_t>
        private let wake: UnsafeMutablePointer<pthread_cond_t>

        init() {
            mutex = .allocate(capacity: 1)
            mutex.initialize(to: pthread_mutex_t())
            pthread_mutex_init(mutex, nil)
            wake = .allocate(capacity: 1)
            wake.initialize(to: pthread_cond_t())
            pthread_cond_init(wake, nil)
        }

        deinit {
            pthread_cond_destroy(wake)
            pthread_mutex_destroy(mutex)
            wake.deallocate()
            mutex.deallocate()
        }

        /// The caller's side of one job.
        func runJob(iterations count: Int, _ body: @escaping @Sendable (Int) -> Void) {
            job = body
            iterations = count
            next.store(0, ordering: .sequentiallyConsistent)
            completed.store(0, ordering: .sequentiallyConsistent)
            let open = generation.wrappingAdd(1, ordering: .sequentiallyConsistent).newValue
            if sleepers.load(ordering: .sequentiallyConsistent) > 0 { broadcast() }
            claim(count, body)
            var waiting = Backoff()
            while completed.load(ordering: .sequentiallyConsistent) < count { waiting.pause() }
            generation.store(open &+ 1, ordering: .sequentiallyConsistent)
            while inside.load(ordering: .sequentiallyConsistent) > 0 { waiting.pause() }
            job = nil
        }

        /// Claims and runs indices until none are left.
        private func claim(_ count: Int, _ body: (Int) -> Void) {
            while true {
                let i = next.wrappingAdd(1, ordering: .sequentiallyConsistent).oldValue
                guard i < count else { return }
                body(i)
                completed.wrappingAdd(1, ordering: .sequentiallyConsistent)
            }
        }

        /// A worker's loop: watch for a job, join it, repeat; sleep when none came for `spinTime`.
        func work() {
            running.wrappingAdd(1, ordering: .sequentiallyConsistent)
            defer { running.wrappingSubtract(1, ordering: .sequentiallyConsistent) }
            // The generation the pool started at, not the current one: a thread that starts late
            // still joins the first job if it is open.
            var seen = 0
            while !stopping.load(ordering: .sequentiallyConsistent) {
                let current = waitForJob(after: seen)
                seen = current
                guard current & 1 == 1 else { continue }
                inside.wrappingAdd(1, ordering: .sequentiallyConsistent)
                if generation.load(ordering: .sequentiallyConsistent) == current, let job {
                    claim(iterations, job)
                }
                inside.wrappingSubtract(1, ordering: .sequentiallyConsistent)
            }
        }

        /// The generation once it differs from `seen` (or stopping), spinning, then sleeping.
        private func waitForJob(after seen: Int) -> Int {
            let deadline = DispatchTime.now().uptimeNanoseconds + WorkerPool.spinTime
            while DispatchTime.now().uptimeNanoseconds < deadline {
                let current = generation.load(ordering: .sequentiallyConsistent)
                if current != seen || stopping.load(ordering: .sequentiallyConsistent) { return current }
                spinPause()
            }
            pthread_mutex_lock(mutex)
            sleepers.wrappingAdd(1, ordering: .sequentiallyConsistent)
            var current = generation.load(ordering: .sequentiallyConsistent)
            while current == seen && !stopping.load(ordering: .sequentiallyConsistent) {
                pthread_cond_wait(wake, mutex)
                current = generation.load(ordering: .sequentiallyConsistent)
            }
            sleepers.wrappingSubtract(1, ordering: .sequentiallyConsistent)
            pthread_mutex_unlock(mutex)
            return current
        }

        private func broadcast() {
            pthread_mutex_lock(mutex)
            pthread_cond_broadcast(wake)
            pthread_mutex_unlock(mutex)
        }

        /// Ends every worker (they finish the job they are in first; there is none when the pool
        /// goes away, since `run` returns only after its job).
        func stop() {
            stopping.store(true, ordering: .sequentiallyConsistent)
            broadcast()
        }

        /// Gives the core to another runnable thread, if any, while waiting.
        @inline(__always)
        private func spinPause() { sched_yield() }
    }

    /// The caller's wait for the last index: yielding for `spinTime`, then 20 µs sleeps, so a
    /// worker that lost its core (more runs than cores) is not raced by a spinning caller.
    struct Backoff {
        private let deadline = DispatchTime.now().uptimeNanoseconds + WorkerPool.spinTime

        mutating func pause() {
            if DispatchTime.now().uptimeNanoseconds < deadline {
                sched_yield()
            } else {
                usleep(20)
            }
        }
    }
}
