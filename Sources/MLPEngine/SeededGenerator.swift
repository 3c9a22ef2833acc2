/// A fast, seeded, reproducible random number generator: xoshiro256** seeded through SplitMix64.
///
/// The same seed gives the same stream on every machine: the algorithm uses only integer
/// arithmetic, and `nextUnit()` builds a double from the top 53 bits without any libm call.
/// A value type; each thread keeps its own.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Equatable {
    /// The four words of xoshiro256** state; exposed so snapshots can save and restore a stream.
    public private(set) var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator whose stream is fully determined by `seed`.
    public init(seed: UInt64) {
        var splitMix = seed
        func next() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (next(), next(), next(), next())
    }

    /// Restores a generator from a saved `state` (not all zero).
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
        self.state = state
    }

    public static func == (lhs: SeededGenerator, rhs: SeededGenerator) -> Bool { lhs.state == rhs.state }

    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in [lower, upper).
    public mutating func nextUniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * nextUnit()
    }

    @inline(__always)
    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
