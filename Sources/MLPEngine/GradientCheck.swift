/// Central-difference checks of backpropagated gradients.
///
/// For every parameter p: (E(p + h) − E(p − h)) / 2h, compared with the analytic ∂E/∂p by the
/// relative error |fd − g| / max(|fd|, |g|, floor). Independent of backprop: it only runs forward
/// passes.
public enum GradientCheck {
    /// The largest relative error over all parameters, and where it occurred.
    public struct Result: Sendable {
        public var worstRelativeError: Double
        public var worstIndex: Int
        public var numeric: [Double]
        public var analytic: [Double]
    }

    /// Compares `network`'s backprop gradient on the samples with central differences of step `h`.
    public static func run(
        _ network: Network, features: [Double], labels: [Int], step h: Double = 1e-5, floor: Double = 1e-8
    ) -> Result {
        let analytic = network.batchGradient(features: features, labels: labels).gradient
        var numeric = [Double](repeating: 0, count: analytic.count)
        var probe = network
        var worst = 0.0, worstIndex = 0
        for i in 0..<analytic.count {
            let original = probe.parameters[i]
            probe.parameters[i] = original + h
            let plus = probe.meanLoss(features: features, labels: labels)
            probe.parameters[i] = original - h
            let minus = probe.meanLoss(features: features, labels: labels)
            probe.parameters[i] = original
            numeric[i] = (plus - minus) / (2 * h)
            let error = abs(numeric[i] - analytic[i]) / max(abs(numeric[i]), abs(analytic[i]), floor)
            if error > worst { worst = error; worstIndex = i }
        }
        return Result(worstRelativeError: worst, worstIndex: worstIndex, numeric: numeric, analytic: analytic)
    }
}
