import Foundation

/// Short number formats for tight spaces: tick labels, legends, gradient norms.
///
/// Pure functions, no locale: the decimal point is always `.`.
public enum NumberFormat {
    /// A number in at most about five characters: `0`, `0.25`, `12.3`, `123`, `12k`, `1.5M`,
    /// `1e-3`, `2.5e-4`. Three significant digits between 0.01 and 1000, SI suffixes above,
    /// scientific below; `nan`/`inf` for non-finite values.
    public static func compact(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        if value == 0 { return "0" }
        let sign = value < 0 ? "-" : ""
        let magnitude = abs(value)
        if magnitude < 0.01 { return sign + scientific(magnitude, significant: 2, trimmed: true) }
        if magnitude < 999.5 {
            let decimals = max(0, 2 - Int(floor(log10(magnitude))))
            return sign + trimZeros(fixed(magnitude, decimals: decimals))
        }
        let suffixes = ["k", "M", "G", "T"]
        var scaled = magnitude / 1000
        for suffix in suffixes {
            if scaled < 9.95 { return sign + trimZeros(fixed(scaled, decimals: 1)) + suffix }
            if scaled < 999.5 { return sign + fixed(scaled, decimals: 0) + suffix }
            scaled /= 1000
        }
        return sign + scientific(magnitude, significant: 2, trimmed: true)
    }

    /// A score such as R² with `decimals` decimals (`0.981`, `-0.250`) while it is a sensible size
    /// (|x| < 10⁴); beyond that (a diverged regression's R² can be −10²⁹⁰) three significant digits
    /// in scientific form (`-3.14e+293`), and `nan`/`-inf` for non-finite values.
    public static func score(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        return abs(value) < 1e4 ? fixed(value, decimals: decimals) : String(format: "%.3g", value)
    }

    /// `compact(value)` with a `+` in front of positive values (zero stays `0`).
    public static func signed(_ value: Double) -> String {
        value > 0 ? "+" + compact(value) : compact(value)
    }

    /// A signed value in at most five characters, for a neuron's value beside its picture:
    /// `+0.73`, `-1.00`, `+12.3`, `+123`, `+1e3`, `nan`.
    public static func signedShort(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "+inf" : "-inf") }
        let magnitude = abs(value)
        if magnitude < 9.995 { return String(format: "%+.2f", value) }
        if magnitude < 99.95 { return String(format: "%+.1f", value) }
        if magnitude < 9999.5 { return String(format: "%+.0f", value) }
        let exponent = Int(Foundation.log10(magnitude).rounded(.down))
        return (value < 0 ? "-" : "+") + "1e\(exponent)"
    }

    /// Scientific notation with `significant` digits and a bare exponent: `3.1e-4`, `1.0e3`, `0`.
    /// With `trimmed`, trailing zeros of the mantissa go: `1e-3`, `2.5e-4`.
    public static func scientific(_ value: Double, significant: Int = 2, trimmed: Bool = false) -> String {
        guard value.isFinite else { return compact(value) }
        if value == 0 { return "0" }
        let sign = value < 0 ? "-" : ""
        let digits = max(1, significant)
        var exponent = Int(floor(log10(abs(value))))
        // Two factors, so that 10^-exponent cannot overflow for subnormal values.
        let half = -exponent / 2
        var mantissa = abs(value) * pow(10, Double(half)) * pow(10, Double(-exponent - half))
        let unit = pow(10, Double(digits - 1))
        mantissa = (mantissa * unit).rounded() / unit
        if mantissa >= 10 {
            mantissa /= 10
            exponent += 1
        }
        var text = fixed(mantissa, decimals: digits - 1)
        if trimmed { text = trimZeros(text) }
        return sign + text + "e" + String(exponent)
    }

    /// Engineering notation: three significant digits and an exponent that is a multiple of 3
    /// (`12.3e-6`, `450e3`, `1.5`); no exponent for values in 1…1000.
    public static func engineering(_ value: Double) -> String {
        guard value.isFinite, value != 0 else { return compact(value) }
        let sign = value < 0 ? "-" : ""
        var exponent = Int(floor(log10(abs(value)) / 3)) * 3
        // Two factors, so that 10^-exponent cannot overflow for subnormal values.
        let half = -exponent / 2
        var mantissa = abs(value) * pow(10, Double(half)) * pow(10, Double(-exponent - half))
        if (mantissa * 100).rounded() / 100 >= 999.5 {
            mantissa /= 1000
            exponent += 3
        }
        let decimals = max(0, 2 - Int(floor(log10(mantissa))))
        let text = trimZeros(fixed(mantissa, decimals: decimals))
        return sign + text + (exponent == 0 ? "" : "e" + String(exponent))
    }

    /// `value` rounded to `decimals` places, without a locale (e.g. `fixed(0.125, decimals: 2)` is
    /// `0.13`). Magnitudes beyond 1e15 fall back to `description`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return compact(value) }
        let places = max(0, min(decimals, 12))
        let unit = pow(10, Double(places))
        let scaled = (abs(value) * unit).rounded()
        guard scaled < 1e15 else { return value.description }
        let whole = Int(scaled)
        let sign = value < 0 && whole != 0 ? "-" : ""
        let unitInt = Int(unit)
        let integerPart = String(whole / unitInt)
        guard places > 0 else { return sign + integerPart }
        let fraction = String(whole % unitInt)
        return sign + integerPart + "." + String(repeating: "0", count: places - fraction.count) + fraction
    }

    /// Drops trailing zeros after a decimal point, and the point itself if nothing follows.
    static func trimZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = Substring(text)
        while result.last == "0" { result.removeLast() }
        if result.last == "." { result.removeLast() }
        return String(result)
    }
}
