import Dispatch
import Foundation
import MLPEngine
import Testing
@testable import Training

/// Rewinding: the store's bounds and spacing, and that training on from a rewind point repeats the
/// original run bit for bit.
@Suite struct RewindTests {
    @Test(arguments: [(BatchSize.full, OptimizerKind.sgd), (.full, .momentum), (.full, .adam),
                      (.samples(32), .sgd), (.samples(32), .momentum), (.samples(32), .adam)])
    func trainingOnFromARewindPointRepeatsTheRunBitForBit(batch: BatchSize, kind: OptimizerKind) throws {
        let learningRate = kind == .adam ? 0.01 : 0.1
        let straight = Fixtures.run(data: Fixtures.blobs(count: 200), batch: batch, kind: kind, learningRate: learningRate)
        for _ in 0..<60 { _ = straight.runEpoch() }

        let rewound = Fixtures.run(data: Fixtures.blobs(count: 200), batch: batch, kind: kind, learningRate: learningRate)
        var store = RewindStore()
        store.offer(rewound.rewindPoint)
        for _ in 0..<45 {
            _ = rewound.runEpoch()
            store.offer(rewound.rewindPoint)
        }
        let point = try #require(store.point(at: 20))
        // A change of course after epoch 20 (another rate), then back to epoch 20.
        rewound.learningRate = 3
        rewound.restore(point)
        #expect(rewound.epoch == 20)
        for _ in 20..<60 { _ = rewound.runEpoch() }
        #expect(rewound.network.parameters == straight.network.parameters)
        #expect(rewound.optimizer == straight.optimizer)
        #expect(rewound.generator == straight.generator)
    }

    @Test func theStoreStaysWithinItsBudgetCoversTheWholeRunAndIsDenserRecently() {
        let parameters = [Double](repeating: 0, count: 1000)
        let optimizer = Optimizer(settings: OptimizerSettings(learningRate: 0.1), parameterCount: 1000)
        let pointBytes = 8 * 1000 + 256
        var store = RewindStore(budget: 100 * pointBytes)
        for epoch in 0...100_000 {
            store.offer(RewindPoint(epoch: epoch, parameters: parameters, optimizer: optimizer, generator: SeededGenerator(seed: 1)))
            #expect(store.points.count <= 100)
        }
        let epochs = store.epochs
        #expect(epochs.first == 0 && epochs.last == 100_000)
        // Recent points are one epoch apart, the oldest far apart.
        #expect(epochs[epochs.count - 1] - epochs[epochs.count - 2] == 1)
        #expect(epochs[1] - epochs[0] > 1000)
        #expect(epochs == epochs.sorted())
    }

    @Test func aRewindPointAtAnEarlierEpochReplacesTheAbandonedFuture() {
        let optimizer = Optimizer(settings: OptimizerSettings(learningRate: 0.1), parameterCount: 1)
        var store = RewindStore()
        for epoch in 0...10 {
            store.offer(RewindPoint(epoch: epoch, parameters: [Double(epoch)], optimizer: optimizer, generator: SeededGenerator(seed: 1)))
        }
        store.offer(RewindPoint(epoch: 4, parameters: [-4], optimizer: optimizer, generator: SeededGenerator(seed: 1)))
        #expect(store.epochs == [0, 1, 2, 3, 4])
        #expect(store.point(at: 4)?.parameters == [-4])
        #expect(RewindStore(budget: 0).epochs.isEmpty)
    }

    @Test func theTrainerRewindsOnCommandKeepsTheAbandonedLossAndTrainsOnIdentically() {
        let straight = Fixtures.run()
        for _ in 0..<30 { _ = straight.runEpoch() }

        let trainer = Trainer(run: Fixtures.run(), targetEpochs: 30, startPaused: false, rewindBudget: 1 << 20,
                              makeNetwork: { Fixtures.network(seed: $0) })
        trainer.start()
        #expect(TrainerTests.eventually { trainer.state.status == .done })
        #expect(trainer.rewindEpochs.contains(12))
        let before = trainer.state.history.trainLoss
        trainer.send(.rewind(toEpoch: 12))
        #expect(TrainerTests.eventually { trainer.state.commandLog.contains { $0.command == "rewind to epoch 12" } })
        #expect(trainer.state.commandLog.filter { $0.command.hasPrefix("rewind") }.count == 1, "logged once")
        // A rewind leaves the run paused there: a step trains exactly one epoch, a resume trains on.
        #expect(TrainerTests.eventually { trainer.state.status == .paused && trainer.state.epoch == 12 })
        trainer.send(.step)
        #expect(TrainerTests.eventually { trainer.state.epoch == 13 })
        #expect(trainer.state.status == .paused)
        trainer.send(.resume)
        #expect(TrainerTests.eventually { trainer.state.status == .done && trainer.state.epoch == 30 })
        let state = trainer.state
        #expect(state.network.parameters == straight.network.parameters)
        #expect(state.abandonedLoss == before)
        #expect(state.messages.contains { $0.text == "rewound from epoch 30 to epoch 12" })
        #expect(trainer.rewindEpochs.last == 30)
        trainer.send(.rewind(toEpoch: 99))
        #expect(TrainerTests.eventually { trainer.state.messages.last?.text == "no rewind point at epoch 99" })
        trainer.send(.stop)
        #expect(trainer.waitUntilStopped(timeout: .now() + 10))
    }
}

/// A weight typed in the inspector: set between epochs, logged once, refused when out of range.
@Suite struct ParameterEditTests {
    @Test func anEditSetsTheWeightIsLoggedOnceAndBadEditsAreRefused() {
        let trainer = TrainerTests.makeTrainer()
        trainer.start()
        trainer.send(.setParameter(index: 3, value: 0.5))
        #expect(TrainerTests.eventually { trainer.state.parameterEdits == 1 })
        let state = trainer.state
        #expect(state.network.parameters[3] == 0.5)
        #expect(state.commandLog.map(\.command) == ["set layer 1 w(2,2) = 0.5"])
        #expect(state.messages.last?.text.hasPrefix("layer 1 w(2,2) set to 0.5 (was ") == true)
        trainer.send(.setParameter(index: 3, value: .infinity))
        #expect(TrainerTests.eventually { trainer.state.messages.last?.text == "value inf refused: a weight must be a finite number" })
        trainer.send(.setParameter(index: 1_000_000, value: 1))
        #expect(TrainerTests.eventually { trainer.state.messages.last?.text.hasPrefix("parameter 1000000 refused") == true })
        #expect(trainer.state.parameterEdits == 1 && trainer.state.commandLog.count == 1)
        trainer.send(.stop)
        #expect(trainer.waitUntilStopped(timeout: .now() + 10))
    }
}
