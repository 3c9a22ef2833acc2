import Dispatch
import Foundation
import MLPEngine
import Testing
@testable import Training

/// The threaded trainer: commands from other threads, pausing, stepping, stopping.
struct TrainerTests {
    static func makeTrainer(targetEpochs: Int = 0, startPaused: Bool = true) -> Trainer {
        let run = Fixtures.run()
        return Trainer(run: run, targetEpochs: targetEpochs, startPaused: startPaused,
                       makeNetwork: { Fixtures.network(seed: $0) })
    }

    /// Polls `condition` until it holds or 10 s pass.
    static func eventually(_ condition: () -> Bool) -> Bool {
        let deadline = DispatchTime.now() + 10
        while DispatchTime.now() < deadline {
            if condition() { return true }
            usleep(1_000)
        }
        return condition()
    }

    @Test func aSpeedLimitPacesEpochsAndCommandsStillActAtOnce() {
        let trainer = Trainer(run: Fixtures.run(), targetEpochs: 0, startPaused: false, speedLimit: 20,
                              makeNetwork: { Fixtures.network(seed: $0) })
        #expect(trainer.state.speedLimit == 20)
        trainer.start()
        usleep(1_000_000)
        // 20 epochs/s for one second: about 20 (the first runs at once), never hundreds. A machine
        // loaded by other tests (or ThreadSanitizer's slowdown) may fall behind, never ahead.
        let paced = trainer.state.epoch
        #expect((1...25).contains(paced), "\(paced) epochs in 1 s at 20/s")
        // A slower limit, then a pause, sent mid-wait, act without waiting out the slot.
        trainer.send(.limitSpeed(0.1))
        #expect(Self.eventually { trainer.state.speedLimit == 0.1 })
        #expect(trainer.state.epochsPerSecond <= 0.1, "the speed shown never exceeds the limit")
        trainer.send(.pause)
        #expect(Self.eventually { trainer.state.status == .paused })
        #expect(trainer.state.speedLimit == 0.1)
        // Lifting the limit runs at full speed again.
        trainer.send(.limitSpeed(nil))
        trainer.send(.resume)
        let before = trainer.state.epoch
        #expect(Self.eventually { trainer.state.epoch > before + 200 })
        #expect(trainer.state.speedLimit == nil)
        #expect(trainer.state.messages.map(\.text).contains("speed limited to 0.1 epochs/s"))
        trainer.send(.stop)
        #expect(trainer.waitUntilStopped(timeout: .now() + 10))
    }

    @Test func pausedTrainerStepsExactlyOneEpochPerCommand() {
        let trainer = Self.makeTrainer()
        trainer.start()
        trainer.send(.step)
        trainer.send(.step)
        #expect(Self.eventually { trainer.state.epoch == 2 })
        usleep(50_000)
        #expect(trainer.state.epoch == 2)
        #expect(trainer.state.status == .paused)
        trainer.send(.stop)
        #expect(trainer.waitUntilStopped(timeout: .now() + 10))
    }

    @Test func pauseFreezesTheEpochAndResumeContinues() {
        let trainer = Self.makeTrainer(startPaused: false)
        trainer.start()
        #expect(Self.eventually { trainer.state.epoch >= 5 })
        trainer.send(.pause)
        #expect(Self.eventually { trainer.state.status == .paused })
        let frozen = trainer.state.epoch
        usleep(100_000)
        #expect(trainer.state.epoch == frozen)
        trainer.send(.resume)
        #expect(Self.eventually { trainer.state.epoch > frozen + 5 })
        trainer.send(.stop)
        #expect(trainer.waitUntilStopped(timeout: .now() + 10))
        #expect(trainer.state.status == .stopped)
    }

    @Test func learningRateCommandsAreExactAndRecorded() {
        let trainer = Self.makeTrainer()
        trainer.start()
        trainer.send(.scaleLearningRate(2))
        trainer.send(.step)
        trainer.send(.scaleLearningRate(0.5))
        trainer.send(.setLearningRate(0.03))
        trainer.send(.setLearningRate(-1))
        trainer.send(.step)
        #expect(Self.eventually { trainer.state.epoch == 2 })
        let state = trainer.state
        #expect(state.learningRate == 0.03)
        #expect(state.latest?.learningRate == 0.03)
        #expect(state.learningRateChanges.map(\.learningRate) == [0.2, 0.1, 0.03])
        #expect(state.learningRateChanges.map(\.epoch) == [0, 1, 1])
        #expect(state.messages.map(\.text).contains("learning rate -1 refused: it must be a positive finite number"))
        #expect(state.lastMessage?.text == "learning rate -1 refused: it must be a positive finite number")
        trainer.send(.stop)
        trainer.waitUntilStopped(timeout: .now() + 10)
    }

    @Test func resetStartsOverAtEpochZeroWithNewWeights() {
        let trainer = Self.makeTrainer()
        trainer.start()
        trainer.send(.step)
        #expect(Self.eventually { trainer.state.epoch == 1 })
        let before = trainer.state.network.parameters
        trainer.send(.reset(seed: 99))
        #expect(Self.eventually { trainer.state.generation == 1 })
        let state = trainer.state
        #expect(state.epoch == 0)
        #expect(state.history.trainLoss.buckets.isEmpty)
        #expect(state.network.parameters == Fixtures.network(seed: 99).parameters)
        #expect(state.network.parameters != before)
        // The weights' seed is known, and the command log starts again with the reset.
        #expect(state.weightsSeed == 99)
        #expect(state.commandLog == [CommandRecord(epoch: 0, command: "reset seed 99")])
        trainer.send(.stop)
        trainer.waitUntilStopped(timeout: .now() + 10)
    }

    @Test func stopsAtTargetEpochsAsDone() {
        let trainer = Self.makeTrainer(targetEpochs: 30, startPaused: false)
        trainer.start()
        #expect(Self.eventually { trainer.state.status == .done })
        #expect(trainer.state.epoch == 30)
        #expect(trainer.state.history.trainLoss.epochCount == 30)
        trainer.send(.stop)
        #expect(trainer.waitUntilStopped(timeout: .now() + 10))
    }

    /// A run over before the first speed measurement (a quarter second) shows its real speed when
    /// done, and when it ended (it showed 0 epochs/s).
    @Test func aShortRunKnowsItsSpeedWhenDone() {
        let trainer = Self.makeTrainer(targetEpochs: 30, startPaused: false)
        let before = DispatchTime.now().uptimeNanoseconds
        trainer.start()
        #expect(Self.eventually { trainer.state.status == .done })
        #expect(trainer.state.epochsPerSecond > 0)
        #expect(trainer.state.knownEpochsPerSecond == trainer.state.epochsPerSecond)
        let ended = trainer.state.endedAt ?? 0
        #expect(ended > before && ended <= DispatchTime.now().uptimeNanoseconds)
        trainer.send(.stop)
        #expect(trainer.waitUntilStopped(timeout: .now() + 10))
    }

    /// `n` at the target trains nothing and says how to go on (it trained epoch 31 of 30).
    @Test func aStepAtTheTargetSaysTheRunIsCompleteAndTrainsNothing() {
        let trainer = Self.makeTrainer(targetEpochs: 30, startPaused: false)
        trainer.start()
        #expect(Self.eventually { trainer.state.status == .done })
        trainer.send(.step)
        #expect(Self.eventually { trainer.state.lastMessage?.text == Trainer.completeMessage(epoch: 30) })
        #expect(trainer.state.lastMessage?.text == "the run is complete at epoch 30 (--epochs): to train on, continue it "
                + "with a larger --epochs (--resume a snapshot or --init-from the saved model)")
        #expect(trainer.state.epoch == 30)
        #expect(trainer.state.status == .done)
        #expect(!trainer.state.commandLog.map(\.command).contains("step"))
        trainer.send(.stop)
        #expect(trainer.waitUntilStopped(timeout: .now() + 10))
        #expect(trainer.checkpoint().epoch == 30)
    }

    @Test func commandsHammeredFromManyThreadsAreAllObeyedSafely() {
        let trainer = Self.makeTrainer(startPaused: false)
        trainer.start()
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for i in 0..<200 {
                switch (worker + i) % 6 {
                case 0: trainer.send(.pause)
                case 1: trainer.send(.resume)
                case 2: trainer.send(.scaleLearningRate(1.01))
                case 3: trainer.send(.scaleLearningRate(1 / 1.01))
                case 4: trainer.send(.step)
                default: _ = trainer.state.history
                }
            }
        }
        trainer.send(.setLearningRate(0.1))
        trainer.send(.resume)
        // Wait for the backlog first: its queued steps alone can advance the epoch by 3 before the
        // last commands are reached (the test failed so on a loaded machine).
        #expect(Self.eventually { trainer.state.learningRateChanges.count == 8 * 200 / 3 + 1 })
        let reached = trainer.state.epoch + 3
        #expect(Self.eventually { trainer.state.epoch >= reached })
        #expect(trainer.state.learningRate == 0.1)
        #expect(trainer.state.learningRateChanges.count == 8 * 200 / 3 + 1)
        trainer.send(.stop)
        #expect(trainer.waitUntilStopped(timeout: .now() + 10))
    }
}

/// Commands while the run has diverged: the weights are safe, the rate can be lowered, a step or
/// a resume carries on from the restored weights.
struct DivergedTrainerTests {
    @Test func aDivergedRunObeysCommandsAndRecovers() {
        // ReLU units and inputs of size ~100 make first-layer gradients large, so one step at the largest
        // learning rate overflows at once and the restored weights are the sane ones before it.
        var data = Fixtures.blobs(count: 200)
        data.features = data.features.map { $0 * 100 }
        let network = try! Network(sizes: [2, 8, 1], hidden: .relu, output: .linear, loss: .mse, seed: 1)
        let trainer = Trainer(run: Fixtures.run(data: data, network: network, learningRate: 1e-6), targetEpochs: 0,
                              startPaused: true, makeNetwork: { Fixtures.network([2, 8, 1], seed: $0) })
        trainer.start()
        defer {
            trainer.send(.stop)
            trainer.waitUntilStopped(timeout: .now() + 10)
        }
        trainer.send(.step)
        trainer.send(.setLearningRate(.greatestFiniteMagnitude))
        trainer.send(.resume)
        #expect(TrainerTests.eventually { trainer.state.status == .diverged })
        let diverged = trainer.state
        #expect(diverged.network.parameters.allSatisfy { $0.isFinite })
        #expect(diverged.lastMessage?.text.contains("; restored weights of epoch \(diverged.epoch)") == true)
        // Paused and diverged alike: resume alone would diverge again, so lower the rate and step.
        trainer.send(.setLearningRate(1e-6))
        trainer.send(.step)
        #expect(TrainerTests.eventually { trainer.state.epoch == diverged.epoch + 1 }, "\(trainer.state.messages.map(\.text))")
        #expect(trainer.state.status == .paused)
        #expect(trainer.state.latest?.trainLoss.isFinite == true)
        trainer.send(.resume)
        #expect(TrainerTests.eventually { trainer.state.epoch > diverged.epoch + 5 })
        #expect(trainer.state.status == .running, "\(trainer.state.messages.map(\.text)) \(trainer.state.commandLog.map(\.command))")
    }
}

/// A divergence whose restored weights are already blown up: resuming would diverge again at
/// once, so Space is refused with what helps, and a reset starts afresh.
struct BlownUpTrainerTests {
    @Test func spaceOnBlownUpWeightsSaysResetInsteadOfDivergingAgain() throws {
        let data = Fixtures.blobs(count: 200)
        let network = try Network(sizes: [2, 16, 16, 1], activations: [.linear, .linear, .sigmoid], loss: .bce, seed: 1)
        let trainer = Trainer(run: Fixtures.run(data: data, network: network, learningRate: 50), targetEpochs: 0,
                              makeNetwork: { Fixtures.network([2, 16, 16, 1], seed: $0) })
        trainer.start()
        defer {
            trainer.send(.stop)
            trainer.waitUntilStopped(timeout: .now() + 10)
        }
        #expect(TrainerTests.eventually { trainer.state.status == .diverged })
        #expect(trainer.state.divergence?.unusableLargestWeight != nil)
        let epoch = trainer.state.epoch
        trainer.send(.togglePause)
        #expect(TrainerTests.eventually { trainer.state.lastMessage?.text.hasPrefix("weights blown up (|w| up to ") == true },
                "\(trainer.state.messages.map(\.text))")
        #expect(trainer.state.lastMessage?.text.hasSuffix("): r resets, { rewinds; Space would diverge again") == true)
        #expect(trainer.state.status == .diverged)
        #expect(trainer.state.epoch == epoch)
        trainer.send(.reset(seed: 2))
        #expect(TrainerTests.eventually { trainer.state.status == .paused && trainer.state.epoch == 0 })
    }
}

