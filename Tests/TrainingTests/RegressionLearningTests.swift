import Datasets
import Foundation
import MLPEngine
import Testing
@testable import Training

/// Regression through the real run set-up: a CSV of real targets becomes a 1-output linear network
/// on squared error, and it learns what people expect, measured on held-out rows.
struct RegressionLearningTests {
    /// R² = 1 − Σ(ŷ − y)² / Σ(y − ȳ)², computed here from the outputs, not from the engine's loss.
    static func rSquared(_ network: Network, on data: Dataset) -> Double {
        let predicted = network.outputs(features: data.features), targets = data.targets
        let mean = targets.reduce(0, +) / Double(targets.count)
        let residual = zip(predicted, targets).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let total = targets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return 1 - residual / total
    }

    /// 400 rows of x uniform in [−π, π], y = sin(x), written to a temporary CSV.
    static func sineFile() throws -> String {
        var g = SeededGenerator(seed: 11)
        var text = "x,sin_x\n"
        for _ in 0..<400 {
            let x = g.nextUniform(-Double.pi, Double.pi)
            text += "\(x),\(sin(x))\n"
        }
        let path = NSTemporaryDirectory() + "mlptop-sine-\(getpid()).csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aTanhNetFitsASineOnHeldOutRows() throws {
        let path = try Self.sineFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        var c = DatasetLearningTests.configuration(path, count: 0, hidden: [32, 32], lr: 0.01, epochs: 400)
        c.sampleCount = nil
        let (prepared, run) = try DatasetLearningTests.train(c)
        #expect(prepared.rawData.isRegression)
        #expect(prepared.network.sizes == [1, 32, 32, 1])
        #expect(prepared.network.shapes.last?.activation == .linear && prepared.network.loss == .squaredError)
        let heldOut = Self.rSquared(run.network, on: prepared.testSet)
        #expect(prepared.testSet.count == 80)
        #expect(heldOut >= 0.98)
        // The run's own figure is the same R², from the engine's loss and the targets' variance.
        let reported = try #require(run.evaluateTestSet())
        #expect(abs(reported.accuracy - heldOut) < 1e-9)
    }

    @Test func thePlaygroundPlaneIsLearnedAndItsModelSaysSo() throws {
        let c = DatasetLearningTests.configuration("plane", count: 400, hidden: [4], lr: 0.03, epochs: 300)
        let (prepared, run) = try DatasetLearningTests.train(c)
        #expect(Self.rSquared(run.network, on: prepared.testSet) >= 0.99)
        let model = prepared.modelFile(network: run.network, epoch: 300)
        #expect(model[metadata: "task"]?.stringValue == "regression")
        #expect(model[metadata: "classes"] == nil)
    }

    @Test func aClassificationLossOrTaskDoesNotFitRealTargets() {
        var c = DatasetLearningTests.configuration("plane", count: 40, hidden: [4], lr: 0.03, epochs: 1)
        c.loss = .bce
        #expect(throws: RunSetupError.self) { try c.prepare() }
        c.loss = nil
        c.task = .classification
        #expect(throws: RunSetupError.self) { try c.prepare() }
        c.dataset = "spiral"
        c.task = .regression
        #expect(throws: RunSetupError.self) { try c.prepare() }
    }
}
