import Dispatch
import Foundation
import Synchronization

/// Writes snapshots on a background queue so training never waits for the disk, and reports
/// each result ("snapshot written to …" or the reason it failed) through `announce`.
///
/// Thread-safe: `submit` may be called from the training thread, `write` from any thread.
public final class SnapshotService: Sendable {
    /// Gives the monitor's screen for a checkpoint (nil: no screen.txt).
    public typealias ScreenProvider = @Sendable (TrainingCheckpoint) -> [String]?

    public let directory: String
    private let run: PreparedRun
    private let runStarted: Date
    private let screen: ScreenProvider
    private let announcer = LockedValue<(@Sendable (String) -> Void)?>(nil)
    private let queue = DispatchQueue(label: "mlptop.snapshots", qos: .utility)

    public init(run: PreparedRun, directory: String, runStarted: Date = Date(), screen: @escaping ScreenProvider) {
        self.run = run
        self.directory = directory
        self.runStarted = runStarted
        self.screen = screen
    }

    /// Where messages go (usually `Trainer.announce`); set once the trainer exists.
    public func setAnnouncer(_ announce: @escaping @Sendable (String) -> Void) {
        announcer.withLock { $0 = announce }
    }

    /// Queues a snapshot of `checkpoint`; returns at once.
    public func submit(_ checkpoint: TrainingCheckpoint) {
        queue.async { [self] in
            let message: String
            switch Result(catching: { () throws(FileError) -> String in try write(checkpoint) }) {
            case .success(let folder): message = "snapshot written to \(folder)/"
            case .failure(let error): message = "snapshot failed: \(error.description)"
            }
            let announce = announcer.withLock { $0 }
            announce?(message)
        }
    }

    /// Writes a snapshot now, on the caller's thread, and returns its folder.
    public func write(_ checkpoint: TrainingCheckpoint) throws(FileError) -> String {
        try SnapshotWriter.write(checkpoint, run: run, screen: screen(checkpoint), under: directory, runStarted: runStarted)
    }

    /// Waits until every queued snapshot has been written.
    public func waitUntilIdle() {
        queue.sync {}
    }
}
