// Small integer helpers for the drawing hot paths.

/// `value` modulo `count`, always in 0..<count.
@inline(__always)
func wrapped(_ value: Int, _ count: Int) -> Int { ((value % count) + count) % count }

/// `value` rounded to the nearest integer, halves away from zero, without a libm call (baseline
/// x86-64 has no rounding instruction, and `rounded()` showed up at 7 % of a frame's profile).
/// Non-finite values give 0 and magnitudes are capped at 1e15, so the conversion never traps.
@inline(__always)
func roundedToInt(_ value: Double) -> Int {
    guard value.isFinite else { return 0 }
    let capped = min(1e15, max(-1e15, value))
    return capped >= 0 ? Int(capped + 0.5) : -Int(-capped + 0.5)
}
