import Datasets
import Dispatch
import Foundation
import Monitor
import TerminalUI
import Training

extension RunForks {
    /// Snapshots every run on screen (`s` while runs are side by side): one folder per run, the
    /// combined loss.svg and summary.json (`ComparisonSnapshotWriter`), under `directory`.
    /// The checkpoints are taken here (each waits for its run's epoch in flight); the files are
    /// written on a background queue, and `announce` says where they went or why they did not.
    /// `slice`: the decision map's columns on screen, for each run whose data has them.
    func snapshotComparison(
        _ runs: [(label: String, connection: any TrainerConnection)], directory: String, runStarted: Date,
        slice: InputSlice? = nil, announce: @escaping @Sendable (String) -> Void
    ) {
        var parts: [ComparisonSnapshotWriter.Run] = []
        for (label, connection) in runs {
            guard let (trainer, origin) = origin(of: connection) else { continue }
            let checkpoint = trainer.checkpoint()
            let state = checkpoint.state
            // A run changed in the settings panel is described as it is now (its data and shape),
            // as a lone snapshot is: its first definition would not fit its weights or data.
            let prepared = state.definition ?? origin.prepared
            let info = state.definition.map(MonitorRunInfo.init(prepared:)) ?? origin.info
            let member = ComparisonMember(
                name: label, settings: ComparisonMember.settings(ofName: label), status: state.status.summaryName,
                epoch: checkpoint.epoch, summary: origin.summary.withLock { $0 },
                divergence: state.divergence?.description,
                // Redefined in the settings panel, a run may have started its history again.
                forkEpoch: state.definition == nil ? origin.forkEpoch : nil)
            // Each run's folder gets its own screen.txt: the dashboard as it shows that run alone.
            let screen = Dashboard(run: info.showing(slice), theme: Theme(colorMode: .none, glyphs: .unicode))
                .textLines(state: state, width: 120, height: 40)
            parts.append(ComparisonSnapshotWriter.Run(member: member, prepared: prepared, checkpoint: checkpoint,
                                                      screen: screen, slice: slice))
        }
        let finished = parts
        let writes = snapshotWrites
        writes.enter()
        DispatchQueue.global(qos: .utility).async {
            defer { writes.leave() }
            do throws(FileError) {
                let folder = try ComparisonSnapshotWriter.write(finished, under: directory, runStarted: runStarted)
                announce("snapshot of \(finished.count) runs written to \(folder)/ (a folder each, loss.svg, summary.json)")
            } catch {
                announce("snapshot failed: \(error.description)")
            }
        }
    }
}

extension RunForks {
    /// Waits until every comparison snapshot asked for has been written (or has failed): quitting
    /// right after `s` must not leave a half-written folder behind.
    func waitUntilSnapshotsWritten() {
        snapshotWrites.wait()
    }
}

extension RunStatus {
    /// The status as summary.json names it: `done`, `diverged`, `stopped`, `paused`, `training`.
    var summaryName: String {
        switch self {
        case .running: "training"
        case .paused: "paused"
        case .done: "done"
        case .diverged: "diverged"
        case .stopped: "stopped"
        }
    }
}
