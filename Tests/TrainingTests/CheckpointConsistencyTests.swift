import Foundation
import MLPEngine
import Testing
@testable import Training

/// A checkpoint taken while the run trains holds the run and its published state at one epoch
/// boundary: a fork or comparison snapshot built from it never records an epoch twice.
@Suite struct CheckpointConsistencyTests {
    /// Epochs of a few microseconds, checkpoints taken as fast as they come: each one's state is at
    /// the checkpoint's epoch, and its history ends there. (Taken apart, the state was often one
    /// epoch ahead of the weights.)
    @Test func checkpointsTakenWhileTrainingHoldTheStateOfTheirEpoch() {
        let network = Fixtures.network([2, 2, 1])
        let trainer = Trainer(run: Fixtures.run(data: Fixtures.blobs(count: 8), network: network), targetEpochs: 0,
                              makeNetwork: { _ in network })
        trainer.start()
        Self.waitUntilTraining(trainer)
        var mismatches: [String] = []
        var taken = 0
        let end = Date().addingTimeInterval(0.5)
        while Date() < end {
            taken += 1
            let checkpoint = trainer.checkpoint()
            let historyEnd = checkpoint.state.history.trainLoss.buckets.last?.lastEpoch ?? 0
            if checkpoint.state.epoch != checkpoint.epoch || historyEnd != checkpoint.epoch {
                mismatches.append("weights at \(checkpoint.epoch), state at \(checkpoint.state.epoch), history to \(historyEnd)")
            }
        }
        trainer.send(.stop)
        #expect(trainer.waitUntilStopped(timeout: .now() + 30))
        #expect(taken > 100 && mismatches.isEmpty, "\(mismatches.count) of \(taken), first: \(mismatches.first ?? "")")
    }

    /// Waits until `trainer` has trained a few hundred epochs (it trains on while the test runs).
    static func waitUntilTraining(_ trainer: Trainer) {
        let deadline = Date().addingTimeInterval(20)
        while trainer.state.epoch < 300, Date() < deadline { usleep(1000) }
    }

    /// A fork started from a checkpoint taken while its parent trains (the monitor's `f`, then
    /// `s`): its state.json reads back, every history bucket within its own span.
    @Test func aForkOfARunningTrainerWritesAStateThatReadsBack() throws {
        let network = Fixtures.network([2, 2, 1])
        let parent = Trainer(run: Fixtures.run(data: Fixtures.blobs(count: 8), network: network), targetEpochs: 0,
                             makeNetwork: { _ in network })
        parent.start()
        Self.waitUntilTraining(parent)
        var failures: [String] = []
        for _ in 0..<30 {
            let checkpoint = parent.checkpoint()
            let fork = TrainingRun(network: checkpoint.network, optimizer: checkpoint.optimizer,
                                   trainingSet: Fixtures.blobs(count: 8), testSet: Fixtures.run().testSet, batchSize: .full,
                                   threads: 1, epoch: checkpoint.epoch, generator: checkpoint.generator)
            var state = checkpoint.state
            guard case .completed(let report) = fork.runEpoch() else { continue }
            state.record(report, network: fork.network)
            do {
                _ = try TrainerState(json: JSONParser.parse(state.json.formatted()), network: fork.network)
            } catch {
                failures.append("\(error)")
            }
        }
        parent.send(.stop)
        #expect(parent.waitUntilStopped(timeout: .now() + 30))
        #expect(failures.isEmpty, "\(failures.count) of 30, first: \(failures.first ?? "")")
    }
}
