import Dispatch
import Foundation
import Synchronization

/// SIGINT, SIGTERM and SIGHUP turned into a flag the main loop polls, so cleanup always runs.
///
/// The signals are ignored for their default action and watched by Dispatch sources that only
/// record the signal number and wake the waiting thread. Thread-safe.
final class SignalFlag: Sendable {
    private let signal = Atomic<Int32>(0)
    private let wake = DispatchSemaphore(value: 0)
    private let sources: Mutex<[DispatchSourceSignal]>

    private init() {
        sources = Mutex([])
    }

    /// Starts watching SIGINT, SIGTERM and SIGHUP.
    static func install() -> SignalFlag {
        let flag = SignalFlag()
        let queue = DispatchQueue(label: "mlptop.signals")
        var made: [DispatchSourceSignal] = []
        for number in [SIGINT, SIGTERM, SIGHUP] {
            Foundation.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [flag] in
                flag.signal.store(number, ordering: .relaxed)
                flag.wake.signal()
            }
            source.resume()
            made.append(source)
        }
        flag.sources.withLock { $0 = made }
        return flag
    }

    /// The signal received, if any.
    var received: Int32? {
        let value = signal.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    /// Sleeps up to `milliseconds`, waking early when a signal arrives; true if one did.
    func wait(milliseconds: Int) -> Bool {
        wake.wait(timeout: .now() + .milliseconds(milliseconds)) == .success
    }
}
