import Foundation
import MLPEngine
import Monitor
import Training

/// Makes the monitor's forks (`f`): a sibling of a run with one change, trained beside it.
///
/// A change that keeps the network's shape and the data (lr, optimizer and its settings, l1, l2,
/// batch) goes on from the parent's weights, optimiser state, shuffle stream and epoch, with the
/// parent's history, so a fork whose "change" repeats the parent's setting trains bit for bit as the
/// parent does. A change of seed, activation or hidden layers builds the run anew: fresh weights at
/// epoch 0 (and, for a built-in data set, the data the new seed draws). Main thread only.
final class RunForks {
    struct Origin {
        var prepared: PreparedRun
        var info: MonitorRunInfo
        /// Every epoch's report taken in, for a comparison's summary.json.
        var summary: LockedValue<RunSummary>
        /// The epoch it was forked at, when it went on from its parent's weights and history.
        var forkEpoch: Int?
    }

    /// The memory every run's rewind points share, bytes (`--rewind-memory`): each run on
    /// screen gets an equal part, recomputed whenever a run joins.
    private let rewindBudget: Int
    /// The trainers on screen, in the order they joined.
    private var trainers: [Trainer] = []
    /// What each run was built from, by its trainer.
    private(set) var origins: [ObjectIdentifier: Origin] = [:]
    /// The cores every run's trainer shares (nil: each trains on its own).
    private let coreShare: CoreShare?
    /// Comparison snapshots being written (`snapshotComparison`), for `waitUntilSnapshotsWritten`.
    let snapshotWrites = DispatchGroup()

    init(main: Trainer, prepared: PreparedRun, info: MonitorRunInfo, summary: LockedValue<RunSummary>, rewindBudget: Int,
         coreShare: CoreShare? = nil) {
        self.rewindBudget = rewindBudget
        self.coreShare = coreShare
        origins[ObjectIdentifier(main)] = Origin(prepared: prepared, info: info, summary: summary)
        trainers = [main]
    }

    /// The rewind budget of each of `count` runs side by side.
    private func rewindShare(_ count: Int) -> Int { rewindBudget / max(1, count) }

    /// Takes `trainer` in: every run's rewind points now share the budget with it.
    private func join(_ trainer: Trainer) {
        trainers.append(trainer)
        for member in trainers { member.setRewindBudget(rewindShare(trainers.count)) }
    }

    /// The origin of the run `connection` trains, if it is one of these runs.
    func origin(of connection: any TrainerConnection) -> (trainer: Trainer, origin: Origin)? {
        guard let trainer = connection as? Trainer, let origin = origins[ObjectIdentifier(trainer)] else { return nil }
        return (trainer, origin)
    }

    /// Starts `prepared` as a run beside the others (a grid run of `mlptop compare`), at the pace
    /// `speedLimit`, and returns it for the monitor.
    func start(_ prepared: PreparedRun, label: String, targetEpochs: Int, speedLimit: Double?) -> ForkedRun {
        let run = prepared.makeTrainingRun()
        run.recordsLastStep = true
        let info = MonitorRunInfo(prepared: prepared)
        let summary = LockedValue(RunSummary())
        let trainer = Trainer(run: run, targetEpochs: targetEpochs, speedLimit: speedLimit,
                              rewindBudget: rewindShare(trainers.count + 1),
                              coreShare: coreShare, makeNetwork: { [prepared] seed in prepared.freshNetwork(seed: seed) },
                              observer: { report in summary.withLock { $0.record(report) } })
        origins[ObjectIdentifier(trainer)] = Origin(prepared: prepared, info: info, summary: summary)
        join(trainer)
        trainer.start()
        return ForkedRun(connection: trainer, label: label, run: info)
    }

    /// Starts the fork `text` (`lr=0.3`) of `parent`, or says why not.
    func fork(_ text: String, from parent: any TrainerConnection) -> Result<ForkedRun, ForkFailure> {
        guard let parentTrainer = parent as? Trainer, let origin = origins[ObjectIdentifier(parentTrainer)] else {
            return .failure(ForkFailure("this run cannot be forked"))
        }
        do {
            let change = try ConfigurationChange.parse(text)
            // A run changed in the settings panel forks as it is now.
            let origin = parentTrainer.state.definition.map {
                Origin(prepared: $0, info: MonitorRunInfo(prepared: $0), summary: origin.summary)
            } ?? origin
            let configuration = try origin.prepared.configuration.applying(change)
            // A setting the run's optimiser ignores is refused, as train, compare and the settings panel do.
            if let setting = RunSetting(rawValue: change.key), setting.isIgnored(by: configuration.optimizer.kind),
               let reason = setting.optimizerOnlyReason {
                return .failure(ForkFailure(reason))
            }
            // The label is `key=value` settings only (summary.json and the folder name read it back):
            // a new optimiser that brings its own learning rate says so as a setting of its own.
            var label = change.description, announced = change.description
            if change.key == "optimizer", configuration.optimizer.learningRate != origin.prepared.configuration.optimizer.learningRate {
                label += ",lr=\(formatRate(configuration.optimizer.learningRate))"
                announced += " (lr \(formatRate(configuration.optimizer.learningRate)))"
            }
            let parentState = parentTrainer.state
            let trainer: Trainer
            var prepared = origin.prepared
            prepared.configuration = configuration
            var info = origin.info
            // A fork that goes on from the parent's weights carries the parent's record on.
            let summary = LockedValue(change.keepsWeights ? origin.summary.withLock { $0 } : RunSummary())
            let observer: Trainer.EpochObserver = { report in summary.withLock { $0.record(report) } }
            var forkEpoch: Int?
            if change.keepsWeights {
                let checkpoint = parentTrainer.checkpoint()
                forkEpoch = checkpoint.epoch
                let run = origin.prepared.fork(from: checkpoint, with: configuration)
                run.recordsLastStep = true
                var history = checkpoint.state
                history.learningRate = configuration.optimizer.learningRate
                trainer = Trainer(run: run, targetEpochs: configuration.epochs, startPaused: parentState.status != .running,
                                  speedLimit: parentState.speedLimit, initialState: history,
                                  rewindBudget: rewindShare(trainers.count + 1),
                                  coreShare: coreShare, makeNetwork: { [prepared] seed in prepared.freshNetwork(seed: seed) },
                                  observer: observer)
            } else {
                prepared = try configuration.prepare()
                info = MonitorRunInfo(prepared: prepared)
                let run = prepared.makeTrainingRun()
                run.recordsLastStep = true
                trainer = Trainer(run: run, targetEpochs: configuration.epochs, startPaused: parentState.status != .running,
                                  speedLimit: parentState.speedLimit, rewindBudget: rewindShare(trainers.count + 1),
                                  coreShare: coreShare, makeNetwork: { [prepared] seed in prepared.freshNetwork(seed: seed) },
                                  observer: observer)
            }
            origins[ObjectIdentifier(trainer)] = Origin(prepared: prepared, info: info, summary: summary, forkEpoch: forkEpoch)
            join(trainer)
            trainer.announce("forked at epoch \(parentState.epoch) with \(announced)")
            trainer.start()
            return .success(ForkedRun(connection: trainer, label: label, run: info))
        } catch {
            return .failure(ForkFailure(error.description))
        }
    }
}
