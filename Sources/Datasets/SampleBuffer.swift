#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MLPEngine

/// Two-feature samples being generated: row-major features and labels, grown in step.
struct SampleBuffer {
    private(set) var features: [Double] = []
    private(set) var labels: [Int] = []

    init(capacity: Int) {
        features.reserveCapacity(2 * capacity)
        labels.reserveCapacity(capacity)
    }

    mutating func append(_ x1: Double, _ x2: Double, label: Int) {
        features.append(x1)
        features.append(x2)
        labels.append(label)
    }

    /// Fisher–Yates shuffle of whole samples. Indices come from the top word of a 64×64-bit
    /// product (Lemire's multiply-shift), spelled out so the order never depends on the standard
    /// library's `random(in:)` algorithm.
    mutating func shuffle(using random: inout SeededGenerator) {
        var index = labels.count - 1
        while index > 0 {
            let other = random.nextIndex(below: index + 1)
            labels.swapAt(index, other)
            features.swapAt(2 * index, 2 * other)
            features.swapAt(2 * index + 1, 2 * other + 1)
            index -= 1
        }
    }
}

extension SeededGenerator {
    /// A standard normal deviate by the Box–Muller transform: one per call, from two uniforms.
    mutating func nextGaussian() -> Double {
        let radius = (-2 * log(1 - nextUnit())).squareRoot()
        let angle = 2 * Double.pi * nextUnit()
        return radius * cos(angle)
    }

    /// A uniform index in `0..<bound` by Lemire's multiply-shift (bias below 2⁻⁵⁰ for small bounds).
    mutating func nextIndex(below bound: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }
}
