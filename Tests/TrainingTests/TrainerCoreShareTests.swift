import Dispatch
import Foundation
import MLPEngine
import Testing
@testable import Training

/// Trainers sharing the cores through one `CoreShare` (the monitor's side-by-side runs): each
/// trains exactly as it would alone, and a trainer that waits holds no slot.
@Suite struct TrainerCoreShareTests {
    /// Six trainers (the monitor's most) on a share of two slots, the runs of `RunGroupTests`:
    /// every run ends bit for bit as it does alone, and every slot is free again afterwards.
    /// Under ThreadSanitizer this is the six-concurrent-runs check.
    @Test func sixTrainersSharingTwoCoresEachEqualTheirRunAlone() throws {
        let expected = RunGroupTests.alone()
        let share = CoreShare(width: 2)
        let done = DispatchGroup()
        let trainers = (0..<6).map { index in
            let run = RunGroupTests.makeRun(index)
            let network = run.network
            done.enter()
            return Trainer(run: run, targetEpochs: RunGroupTests.epochs, coreShare: share, makeNetwork: { _ in network },
                           observer: { report in if report.epoch == RunGroupTests.epochs { done.leave() } })
        }
        for trainer in trainers { trainer.start() }
        #expect(done.wait(timeout: .now() + 120) == .success)
        for (index, trainer) in trainers.enumerated() {
            let checkpoint = trainer.checkpoint()
            #expect(checkpoint.epoch == RunGroupTests.epochs)
            #expect(checkpoint.network.parameters.map(\.bitPattern) == expected[index].parameters, "run \(index)")
            #expect((checkpoint.optimizer.firstMoment + checkpoint.optimizer.secondMoment).map(\.bitPattern)
                    == expected[index].moments, "run \(index)")
            #expect(checkpoint.generator == expected[index].generator, "run \(index)")
        }
        for trainer in trainers { trainer.send(.stop) }
        for trainer in trainers { #expect(trainer.waitUntilStopped(timeout: .now() + 30)) }
        // Every lease was handed back: the whole share is free at once.
        #expect(share.waitingCount == 0)
        let free = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { share.withSlot(weight: 2) { () -> Void in free.signal() } }
        #expect(free.wait(timeout: .now() + 5) == .success)
    }

    /// A paused trainer, and one at its target, give their slot back: another can take the only slot.
    @Test func aWaitingTrainerHoldsNoSlot() {
        let share = CoreShare(width: 1)
        let reached = DispatchSemaphore(value: 0)
        let network = Fixtures.network()
        let trainer = Trainer(run: Fixtures.run(), targetEpochs: 0, coreShare: share, makeNetwork: { _ in network },
                              observer: { report in if report.epoch == 5 { reached.signal() } })
        trainer.start()
        #expect(reached.wait(timeout: .now() + 30) == .success)
        trainer.send(.pause)
        let deadline = Date().addingTimeInterval(10)
        while trainer.state.status != .paused, Date() < deadline { usleep(1000) }
        let took = DispatchSemaphore(value: 0)
        DispatchQueue.global().async { share.withSlot { () -> Void in took.signal() } }
        #expect(took.wait(timeout: .now() + 5) == .success, "the paused trainer kept its slot")
        trainer.send(.stop)
        #expect(trainer.waitUntilStopped(timeout: .now() + 10))
    }
}
