/// The loss lines' smoothing: a bias-corrected exponential moving average, as TensorBoard's.
public enum LossSmoothing {
    /// The weight loss.svg smooths its lines with (over history buckets).
    public static let pictureWeight = 0.6

    /// `values` smoothed: sₖ = w·sₖ₋₁ + (1 − w)·vₖ from s₋₁ = 0, divided by 1 − wᵏ⁺¹ so the start is
    /// not pulled towards 0. Non-finite values pass through and leave the average as it was.
    /// `weight` is clamped to 0…0.999. O(n).
    public static func smoothed(_ values: [Double], weight: Double) -> [Double] {
        let w = min(0.999, max(0, weight))
        var last = 0.0, factor = 1.0
        return values.map { value in
            guard value.isFinite else { return value }
            last = w * last + (1 - w) * value
            factor *= w
            return last / (1 - factor)
        }
    }
}
