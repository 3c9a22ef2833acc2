import Glibc

/// A value behind a POSIX mutex: the same contract and shape as `Synchronization.Mutex`, with a
/// lock that ThreadSanitizer can see.
///
/// `Synchronization.Mutex` on Linux is built on raw futex calls inside the (uninstrumented)
/// standard library, so ThreadSanitizer cannot see its happens-before edges and reports every
/// value handed across it as a race. `pthread_mutex_lock` is intercepted by ThreadSanitizer, so
/// with this lock the trainer's tests are checked for real races rather than drowned in false ones.
///
/// Thread-safe: `value` is only ever touched between `pthread_mutex_lock` and `_unlock`, and, as
/// with `Mutex`, it enters and leaves only through `sending` parameters and results, so the
/// compiler keeps non-Sendable state (a `TrainingRun`) from escaping the lock.
public final class LockedValue<Value: ~Copyable>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value

    public init(_ initialValue: consuming sending Value) {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        value = initialValue
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with exclusive access to the value and returns its result.
    public func withLock<Result: ~Copyable, E: Error>(
        _ body: (inout sending Value) throws(E) -> sending Result
    ) throws(E) -> sending Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
