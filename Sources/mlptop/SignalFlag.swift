import Dispatch
import Foundation
import Synchronization

/// SIGINT, SIGTERM and SIGHUP turned into a flag the main loop polls, so cleanup always runs.
///
/// The signals are ignored for their default action and watched by Dispatch sources that only
/// record the signal number and wake the waiting thread. Owned by the main thread (it keeps the
/// sources alive); the state the handlers touch is an `Atomic` and a semaphore.
final class SignalFlag {
    /// What the signal handlers share with the main thread.
    private final class Shared: Sendable {
        let signal = Atomic<Int32>(0)
        let wake = DispatchSemaphore(value: 0)
    }

    private let shared = Shared()
    private var sources: [DispatchSourceSignal] = []

    private init() {}

    /// Starts watching SIGINT, SIGTERM and SIGHUP. Call before the terminal is set up.
    static func install() -> SignalFlag {
        let flag = SignalFlag()
        let queue = DispatchQueue(label: "mlptop.signals")
        let shared = flag.shared
        for number in [SIGINT, SIGTERM, SIGHUP] {
            Foundation.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                shared.signal.store(number, ordering: .relaxed)
                shared.wake.signal()
            }
            source.resume()
            flag.sources.append(source)
        }
        return flag
    }

    /// The signal received, if any.
    var received: Int32? {
        let value = shared.signal.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    /// Sleeps up to `milliseconds`, waking early when a signal arrives; true if one did.
    func wait(milliseconds: Int) -> Bool {
        shared.wake.wait(timeout: .now() + .milliseconds(milliseconds)) == .success
    }
}
