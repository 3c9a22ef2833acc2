// Small integer helpers for the drawing hot paths.

/// `value` modulo `count`, always in 0..<count.
@inline(__always)
func wrapped(_ value: Int, _ count: Int) -> Int { ((value % count) + count) % count }

/// `value` rounded to the nearest integer, halves away from zero, without a libm call (baseline
/// x86-64 has no rounding instruction, and `rounded()` showed up at 7 % of a frame's profile).
/// For finite values well inside `Int`'s range.
@inline(__always)
func roundedToInt(_ value: Double) -> Int {
    value >= 0 ? Int(value + 0.5) : -Int(-value + 0.5)
}
