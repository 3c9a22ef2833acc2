import CVectorMath
import Foundation
import MLPEngine
import Testing

/// The binary cross-entropy total (`Loss.bce`), summed from the logits four at a time through
/// libmvec: against the same sum in 80-bit arithmetic, on every length mod 4 and extreme logits.
struct BCETotalTests {
    static func reference(_ z: [Double], _ labels: [Int]) -> Float80 {
        zip(z, labels).reduce(Float80(0)) { sum, pair in
            let x = Float80(pair.0)
            return sum + Swift.max(x, 0) + Foundation.log1p(Foundation.exp(-Swift.abs(x))) - Float80(pair.1) * x
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 7, 8, 9, 63, 1_000])
    func matchesTheExtendedPrecisionSum(count: Int) {
        var g = SeededGenerator(seed: UInt64(count))
        var z = (0..<count).map { _ in g.nextUniform(-30, 30) }
        if count > 4 { z[0] = 0; z[1] = -0.0; z[2] = 700; z[3] = -700 }
        let labels = (0..<count).map { _ in g.nextUniform(0, 1) < 0.5 ? 0 : 1 }
        let total = mlptop_bce_total(z, labels, count)
        let exact = Self.reference(z, labels)
        // Each term within a few ulp; the sum's own rounding grows with the count.
        let bound = Float80(1e-15) * Float80(count) * Swift.max(1, abs(exact) / Float80(count))
        #expect(abs(Float80(total) - exact) <= bound, "count \(count): \(total) vs \(exact)")
    }

    @Test func aNaNLogitGivesANaNLoss() {
        #expect(mlptop_bce_total([0.5, .nan, 1, 2, 3], [0, 1, 0, 1, 0], 5).isNaN)
        #expect(mlptop_bce_total([0.5, 1, 2, 3, .nan], [0, 1, 0, 1, 0], 5).isNaN)
    }
}
