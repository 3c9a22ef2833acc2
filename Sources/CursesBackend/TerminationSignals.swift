import Dispatch
import Glibc
import Synchronization

/// Catches SIGINT, SIGTERM and SIGHUP so the UI can restore the terminal before it exits.
///
/// `install()` ignores the three signals at the process level (so they no longer kill it, and so
/// ncurses, started afterwards, leaves them alone) and watches them with Dispatch signal sources,
/// which only record the signal number. The UI loop polls `received` once per frame, closes the
/// terminal and exits with 128 + signal; a headless loop sleeps in `wait(milliseconds:)`.
/// SIGWINCH and SIGTSTP are left to ncurses.
/// `received` may be read from any thread; install and uninstall on the main thread.
public final class TerminationSignals {
    /// The signals watched.
    public static let watched: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private let latest: SignalFlag
    private var sources: [any DispatchSourceSignal]

    private init(latest: SignalFlag, sources: [any DispatchSourceSignal]) {
        self.latest = latest
        self.sources = sources
    }

    deinit {
        uninstall()
    }

    /// Starts watching SIGINT, SIGTERM and SIGHUP. Call before `CursesTerminal.open`.
    public static func install() -> TerminationSignals {
        let latest = SignalFlag()
        let queue = DispatchQueue(label: "mlptop.termination-signals")
        let sources = watched.map { signalNumber -> any DispatchSourceSignal in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { latest.record(signalNumber) }
            source.resume()
            return source
        }
        return TerminationSignals(latest: latest, sources: sources)
    }

    /// The number of the first watched signal that arrived, or nil while none has.
    public var received: Int32? {
        latest.value
    }

    /// Sleeps up to `milliseconds`, waking early when a watched signal arrives; true if one did.
    /// For loops without a terminal to wait on (headless runs).
    public func wait(milliseconds: Int) -> Bool {
        latest.wake.wait(timeout: .now() + .milliseconds(milliseconds)) == .success
    }

    /// Stops watching and gives the signals back their default actions. Safe to call twice.
    public func uninstall() {
        guard !sources.isEmpty else { return }
        for source in sources { source.cancel() }
        sources = []
        for signalNumber in Self.watched { signal(signalNumber, SIG_DFL) }
    }
}

/// The first signal number seen, shared between the signal queue and the UI thread.
private final class SignalFlag: Sendable {
    private let storage = Atomic<Int32>(0)
    /// Signalled once per signal, to wake `TerminationSignals.wait`.
    let wake = DispatchSemaphore(value: 0)

    /// Records `signalNumber` unless a signal was already recorded, and wakes a waiter.
    func record(_ signalNumber: Int32) {
        _ = storage.compareExchange(expected: 0, desired: signalNumber, ordering: .sequentiallyConsistent)
        wake.signal()
    }

    /// The recorded signal, nil if none.
    var value: Int32? {
        let current = storage.load(ordering: .sequentiallyConsistent)
        return current == 0 ? nil : current
    }
}
