import Dispatch
import Foundation
import MLPEngine
import Testing
@testable import Training

/// Several runs trained at once through a `RunGroup`: each equals itself trained alone, bit for
/// bit; turns go round fairly; pause, resume, stop and divergence act on one run.
@Suite("RunGroup")
struct RunGroupTests {
    /// Everything a run's future depends on, compared bit for bit.
    struct RunBits: Equatable, Sendable {
        var epoch: Int
        var parameters: [UInt64]
        var moments: [UInt64]
        var step: Int
        var generator: SeededGenerator

        init(_ run: TrainingRun) {
            epoch = run.epoch
            parameters = run.network.parameters.map(\.bitPattern)
            moments = (run.optimizer.firstMoment + run.optimizer.secondMoment).map(\.bitPattern)
            step = run.optimizer.step
            generator = run.generator
        }
    }

    /// Six different runs: optimisers, rates, full and mini-batches, one and two threads.
    static func makeRun(_ index: Int) -> TrainingRun {
        switch index {
        case 0: Fixtures.run()
        case 1: Fixtures.run(kind: .adam, learningRate: 0.01)
        case 2: Fixtures.run(batch: .samples(32), kind: .momentum, learningRate: 0.05)
        case 3: Fixtures.run(data: Fixtures.blobs(count: 3_000, seed: 2), threads: 2)
        case 4: Fixtures.run(network: Fixtures.network([2, 8, 1], seed: 9), batch: .samples(50), threads: 2, learningRate: 0.3)
        default: Fixtures.run(network: Fixtures.network([2, 32, 32, 1], seed: 4), kind: .adam, learningRate: 0.003)
        }
    }

    static let epochs = 120

    /// Each of the six trained alone for `epochs`.
    static func alone() -> [RunBits] {
        (0..<6).map { index in
            let run = makeRun(index)
            for _ in 0..<epochs { _ = run.runEpoch() }
            return RunBits(run)
        }
    }

    @Test(arguments: RunGroup.Scheduling.allCases)
    func sixRunsTogetherEqualEachRunAlone(_ scheduling: RunGroup.Scheduling) {
        let expected = Self.alone()
        // Width 2 (this machine's cores) and width 3, with turns of one epoch and of a few ms.
        for (width, quantum) in [(2, 0.0), (3, 0.002)] {
            let group = RunGroup(width: width, scheduling: scheduling, quantum: quantum)
            for index in 0..<6 { group.add(Self.makeRun(index), targetEpochs: Self.epochs) }
            #expect(group.waitUntilIdle(timeout: .now() + 120))
            #expect(group.progress.map(\.status) == Array(repeating: .done, count: 6))
            for index in 0..<6 {
                let bits = group.withRun(index) { RunBits($0) }
                #expect(bits == expected[index], "run \(index), width \(width), \(scheduling)")
            }
        }
    }

    @Test(arguments: RunGroup.Scheduling.allCases)
    func turnsGoRoundInOrder(_ scheduling: RunGroup.Scheduling) {
        // One slot, one epoch a turn: runs that all wait take strict turns.
        let turns = LockedValue<[Int]>([])
        let group = RunGroup(width: 1, scheduling: scheduling, quantum: 0) { index, _ in
            turns.withLock { $0.append(index) }
        }
        // Holding the only slot until all three are in line (a queue-per-run thread may be slow
        // to start on a busy machine) makes the first turns a rotation too.
        group.share.withSlot {
            for _ in 0..<3 { group.add(Fixtures.run(), targetEpochs: 60) }
            #expect(TrainerTests.eventually { group.share.waitingCount == 3 })
        }
        #expect(group.waitUntilIdle(timeout: .now() + 60))
        let order = turns.withLock { $0 }
        #expect(order.count == 180)
        // A strict rotation from the first turn to the last (in the order they lined up).
        #expect(Set(order.prefix(3)) == [0, 1, 2], "\(order)")
        for (position, index) in order.enumerated().dropFirst(3) where index != order[position - 3] {
            Issue.record("turn \(position) went to run \(index): \(order)")
            break
        }
    }

    @Test func pauseResumeAndStopActOnTheirRun() {
        let group = RunGroup(width: 2, quantum: 0.001)
        let paused = group.add(Fixtures.run(), targetEpochs: 0, paused: true)
        let running = group.add(Fixtures.run(), targetEpochs: 0)
        #expect(TrainerTests.eventually { group.progress[running].epoch > 20 })
        #expect(group.progress[paused].epoch == 0)
        #expect(group.progress[paused].status == .paused)
        group.resume(paused)
        #expect(TrainerTests.eventually { group.progress[paused].epoch > 20 })
        group.pause(running)
        // Paused is reported once the run's last turn has ended.
        #expect(TrainerTests.eventually { group.progress[running].status == .paused })
        let held = group.progress[running].epoch
        usleep(50_000)
        #expect(group.progress[running].epoch == held)
        group.stop()
        #expect(group.waitUntilIdle(timeout: .now() + 10))
        #expect(group.progress[paused].status == .stopped)
        // A stopped group's runs can still be read.
        #expect(group.withRun(paused) { $0.epoch } == group.progress[paused].epoch)
    }

    /// Linear hidden layers: a large rate makes the loss overflow within a few epochs.
    static let linearNetwork = try! Network(sizes: [2, 16, 16, 1], hidden: .linear, output: .sigmoid, loss: .bce, seed: 3)

    @Test func aDivergedRunStopsAloneWithTheWeightsOfItsLastGoodEpoch() {
        let group = RunGroup(width: 2)
        let wild = group.add(Fixtures.run(network: Self.linearNetwork, learningRate: 50), targetEpochs: 200)
        let calm = group.add(Fixtures.run(), targetEpochs: 200)
        #expect(group.waitUntilIdle(timeout: .now() + 60))
        guard case .diverged(let divergence) = group.progress[wild].status else {
            Issue.record("expected a divergence, got \(group.progress[wild].status)")
            return
        }
        #expect(group.withRun(wild) { $0.epoch } == divergence.epoch - 1)
        #expect(group.progress[calm].status == .done)
        #expect(group.progress[calm].epoch == 200)
    }

    @Test func aRaisedTargetTrainsOn() {
        let group = RunGroup(width: 1)
        let index = group.add(Fixtures.run(), targetEpochs: 10)
        #expect(group.waitUntilIdle(timeout: .now() + 30))
        #expect(group.progress[index].epoch == 10)
        group.setTarget(index, epochs: 25)
        #expect(group.waitUntilIdle(timeout: .now() + 30))
        #expect(group.progress[index].epoch == 25)
        #expect(group.progress[index].status == .done)
    }
}
