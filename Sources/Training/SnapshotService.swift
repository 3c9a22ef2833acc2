import Dispatch
import Foundation

/// Writes snapshots on a background queue so training never waits for the disk, and reports
/// each result ("snapshot written to …" or the reason it failed) through `announce`.
///
/// At most one snapshot is being written at a time: a request that arrives meanwhile is skipped
/// and said so, so a fast run with `--snapshot-every 1` cannot pile up a backlog in memory.
///
/// Thread-safe: `submit` may be called from the training thread, `write` from any thread.
public final class SnapshotService: Sendable {
    /// Gives the monitor's screen for a checkpoint (nil: no screen.txt).
    public typealias ScreenProvider = @Sendable (TrainingCheckpoint) -> [String]?

    public let directory: String
    private let run: PreparedRun
    /// When the run began, for folder names, and the trainer generation it belongs to: a reset
    /// (`r`) starts a new run, whose snapshots must sort after the old run's, not among them.
    private let runStart: LockedValue<(date: Date, generation: Int)>
    private let screen: ScreenProvider
    private let announcer = LockedValue<(@Sendable (String) -> Void)?>(nil)
    private let queue = DispatchQueue(label: "mlptop.snapshots", qos: .utility)
    private let writing = LockedValue(false)
    private let failure = LockedValue<FileError?>(nil)

    /// The first background snapshot that failed, if any (for the run's exit status).
    public var firstFailure: FileError? { failure.withLock { $0 } }

    public init(run: PreparedRun, directory: String, runStarted: Date = Date(), screen: @escaping ScreenProvider) {
        self.run = run
        self.directory = directory
        self.runStart = LockedValue((runStarted, 0))
        self.screen = screen
    }

    /// Where messages go (usually `Trainer.announce`); set once the trainer exists.
    public func setAnnouncer(_ announce: @escaping @Sendable (String) -> Void) {
        announcer.withLock { $0 = announce }
    }

    /// Queues a snapshot of `checkpoint` (or skips it while another is being written); returns at once.
    public func submit(_ checkpoint: TrainingCheckpoint) {
        let busy = writing.withLock { busy in
            let was = busy
            busy = true
            return was
        }
        if busy {
            announce("snapshot of epoch \(checkpoint.epoch) skipped: the previous one is still being written")
            return
        }
        queue.async { [self] in
            defer { writing.withLock { $0 = false } }
            let message: String
            switch Result(catching: { () throws(FileError) -> String in try write(checkpoint) }) {
            case .success(let folder): message = "snapshot written to \(folder)/"
            case .failure(let error):
                message = "snapshot failed: \(error.description)"
                failure.withLock { $0 = $0 ?? error }
            }
            announce(message)
        }
    }

    private func announce(_ message: String) {
        let announce = announcer.withLock { $0 }
        announce?(message)
    }

    /// Writes a snapshot now, on the caller's thread, and returns its folder.
    public func write(_ checkpoint: TrainingCheckpoint) throws(FileError) -> String {
        let started = runStart.withLock { start in
            if checkpoint.state.generation != start.generation { start = (Date(), checkpoint.state.generation) }
            return start.date
        }
        return try SnapshotWriter.write(checkpoint, run: run, screen: screen(checkpoint), under: directory, runStarted: started)
    }

    /// Waits until every queued snapshot has been written.
    public func waitUntilIdle() {
        queue.sync {}
    }
}
