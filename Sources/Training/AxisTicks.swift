import Foundation

/// Tick marks for a chart axis at "nice" values, with compact labels.
///
/// Linear axes step by 1, 2 or 5 × 10^k. Logarithmic axes mark powers of ten (every second, fifth, …
/// decade when there are many), or every 1, 2 and 5 × 10^k when fewer than three powers of ten fall
/// in the range.
struct AxisTicks: Equatable {
    /// The axis runs from `lower` to `upper` (data values: for a log axis, not their logarithms).
    var lower: Double
    var upper: Double
    /// Tick values in `lower...upper`, ascending.
    var values: [Double]
    /// One label per tick.
    var labels: [String]

    /// A linear axis over `low...high` with at most `maxIntervals` steps between ticks. With
    /// `extend`, the axis widens to the ticks at or just outside the data (for values); without, it
    /// keeps the data's extent and marks only ticks inside it (for epochs: the axis ends at the last).
    /// `thousands` labels 20000 as "20k" and 3000000 as "3M" once the axis reaches 10⁴ or 10⁷.
    static func linear(_ low: Double, _ high: Double, maxIntervals: Int = 6, extend: Bool,
                       thousands: Bool = false) -> AxisTicks {
        var (low, high) = (min(low, high), max(low, high))
        if !(high - low > 0) { high = low + max(1, abs(low)) }
        let intervals = Double(max(1, maxIntervals))
        var step = niceStep(atLeast: (high - low) / intervals)
        var first = 0.0, last = 0.0
        while true {
            first = extend ? floor(low / step + 1e-9) : ceil(low / step - 1e-9)
            last = extend ? ceil(high / step - 1e-9) : floor(high / step + 1e-9)
            if last - first <= intervals { break }
            step = niceStep(atLeast: step * 1.5)
        }
        let values = stride(from: first, through: last, by: 1).map { $0 * step == 0 ? 0 : $0 * step }
        let lower = extend ? first * step : low, upper = extend ? last * step : high
        let labels = values.map { value -> String in
            guard thousands else { return label(value, precision: step) }
            if upper >= 1e7 { return compact(value, precision: step, unit: 1e6, suffix: "M") }
            if upper >= 1e4 { return compact(value, precision: step, unit: 1e3, suffix: "k") }
            return label(value, precision: step)
        }
        return AxisTicks(lower: lower, upper: upper, values: values, labels: labels)
    }

    /// A logarithmic axis over `low...high` (both positive), widened to the 1, 2 or 5 × 10^k at or
    /// just outside the data, with at most `maxTicks` ticks at powers of ten.
    static func logarithmic(_ low: Double, _ high: Double, maxTicks: Int = 7) -> AxisTicks {
        let low = max(min(low, high), .leastNormalMagnitude), high = max(low, high)
        var lower = oneTwoFive(atMost: low), upper = oneTwoFive(atLeast: high)
        if upper <= lower {
            lower = oneTwoFive(atMost: lower * 0.99)
            upper = oneTwoFive(atLeast: upper * 1.01)
        }
        let firstPower = Int(ceil(log10(lower) - 1e-9)), lastPower = Int(floor(log10(upper) + 1e-9))
        if lastPower - firstPower + 1 >= 3 {
            var every = 1
            while (lastPower - firstPower) / every + 1 > max(2, maxTicks) { every = Int(niceStep(atLeast: Double(every) * 1.5)) }
            let powers = (firstPower...lastPower).filter { $0 % every == 0 }
            let values = powers.map { pow(10, Double($0)) }
            return AxisTicks(lower: lower, upper: upper, values: values,
                             labels: values.map { label($0, precision: $0) })
        }
        var values: [Double] = []
        for power in (firstPower - 1)...(lastPower + 1) {
            for m in [1.0, 2, 5] {
                let value = m * pow(10, Double(power))
                if value >= lower * (1 - 1e-9) && value <= upper * (1 + 1e-9) { values.append(value) }
            }
        }
        if values.count < 3 {
            // Within a factor of 2.5 or so: linear ticks, placed on the log scale.
            let fallback = linear(low, high, maxIntervals: 4, extend: true)
            if fallback.lower > 0 { return fallback }
        }
        return AxisTicks(lower: lower, upper: upper, values: values, labels: values.map { label($0, precision: $0) })
    }

    /// The 1, 2 or 5 × 10^k at or above `x` (x > 0).
    static func niceStep(atLeast x: Double) -> Double { oneTwoFive(atLeast: x) }

    static func oneTwoFive(atLeast x: Double) -> Double {
        let magnitude = pow(10, floor(log10(x)))
        for m in [1.0, 2, 5] where m * magnitude >= x * (1 - 1e-9) { return m * magnitude }
        return 10 * magnitude
    }

    static func oneTwoFive(atMost x: Double) -> Double {
        let magnitude = pow(10, floor(log10(x)))
        for m in [5.0, 2, 1] where m * magnitude <= x * (1 + 1e-9) { return m * magnitude }
        return magnitude / 2
    }

    /// `value` with as many decimals as `precision` (a tick step, or the value itself) needs, and no
    /// trailing zeros: "0.2", "0.05", "1", "1500"; in exponent form ("1e-5", "2.5e-6", "3e8") when that would take more
    /// than 4 decimals, or for 10⁷ and more.
    static func label(_ value: Double, precision: Double) -> String {
        guard value != 0, value.isFinite, precision > 0 else { return value.isFinite ? "0" : "\(value)" }
        let precisionPower = Int(floor(log10(precision) + 1e-9))
        if precisionPower >= -4 && abs(value) < 1e7 {
            var text = String(format: "%.\(max(0, -precisionPower))f", value)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return text
        }
        var exponent = Int(floor(log10(abs(value)) + 1e-9))
        var digits = max(0, exponent - precisionPower)
        var mantissa = value / pow(10, Double(exponent))
        if abs((mantissa * pow(10, Double(digits))).rounded()) >= 10 * pow(10, Double(digits)) {
            exponent += 1
            digits = max(0, digits - 1)
            mantissa /= 10
        }
        return String(format: "%.\(digits)fe%d", mantissa, exponent)
    }

    /// `value` in units of `unit` with a suffix: 20000 → "20k", 12500 → "12.5k".
    private static func compact(_ value: Double, precision: Double, unit: Double, suffix: String) -> String {
        value == 0 ? "0" : label(value / unit, precision: precision / unit) + suffix
    }
}
