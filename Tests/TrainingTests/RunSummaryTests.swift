import MLPEngine
import Testing
@testable import Training

/// What `mlptop compare` reports per run: final, best (earliest on a tie) and the target epoch.
struct RunSummaryTests {
    static func report(_ epoch: Int, train: Double, test: Double?) -> EpochReport {
        EpochReport(epoch: epoch, trainLoss: train, testLoss: test, trainAccuracy: 0.5, testAccuracy: test.map { _ in 0.5 },
                    learningRate: 0.1, gradientNorms: [], seconds: 0.001, samplesPerSecond: 1000)
    }

    @Test func bestLossesTheirEpochsAndTheFirstEpochAtTheTarget() {
        var summary = RunSummary(targetLoss: 0.3)
        let series: [(Double, Double)] = [(0.9, 0.8), (0.5, 0.6), (0.3, 0.4), (0.2, 0.45), (0.2, 0.4), (.nan, .infinity), (0.25, 0.5)]
        for (epoch, losses) in series.enumerated() {
            summary.record(Self.report(epoch + 1, train: losses.0, test: losses.1))
        }
        #expect(summary.latest?.epoch == 7)
        #expect(summary.bestTrain == RunSummary.Best(loss: 0.2, epoch: 4))
        #expect(summary.bestTest == RunSummary.Best(loss: 0.4, epoch: 3))
        #expect(summary.targetEpoch == 3, "0.3 reached exactly at epoch 3 counts")
        let json = JSONValue.object(summary.jsonMembers)
        #expect(json["best"]?["train_loss_epoch"] == .number(4))
        #expect(json["target_epoch"] == .number(3))
    }

    @Test func withoutATestSetOrATargetThoseAreNull() {
        var summary = RunSummary()
        summary.record(Self.report(1, train: 0.5, test: nil))
        #expect(summary.bestTest == nil)
        #expect(summary.targetEpoch == nil)
        let json = JSONValue.object(summary.jsonMembers)
        #expect(json["best"]?["test_loss"] == .null)
        #expect(json["final"]?["test_accuracy"] == .null)
        #expect(json["target_epoch"] == .null)
    }
}
