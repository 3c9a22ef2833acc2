import Foundation

/// Whether a gradient check's worst relative error says backprop is right.
///
/// Central differences of step h = 1e-5 in float64 are themselves only so exact: truncation adds
/// ~h² relative, rounding ~ε·E/(h·|g|), which for a gradient near 10⁻⁶ is already 10⁻⁵–10⁻³, and
/// a ReLU whose kink lies within ±h of a sample's pre-activation makes the difference quotient
/// meaningless for that weight. Hence three words rather than one threshold.
public enum GradientCheckVerdict: String, Sendable {
    /// ≤ 1e-5: backprop and the finite differences agree.
    case fine
    /// ≤ 1e-2: agreement to what finite differences can resolve (tiny gradients, kinks).
    case fineForFiniteDifferences = "fine for finite differences"
    /// Larger: look at numeric against analytic in the inspector.
    case suspect

    public init(worstRelativeError error: Double) {
        self = error <= 1e-5 ? .fine : error <= 1e-2 ? .fineForFiniteDifferences : .suspect
    }
}

extension GradientCheckSummary {
    /// The message line's report: `gradient check: worst relative error 8.0e-06 (layer 1): fine ·
    /// 320 samples, 0.05 s` (layers numbered from 1).
    public var message: String {
        let verdict = GradientCheckVerdict(worstRelativeError: worstRelativeError)
        let error = worstRelativeError.isNaN ? "nan" : String(format: "%.1e", worstRelativeError)
        return "gradient check: worst relative error \(error) (layer \(worstLayer + 1)): \(verdict.rawValue) · "
            + "\(samples) samples, \(String(format: "%.2f", seconds)) s"
    }
}
