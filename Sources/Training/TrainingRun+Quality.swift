import Datasets
import MLPEngine

extension TrainingRun {
    /// The figure reported beside the loss of `count` samples: the share classified correctly, or
    /// for a regression network (`Loss.squaredError`, whose mean loss is the MSE) R² against the
    /// targets' variance.
    func quality(_ totals: PassTotals, count: Int, targetVariance: Double) -> Double {
        guard count > 0 else { return 0 }
        if network.loss == .squaredError {
            return coefficientOfDetermination(meanSquaredError: totals.lossSum / Double(count), targetVariance: targetVariance)
        }
        return Double(totals.correct) / Double(count)
    }
}
