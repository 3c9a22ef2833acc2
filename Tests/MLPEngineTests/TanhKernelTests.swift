import CVectorMath
import Foundation
import MLPEngine
import Testing

/// mlptop's own tanh (`tanh.c`): accurate to 3 ulp against 80-bit tanh (2.52 the worst seen), and the same bits on the
/// vector path as on the portable one, so a tanh network trains to the same weights on any CPU.
struct TanhKernelTests {
    /// Random numbers of magnitude up to `scale` (both signs), from a fixed seed.
    static func samples(scale: Double, count: Int, seed: UInt64) -> [Double] {
        var g = SeededGenerator(seed: seed)
        return (0..<count).map { _ in g.nextUniform(-1, 1) * scale }
    }

    static func vectorTanh(_ x: [Double]) -> [Double] {
        var y = [Double](repeating: .nan, count: x.count)
        VectorMath.tanh(x, into: &y, count: x.count)
        return y
    }

    static func portableTanh(_ x: [Double]) -> [Double] {
        var y = [Double](repeating: .nan, count: x.count)
        mlptop_tanh_portable(x, &y, x.count)
        return y
    }

    /// |y − tanh(x)| in units of the spacing of doubles at tanh(x), tanh taken in Float80.
    static func ulpError(_ x: Double, _ y: Double) -> Double {
        let exact = Foundation.tanh(Float80(x))
        let rounded = abs(Double(exact))
        // The spacing on the side of the exact value (half as wide below a power of two).
        let spacing = abs(exact) >= Float80(rounded) ? rounded.nextUp - rounded : rounded - rounded.nextDown
        return Double(abs(Float80(y) - exact) / Float80(spacing))
    }

    @Test(arguments: [1e-300, 1e-12, 1e-4, 0.2, 0.35, 0.7, 1.5, 4, 12, 19.5, 30, 1e6])
    func withinThreeUlp(scale: Double) {
        let x = Self.samples(scale: scale, count: 20_011, seed: UInt64(scale.bitPattern % 1_000))
        let y = Self.vectorTanh(x)
        let worst = zip(x, y).map { Self.ulpError($0, $1) }.max()!
        #expect(worst <= 3, "worst \(worst) ulp at scale \(scale)")
    }

    @Test func vectorAndPortablePathsGiveTheSameBits() throws {
        var x = [-0.0, 0.0, .infinity, -.infinity, .nan, Double.leastNonzeroMagnitude, -Double.leastNormalMagnitude / 3, 20, -20, 19.06, 0.5 * log(2.0)]
        for scale in [1e-8, 0.3, 1, 3, 10, 25] { x += Self.samples(scale: scale, count: 4_003, seed: 11) }
        // Path 0 (x86 without FMA) is glibc's tanh, which makes no such promise.
        try #require(mlptop_tanh_path() > 0, "this CPU has no FMA: mlptop_vector_tanh is glibc's tanh here")
        let vector = Self.vectorTanh(x), portable = Self.portableTanh(x)
        #expect(vector.map(\.bitPattern) == portable.map(\.bitPattern))
    }

    @Test func specialValues() {
        let y = Self.vectorTanh([0.0, -0.0, .infinity, -.infinity, .nan, Double.leastNormalMagnitude / 3, 25, -25])
        #expect(y[0].bitPattern == (0.0).bitPattern && y[1].bitPattern == (-0.0).bitPattern)
        #expect(y[2] == 1 && y[3] == -1 && y[4].isNaN)
        #expect(y[5] == Double.leastNormalMagnitude / 3 && y[6] == 1 && y[7] == -1)
    }
}
