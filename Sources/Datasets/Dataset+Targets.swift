extension Dataset {
    /// The population variance of the regression targets, (1/n) Σ (y − ȳ)², two-pass; 0 for no
    /// samples. The R² denominator: a model predicting ȳ everywhere has MSE equal to it.
    public var targetVariance: Double {
        guard count > 0 else { return 0 }
        let values = targets
        let mean = values.reduce(0, +) / Double(count)
        return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(count)
    }
}

/// R², the coefficient of determination: 1 − MSE / Var(y), with Var(y) the population variance
/// of the targets the MSE was measured on (scikit-learn's `r2_score`). When the targets do not
/// vary, 1 for a perfect fit and 0 otherwise (scikit-learn's `force_finite`).
public func coefficientOfDetermination(meanSquaredError: Double, targetVariance: Double) -> Double {
    guard targetVariance > 0 else { return meanSquaredError == 0 ? 1 : 0 }
    return 1 - meanSquaredError / targetVariance
}
