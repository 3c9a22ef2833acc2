import Foundation
import MLPEngine
import Training

/// What a monitored and a headless run share, built one way so the two cannot drift: the trainer
/// (same run, shuffle stream and reset factory), the `--log` writer, the snapshot writer, and the
/// work at the end (stop, snapshot on exit, save).
///
/// Main thread only; the trainer and the services it holds are thread-safe themselves.
final class RunServices {
    let prepared: PreparedRun
    let options: TrainOptions
    let log: RunLog?
    let snapshots: SnapshotService
    let trainer: Trainer
    /// Every epoch's report taken in (final and best losses), for a comparison's summary.json.
    let summary = LockedValue(RunSummary())

    /// Creates the log (a status-73 error if it cannot) and the trainer, not yet started.
    /// `recordsSteps` keeps each epoch's last optimiser step for the network view's inspector;
    /// `rewinds` keeps rewind points within `--rewind-memory`; `coreShare` is shared with the runs
    /// trained beside this one.
    init(prepared: PreparedRun, options: TrainOptions, startPaused: Bool = false, initialState: TrainerState? = nil,
         recordsSteps: Bool = false, speedLimit: Double? = nil, rewinds: Bool = false, coreShare: CoreShare? = nil,
         screen: @escaping SnapshotService.ScreenProvider) throws(FileError) {
        self.prepared = prepared
        self.options = options
        if let save = options.save { try FileIO.checkCreatable(save) }
        let log = try options.log.map { path throws(FileError) in try RunLog(path: path, regression: prepared.rawData.isRegression) }
        self.log = log
        let snapshots = options.snapshotService(for: prepared, screen: screen)
        self.snapshots = snapshots
        let summary = summary
        let observer: Trainer.EpochObserver = { report in
            log?.record(report)
            summary.withLock { $0.record(report) }
        }
        let prepared = prepared
        let run = prepared.makeTrainingRun()
        run.recordsLastStep = recordsSteps
        trainer = Trainer(run: run, targetEpochs: prepared.configuration.epochs,
                          startPaused: startPaused, snapshotEvery: options.snapshotEvery ?? 0,
                          speedLimit: speedLimit ?? options.speed,
                          initialState: initialState, rewindBudget: rewinds ? Int(options.rewindMemory * 1_048_576) : 0,
                          coreShare: coreShare, makeNetwork: { seed in prepared.freshNetwork(seed: seed) }, observer: observer,
                          checkpointHandler: { snapshots.submit($0) })
        snapshots.setAnnouncer { [trainer] in trainer.announce($0) }
        for note in prepared.notes { trainer.announce(note) }
    }

    /// Stops the trainer and waits for queued snapshots and the log.
    func stop() {
        trainer.send(.stop)
        trainer.waitUntilStopped()
        snapshots.waitUntilIdle()
        log?.flush()
    }

    /// After `stop`: writes the exit snapshot and `--save`, printing what was written, and returns
    /// the exit status their failures call for (0 when all went well).
    func writeResults() -> Int32 {
        var status: Int32 = 0
        if options.snapshotOnExit {
            do {
                StandardStreams.output("mlptop: snapshot written to \(try snapshots.write(trainer.checkpoint()))/")
            } catch {
                status = ReportedFailure(message: "snapshot failed: \(error.description)", exitStatus: error.exitStatus).report()
            }
        }
        let final = trainer.state
        if let path = options.save {
            do {
                // A run changed in the settings panel is saved as it is now.
                var model = (final.definition ?? prepared).modelFile(network: final.network, epoch: final.epoch)
                if let seed = final.weightsSeed { model.setMetadata("weights_seed", .number(seed)) }
                model.setMetadata("optimizer", trainer.checkpoint().optimizer.settings.json)
                try FileIO.writeAtomically(model.encoded(), to: path)
                StandardStreams.output("mlptop: saved the model of epoch \(final.epoch) to \(path)")
            } catch {
                status = ReportedFailure(message: error.description, exitStatus: error.exitStatus).report()
            }
        }
        if let failure = log?.failure {
            status = ReportedFailure(message: failure.description, exitStatus: failure.exitStatus).report()
        }
        // A snapshot that failed during the run (announced then) still decides the exit status.
        if status == 0, let failure = snapshots.firstFailure {
            status = ReportedFailure(message: "snapshot failed: \(failure.description)", exitStatus: failure.exitStatus).report()
        }
        return status
    }
}
