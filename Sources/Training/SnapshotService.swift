import Datasets
import Dispatch
import Foundation

/// Writes snapshots on a background queue so training never waits for the disk, and reports
/// each result ("snapshot written to …" or the reason it failed) through `announce`.
///
/// At most one snapshot is being written at a time, and at most one waits: a request that arrives
/// meanwhile takes the waiting place (the one it replaces is skipped, and said so), and is written
/// next. So a fast run with `--snapshot-every 1` cannot pile up a backlog in memory, and the last
/// snapshot asked for (the final epoch's) is always written.
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
    /// Whether a snapshot is being written, how many requests were skipped meanwhile, and the one
    /// waiting to be written next.
    private let writing = LockedValue<(busy: Bool, skipped: Int, waiting: TrainingCheckpoint?)>((false, 0, nil))
    private let failure = LockedValue<FileError?>(nil)
    private let retention: LockedValue<SnapshotRetention>
    /// The period of periodic snapshots in epochs (0: none), for the rate warning.
    private let every: Int

    /// The two input columns boundary.svg shows, as the monitor's `x` and `y` chose them (nil: the
    /// first two).
    public let slice = LockedValue<InputSlice?>(nil)

    /// The first background snapshot that failed, if any (for the run's exit status).
    public var firstFailure: FileError? { failure.withLock { $0 } }

    /// `keepPeriodic`: how many periodic snapshots (`--snapshot-every every`) to keep, newest
    /// first (0: all).
    public init(run: PreparedRun, directory: String, runStarted: Date = Date(), every: Int = 0, keepPeriodic: Int = 0,
                screen: @escaping ScreenProvider) {
        self.run = run
        self.every = every
        self.retention = LockedValue(SnapshotRetention(keep: keepPeriodic))
        self.directory = directory
        self.runStart = LockedValue((runStarted, 0))
        self.screen = screen
    }

    /// Where messages go (usually `Trainer.announce`); set once the trainer exists.
    public func setAnnouncer(_ announce: @escaping @Sendable (String) -> Void) {
        announcer.withLock { $0 = announce }
    }

    /// Queues a snapshot of `checkpoint` (while another is being written, in place of the one
    /// waiting, which is skipped); returns at once.
    public func submit(_ checkpoint: TrainingCheckpoint) {
        if checkpoint.periodic {
            let now = DispatchTime.now().uptimeNanoseconds
            retention.withLock { $0.requested(at: now) }
        }
        let (starts, replaced, skipped) = writing.withLock { state -> (Bool, TrainingCheckpoint?, Int) in
            guard state.busy else {
                state = (true, 0, nil)
                return (true, nil, 0)
            }
            let replaced = state.waiting
            if replaced != nil { state.skipped += 1 }
            state.waiting = checkpoint
            return (false, replaced, state.skipped)
        }
        // The first skip during a write is said at once; later ones only counted, so a fast run
        // with `--snapshot-every 1` does not drown every other message.
        if let replaced, skipped == 1 {
            announce("snapshot of epoch \(replaced.epoch) skipped: the previous one is still being written")
        }
        if starts { queue.async { [self] in writeInTurn(checkpoint) } }
    }

    /// Writes `first`, then whatever came to wait meanwhile, until nothing waits.
    private func writeInTurn(_ first: TrainingCheckpoint) {
        var next: TrainingCheckpoint? = first
        while let checkpoint = next {
            switch Result(catching: { () throws(FileError) -> String in try write(checkpoint) }) {
            case .success(let folder):
                let skipped = writing.withLock { state in
                    defer { state.skipped = 0 }
                    return state.skipped
                }
                announce("snapshot written to \(folder)/" + (skipped > 1 ? " (\(skipped) requests skipped meanwhile)" : ""))
                if checkpoint.periodic { retire(folder) }
            case .failure(let error):
                failure.withLock { $0 = $0 ?? error }
                announce("snapshot failed: \(error.description)")
            }
            next = writing.withLock { state in
                let waiting = state.waiting
                state.waiting = nil
                if waiting == nil { state.busy = false }
                return waiting
            }
        }
    }

    /// Counts a periodic snapshot just written: removes the ones beyond the number kept, and
    /// warns once when the rate asked for writes too much.
    private func retire(_ folder: String) {
        let bytes = SnapshotRetention.size(of: folder)
        let (remove, warning) = retention.withLock { $0.wrote(folder, bytes: bytes, every: every) }
        for old in remove { try? FileManager.default.removeItem(atPath: old) }
        if let warning { announce(warning) }
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
        // A run changed in the settings panel is described as it is now.
        return try SnapshotWriter.write(checkpoint, run: checkpoint.state.definition ?? run, screen: screen(checkpoint),
                                        under: directory, runStarted: started, slice: slice.withLock { $0 })
    }

    /// Waits until every queued snapshot has been written.
    public func waitUntilIdle() {
        queue.sync {}
    }
}
