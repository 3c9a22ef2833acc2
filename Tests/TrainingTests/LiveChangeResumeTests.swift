import Datasets
import Foundation
import MLPEngine
import Testing
@testable import Training

/// Live changes in a running trainer: logged, kept in snapshots, and resumed bit for bit.
@Suite(.serialized)
struct LiveChangeResumeTests {
    /// Waits (up to 20 s) until `trainer` is at `epoch` with no command left to apply.
    static func settle(_ trainer: Trainer, at epoch: Int, version: Int) {
        let deadline = Date().addingTimeInterval(20)
        while (trainer.state.epoch < epoch || trainer.state.definitionVersion < version) && Date() < deadline { usleep(1000) }
    }

    @Test func aSnapshotAfterLiveChangesResumesToTheSameWeightsAsTheLiveRun() throws {
        var c = RunConfiguration()
        c.dataset = "moons"
        c.sampleCount = 160
        c.hiddenSizes = [6, 5]
        c.optimizer = OptimizerSettings(kind: .momentum, learningRate: 0.1)
        let prepared = try c.prepare()
        let trainer = Trainer(run: prepared.makeTrainingRun(), targetEpochs: 0, startPaused: true,
                              makeNetwork: { prepared.freshNetwork(seed: $0) })
        trainer.start()
        defer { trainer.send(.stop); trainer.waitUntilStopped() }
        func steps(_ n: Int) { for _ in 0..<n { trainer.send(.step) } }
        steps(5)
        trainer.send(.scaleLearningRate(0.5))
        trainer.send(.redefine(try prepared.redefinition(applying: [SettingChange(.momentum, "0.5"), SettingChange(.l1, "0.001")],
                                                         learningRate: 0.05)))
        steps(4)
        Self.settle(trainer, at: 9, version: 1)
        let edited = try #require(trainer.state.definition?.editingData(adding: true, x: 0.3, y: 0.2, label: 1))
        trainer.send(.redefine(edited))
        steps(3)
        Self.settle(trainer, at: 12, version: 2)
        let current = try #require(trainer.state.definition)
        trainer.send(.redefine(try current.redefinition(applying: [SettingChange(.batch, "16"), SettingChange(.optimizer, "adam")],
                                                        learningRate: trainer.state.learningRate)))
        steps(3)
        Self.settle(trainer, at: 15, version: 3)
        let log = trainer.state.commandLog.map(\.command)
        #expect(log.contains("settings momentum=0.5 l1=0.001"))
        #expect(log.contains("data add (0.3, 0.2) class 1"))
        #expect(log.contains("settings batch=16 optimizer=adam"))

        let checkpoint = trainer.checkpoint()
        let scratch = NSTemporaryDirectory() + "mlptop-live-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let folder = try SnapshotWriter.write(checkpoint, run: try #require(checkpoint.state.definition), screen: nil,
                                              under: scratch, runStarted: Date())
        #expect(FileManager.default.fileExists(atPath: folder + "/data.csv"))
        steps(6)
        Self.settle(trainer, at: 21, version: 3)
        let live = trainer.checkpoint()

        let resumed = try SnapshotReader.resume(folder, epochs: nil, threads: nil)
        #expect(resumed.dataEdited)
        #expect(resumed.configuration.optimizer.kind == .adam && resumed.batch == .samples(16))
        #expect(resumed.configuration.optimizer.l1 == 0.001)
        #expect(resumed.rawTrainingSet.count == prepared.rawTrainingSet.count + 1)
        let run = resumed.makeTrainingRun()
        for _ in 0..<6 { _ = run.runEpoch() }
        #expect(run.epoch == 21)
        #expect(run.network.parameters == live.network.parameters)
        #expect(run.optimizer == live.optimizer)
    }

    @Test func aShapeChangeStartsAgainAtEpochZeroWithALogThatBeginsWithIt() throws {
        var c = RunConfiguration()
        c.sampleCount = 100
        let prepared = try c.prepare()
        let trainer = Trainer(run: prepared.makeTrainingRun(), targetEpochs: 0, startPaused: true,
                              makeNetwork: { prepared.freshNetwork(seed: $0) })
        trainer.start()
        defer { trainer.send(.stop); trainer.waitUntilStopped() }
        for _ in 0..<3 { trainer.send(.step) }
        let redefinition = try prepared.redefinition(applying: [SettingChange(.hidden, "17,16")], learningRate: 0.1)
        trainer.send(.redefine(redefinition))
        Self.settle(trainer, at: 0, version: 1)
        let state = trainer.state
        #expect(state.epoch == 0 && state.network.architecture == "2-17-16-1")
        #expect(state.network.parameters == redefinition.prepared.network.parameters)
        #expect(state.commandLog.map(\.command) == ["settings hidden=17,16 (fresh weights, seed 1)"])
        // A reset after it keeps the new shape.
        trainer.send(.reset(seed: 5))
        let deadline = Date().addingTimeInterval(20)
        while trainer.state.weightsSeed != 5 && Date() < deadline { usleep(1000) }
        #expect(trainer.state.network.architecture == "2-17-16-1")
    }
}
