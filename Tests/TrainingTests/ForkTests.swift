import MLPEngine
import Testing
@testable import Training

/// Forks of a run (the monitor's `f`): what a change means, and that a fork repeating the run's own
/// setting trains bit for bit as the run does.
@Suite struct ForkTests {
    static func prepared(optimizer: OptimizerKind, batch: BatchSize?) throws -> PreparedRun {
        var configuration = RunConfiguration()
        configuration.dataset = "moons"
        configuration.sampleCount = 200
        configuration.hiddenSizes = [8, 8]
        configuration.optimizer = OptimizerSettings(kind: optimizer, learningRate: optimizer == .adam ? 0.01 : 0.1)
        configuration.batch = batch
        return try configuration.prepare()
    }

    @Test(arguments: [(OptimizerKind.sgd, BatchSize?.none), (.momentum, nil), (.adam, nil), (.sgd, .samples(16)),
                      (.momentum, .samples(16)), (.adam, .samples(16))])
    func aForkWithTheRunsOwnSettingTrainsBitForBitAsTheRun(kind: OptimizerKind, batch: BatchSize?) throws {
        let prepared = try Self.prepared(optimizer: kind, batch: batch)
        let run = prepared.makeTrainingRun()
        for _ in 0..<25 { _ = run.runEpoch() }
        let checkpoint = TrainingCheckpoint(network: run.network, optimizer: run.optimizer, epoch: run.epoch,
                                            generator: run.generator,
                                            state: TrainerState(network: run.network, learningRate: run.learningRate,
                                                                targetEpochs: 0, epoch: run.epoch, status: .paused))
        let change = try ConfigurationChange.parse(kind == .adam ? "lr=0.01" : "lr=0.1")
        let fork = prepared.fork(from: checkpoint, with: try prepared.configuration.applying(change))
        for _ in 0..<25 {
            _ = run.runEpoch()
            _ = fork.runEpoch()
        }
        #expect(fork.network.parameters == run.network.parameters)
        #expect(fork.optimizer == run.optimizer)
        #expect(fork.epoch == 50)
    }

    @Test func changesParseValidateAsTheFlagsDoAndSayWhatTheyKeep() throws {
        let base = RunConfiguration()
        #expect(try base.applying(ConfigurationChange.parse("lr = 0.3")).optimizer.learningRate == 0.3)
        let adam = try base.applying(ConfigurationChange.parse("optimizer=adam"))
        #expect(adam.optimizer.kind == .adam && adam.optimizer.learningRate == 0.01)
        #expect(try base.applying(ConfigurationChange.parse("hidden=8,4")).hiddenSizes == [8, 4])
        #expect(try base.applying(ConfigurationChange.parse("batch=32")).batch == .samples(32))
        #expect(try base.applying(ConfigurationChange.parse("l2=1e-4")).optimizer.weightDecay == 1e-4)
        #expect(try ConfigurationChange.parse("lr=0.3").keepsWeights)
        #expect(try !ConfigurationChange.parse("seed=7").keepsWeights)
        #expect(throws: RunSetupError("--lr must be a positive number, not -1.0", exitStatus: 64)) {
            try base.applying(ConfigurationChange.parse("lr=-1"))
        }
        #expect(throws: RunSetupError("'lr' is not KEY=VALUE (e.g. lr=0.3)", exitStatus: 64)) { try ConfigurationChange.parse("lr") }
        #expect(throws: RunSetupError.self) { try ConfigurationChange.parse("colour=red") }
        #expect(throws: RunSetupError.self) { try base.applying(ConfigurationChange.parse("activation=softmax")) }
        #expect(throws: RunSetupError.self) { try base.applying(ConfigurationChange.parse("hidden=8,x")) }
    }

    /// The one parser takes every key `--vary` takes (train flags without dashes, and `l2`), and a
    /// value list for `--vary`; the fork and `--vary` then say the same about a bad value.
    @Test func everyTrainSettingIsAKeyAndValueListsParse() throws {
        let base = RunConfiguration()
        #expect(try base.applying(ConfigurationChange.parse("dataset=moons")).dataset == "moons")
        #expect(try base.applying(ConfigurationChange.parse("n=300")).sampleCount == 300)
        #expect(try base.applying(ConfigurationChange.parse("standardize=true")).standardize)
        #expect(try base.applying(ConfigurationChange.parse("loss=mse")).loss == .mse)
        #expect(try base.applying(ConfigurationChange.parse("epochs=40")).epochs == 40)
        #expect(try base.applying(ConfigurationChange.parse("test-fraction=0.5")).testFraction == 0.5)
        #expect(try base.applying(ConfigurationChange.parse("features=x1,x2,x1*x2")).features == ["x1", "x2", "x1*x2"])
        #expect(try ConfigurationChange.parse("epochs=40").keepsWeights && !ConfigurationChange.parse("dataset=xor").keepsWeights)
        let (key, values) = try ConfigurationChange.parseValues("hidden=8/8,8/16,16")
        #expect(key.flag == "--hidden" && values == ["8", "8,8", "16,16"])
        let (l2, decays) = try ConfigurationChange.parseValues("l2=0,1e-4")
        #expect(l2.flag == "--weight-decay" && decays == ["0", "1e-4"])
        #expect(throws: RunSetupError("the value \"1\" is listed twice", exitStatus: 64)) { try ConfigurationChange.parseValues("lr=1,1") }
        #expect(throws: RunSetupError("unknown key \"colour\"; the keys are train flags without the dashes: dataset, n, noise, "
                                      + "features, standardize, hidden, activation, loss, optimizer, lr, momentum, beta1, beta2, "
                                      + "eps, weight-decay, l1, batch, epochs, seed, test-fraction, init-from, l2", exitStatus: 64)) {
            try ConfigurationChange.parse("colour=red")
        }
        #expect(throws: RunSetupError("--n must be between 2 and 10000000, not 1", exitStatus: 64)) {
            try base.applying(ConfigurationChange.parse("n=1"))
        }
        #expect(throws: RunSetupError("--epochs: 'lots' is not a whole number", exitStatus: 64)) {
            try base.applying(ConfigurationChange.parse("epochs=lots"))
        }
    }
}
