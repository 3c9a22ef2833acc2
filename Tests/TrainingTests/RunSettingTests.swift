import Datasets
import MLPEngine
import Testing
@testable import Training

/// The settings panel's model: values checked as the flags are, what forces a fresh start, and
/// what a change records.
@Suite struct RunSettingTests {
    static func spiral(hidden: [Int] = [16, 16]) throws -> PreparedRun {
        var c = RunConfiguration()
        c.sampleCount = 120
        c.hiddenSizes = hidden
        return try c.prepare()
    }

    @Test func valuesAreRefusedWithTheFlagsOwnMessages() {
        let base = RunConfiguration()
        let cases: [(RunSetting, String, String)] = [
            (.lr, "-1", "--lr must be a positive number, not -1.0"),
            (.hidden, "16,0", "--hidden: \"0\" is not a layer size (a whole number from 1 to 100000)"),
            (.testFraction, "1", "--test-fraction must be in [0, 1), not 1.0"),
            (.n, "1", "--n must be between 2 and 10000000, not 1"),
            (.noise, "-0.5", "--noise must be between 0 and 100, not -0.5"),
            (.momentum, "1", "--momentum must be in [0, 1), not 1.0"),
            (.l1, "-1", "--l1 must be 0 or more, not -1.0"),
            (.l2, "-1", "--weight-decay must be 0 or more, not -1.0"),
            (.batch, "0", "--batch must be a positive whole number or 'full', not \"0\""),
            (.activation, "softmax", "--activation: 'softmax' is not one of sigmoid, tanh, relu, linear"),
            (.seed, "-3", "--seed: '-3' is not a seed (0 or more)"),
        ]
        for (setting, value, message) in cases {
            #expect(throws: RunSetupError(message, exitStatus: 64), "\(setting)=\(value)") { try base.applying(setting, value) }
        }
        var file = base
        file.dataset = "points.csv"
        #expect(throws: RunSetupError("--n applies to built-in data sets only, and points.csv is a file", exitStatus: 64)) {
            try file.applying(.n, "100")
        }
    }

    @Test func valuesAreAppliedAsTheFlagsWouldSetThem() throws {
        let base = RunConfiguration()
        #expect(try base.applying(.hidden, "17,16").hiddenSizes == [17, 16])
        #expect(try base.applying(.hidden, "").hiddenSizes == [])
        #expect(try base.applying(.loss, "mse").loss == .mse)
        #expect(try base.applying(.loss, "auto").loss == nil)
        #expect(try base.applying(.features, "x1,x2,x1*x2").features == ["x1", "x2", "x1*x2"])
        #expect(try base.applying(.l2, "0.001").optimizer.weightDecay == 0.001)
        #expect(try base.applying(.dataset, "MOONS").dataset == "moons")
        var withSize = base
        withSize.sampleCount = 300
        let file = try withSize.applying(.dataset, "data/points.csv")
        #expect(file.dataset == "data/points.csv" && file.sampleCount == nil, "n applies to built-in data only")
        // What the panel shows reads back as the same value (n, noise, batch show `default` until set).
        for setting in RunSetting.allCases where ![.n, .noise, .batch].contains(setting) {
            #expect(try base.applying(setting, base.value(of: setting)).value(of: setting) == base.value(of: setting), "\(setting)")
        }
    }

    @Test func onlyDataAndShapeChangesStartAgain() {
        let live = RunSetting.allCases.filter { !$0.forcesReset }
        #expect(live == [.optimizer, .lr, .momentum, .beta1, .beta2, .eps, .l1, .l2, .batch])
        #expect(RunSetting.allCases.filter(\.changesData) == [.dataset, .n, .noise, .testFraction, .seed])
    }

    @Test func aLiveChangeGoesOnFromTheWeightsAndIsLoggedAsTyped() throws {
        let run = try Self.spiral()
        let redefinition = try run.redefinition(applying: [SettingChange(.momentum, "0.5"), SettingChange(.l1, "0.001")],
                                                learningRate: 0.05)
        #expect(redefinition.keepsWeights)
        #expect(!redefinition.setsLearningRate)
        #expect(redefinition.summary == "settings momentum=0.5 l1=0.001")
        #expect(redefinition.prepared.configuration.optimizer.momentum == 0.5)
        #expect(redefinition.prepared.configuration.optimizer.learningRate == 0.05)
        let adam = try run.redefinition(applying: [SettingChange(.optimizer, "adam")], learningRate: 0.1)
        #expect(adam.keepsWeights && adam.setsLearningRate && adam.prepared.configuration.optimizer.learningRate == 0.01)
    }

    /// A shape change draws every layer afresh from the seed, exactly as `mlptop train` with the
    /// new settings starts, so replaying the configuration gives the same weights.
    @Test func aShapeChangeStartsAgainAsTheFlagsWould() throws {
        let run = try Self.spiral()
        let redefinition = try run.redefinition(applying: [SettingChange(.hidden, "17,16")], learningRate: 0.1)
        #expect(!redefinition.keepsWeights)
        #expect(redefinition.summary == "settings hidden=17,16 (fresh weights, seed 1)")
        #expect(redefinition.prepared.network.architecture == "2-17-16-1")
        var flags = RunConfiguration()
        flags.sampleCount = 120
        flags.hiddenSizes = [17, 16]
        let fromFlags = try flags.prepare()
        #expect(redefinition.prepared.network.parameters == fromFlags.network.parameters)
        #expect(redefinition.prepared.trainingSet == fromFlags.trainingSet)
        #expect(redefinition.prepared.configuration == fromFlags.configuration)
    }

    @Test func aDataSetThatCannotBeReadLeavesTheRunAsItWas() throws {
        let run = try Self.spiral()
        #expect(throws: RunSetupError.self) {
            try run.redefinition(applying: [SettingChange(.dataset, "/nonexistent/points.csv")], learningRate: 0.1)
        }
        #expect(throws: RunSetupError("--loss bce needs two classes, but the data has 3; use softmax-ce or mse", exitStatus: 64)) {
            try run.redefinition(applying: [SettingChange(.dataset, "spiral3"), SettingChange(.loss, "bce")], learningRate: 0.1)
        }
    }

    @Test func anAddedPointJoinsTheTrainingSetAndARemovalTakesTheNearest() throws {
        let run = try Self.spiral()
        let added = try #require(run.editingData(adding: true, x: 0.25, y: -0.5, label: 1))
        #expect(added.keepsWeights && added.prepared.dataEdited)
        #expect(added.summary == "data add (0.25, -0.5) class 1")
        #expect(added.prepared.rawTrainingSet.count == run.rawTrainingSet.count + 1)
        #expect(added.prepared.rawTrainingSet.point(run.rawTrainingSet.count) == [0.25, -0.5])
        #expect(added.prepared.testSet == run.testSet, "the test set stays")
        let removed = try #require(added.prepared.editingData(adding: false, x: 0.25, y: -0.5, label: 0))
        #expect(removed.prepared.rawTrainingSet == run.rawTrainingSet)
        #expect(run.editingData(adding: true, x: 0, y: 0, label: 2) == nil, "spiral has classes 0 and 1")
    }
}
