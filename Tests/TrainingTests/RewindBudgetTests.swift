import Foundation
import MLPEngine
import Testing
@testable import Training

/// The rewind budget is honoured: by one store over a long run, and when runs side by side come
/// to share it (the budget shrinks and the kept points are thinned at once).
@Suite struct RewindBudgetTests {
    static func point(_ epoch: Int, parameters: Int, kind: OptimizerKind = .adam) -> RewindPoint {
        RewindPoint(epoch: epoch, parameters: [Double](repeating: 0.5, count: parameters),
                    optimizer: Optimizer(settings: OptimizerSettings(kind: kind, learningRate: 0.01), parameterCount: parameters),
                    generator: SeededGenerator(seed: 1))
    }

    @Test(arguments: [17, 353, 10_000])
    func aLongRunStaysWithinTheBudget(parameters: Int) {
        let budget = 1 << 20
        var store = RewindStore(budget: budget)
        var largest = 0
        for epoch in 0..<300_000 {
            store.offer(Self.point(epoch, parameters: parameters))
            if epoch % 997 == 0 { largest = max(largest, store.bytesHeld) }
        }
        #expect(largest <= budget && store.bytesHeld <= budget)
        #expect(store.epochs.first == 0 && store.epochs.last == 299_999, "the whole run stays covered")
    }

    @Test func sharingTheBudgetThinsAtOnceAndKeepsTheEnds() {
        let budget = 1 << 20
        var store = RewindStore(budget: budget)
        for epoch in 0..<50_000 { store.offer(Self.point(epoch, parameters: 353)) }
        let before = store.points.count
        for runs in 2...6 {
            store.setBudget(budget / runs)
            #expect(store.bytesHeld <= budget / runs, "\(runs) runs")
            #expect(store.epochs.first == 0 && store.epochs.last == 49_999)
        }
        #expect(store.points.count < before / 5)
        for epoch in 50_000..<60_000 { store.offer(Self.point(epoch, parameters: 353)) }
        #expect(store.bytesHeld <= budget / 6, "later points are kept within the new budget")
        store.setBudget(100)
        #expect(store.points.isEmpty, "too small for two points: rewinding is off")
    }

    @Test func aTrainersBudgetCanBeShared() {
        let trainer = Trainer(run: Fixtures.run(), targetEpochs: 200, rewindBudget: 1 << 20,
                              makeNetwork: { Fixtures.network(seed: $0) })
        trainer.start()
        #expect(trainer.waitUntilDone())
        let kept = trainer.rewindEpochs.count
        trainer.setRewindBudget(5 * (8 * trainer.checkpoint().network.parameters.count + 256))
        #expect(trainer.rewindEpochs.count <= 5 && trainer.rewindEpochs.count < kept)
        #expect(trainer.rewindEpochs.first == 0 && trainer.rewindEpochs.last == 200)
        trainer.send(.stop)
        trainer.waitUntilStopped()
    }
}

extension Trainer {
    /// Waits (polling) until the run is done; false after 60 s.
    func waitUntilDone() -> Bool {
        for _ in 0..<60_000 {
            if state.status == .done { return true }
            usleep(1000)
        }
        return false
    }
}
