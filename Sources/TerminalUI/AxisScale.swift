import Foundation

/// A value axis: the range shown, linear or log10, and "nice" tick values (1, 2, 5 × 10ⁿ).
///
/// Positions are fractions 0…1 from the low end. Non-finite values, and non-positive values on a
/// log axis, have no position.
public struct AxisScale: Hashable, Sendable {
    /// Whether positions follow log10 of the value.
    public let isLogarithmic: Bool
    /// The low end of the axis, in transformed units (log10 of the value when logarithmic).
    public let low: Double
    /// The high end of the axis, in transformed units.
    public let high: Double
    /// Values that get a labelled tick, from low to high.
    public let ticks: [Double]

    /// An axis covering `minimum`…`maximum` with about `tickCount` ticks, widened to tick values
    /// when `roundOutward` (value axes) or left exact (epoch axes). Equal ends are padded;
    /// non-finite ends give 0…1, and a log axis replaces non-positive ends with positive ones.
    public init(minimum: Double, maximum: Double, logarithmic: Bool, tickCount: Int, roundOutward: Bool) {
        isLogarithmic = logarithmic
        let count = max(2, tickCount)
        var lo = min(minimum, maximum), hi = max(minimum, maximum)
        if !lo.isFinite || !hi.isFinite || !(hi - lo).isFinite {
            lo = logarithmic ? 0.1 : 0
            hi = 1
        }
        if logarithmic {
            if hi <= 0 { hi = 1 }
            if lo <= 0 { lo = hi / 1000 }
            var l0 = Foundation.log10(lo), l1 = Foundation.log10(hi)
            if l1 - l0 < 1e-12 {
                l0 -= 0.5
                l1 += 0.5
            }
            if l1 - l0 >= 1 {
                let first = floor(l0 + 1e-9), last = ceil(l1 - 1e-9)
                let every = max(1, Int(ceil((last - first) / Double(count - 1))))
                low = first
                high = last
                ticks = stride(from: first, through: last + 1e-9, by: Double(every)).map { pow(10, $0) }
                return
            }
            lo = pow(10, l0)
            hi = pow(10, l1)
            let step = Self.niceStep((hi - lo) / Double(count - 1))
            let niceLo = floor(lo / step) * step, niceHi = ceil(hi / step) * step
            let start = niceLo > 0 ? niceLo : lo
            low = Foundation.log10(start)
            high = Foundation.log10(niceHi)
            ticks = Self.values(from: niceLo > 0 ? niceLo : niceLo + step, through: niceHi, step: step)
            return
        }
        if hi - lo < 1e-12 * max(1, abs(hi)) {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad
            hi += pad
        }
        let step = Self.niceStep((hi - lo) / Double(count - 1))
        if roundOutward {
            lo = floor(lo / step + 1e-9) * step
            hi = ceil(hi / step - 1e-9) * step
        }
        low = lo
        high = hi
        ticks = Self.values(from: ceil(lo / step - 1e-9) * step, through: hi, step: step)
    }

    /// The fraction 0…1 (outside for values off the axis) at which `value` lies, or nil.
    @inline(__always)
    public func position(of value: Double) -> Double? {
        guard value.isFinite else { return nil }
        let t: Double
        if isLogarithmic {
            guard value > 0 else { return nil }
            t = Foundation.log10(value)
        } else {
            t = value
        }
        return high > low ? (t - low) / (high - low) : 0.5
    }

    /// The nice step (1, 2 or 5 × 10ⁿ) at or above `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw.isFinite, raw > 0 else { return 1 }
        let magnitude = pow(10, floor(Foundation.log10(raw)))
        let fraction = raw / magnitude
        let slack = 1 + 1e-9
        let nice: Double = fraction <= slack ? 1 : fraction <= 2 * slack ? 2 : fraction <= 5 * slack ? 5 : 10
        return nice * magnitude
    }

    /// `from`, `from + step`, … up to `through` (with a little tolerance), snapped to the step.
    private static func values(from start: Double, through end: Double, step: Double) -> [Double] {
        var result: [Double] = []
        var index = 0.0
        while result.count < 64 {
            let value = start + index * step
            if value > end + step * 1e-6 { break }
            result.append(abs(value) < step * 1e-9 ? 0 : value)
            index += 1
        }
        return result
    }
}
