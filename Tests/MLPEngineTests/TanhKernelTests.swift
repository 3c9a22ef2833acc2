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

    /// tanh.c's algorithm written out in Swift in its first form, `e = 2^k · (p + (1 − 2^−k))`, one
    /// IEEE operation at a time (`addingProduct` is the fused multiply-add). The kernel computes `e`
    /// as one fused `2^k·p + (2^k − 1)`, which the comment there argues gives the same bits: this
    /// holds it to that, so the weights a tanh network trains to stay those of earlier versions.
    static func firstFormTanh(_ x: Double) -> Double {
        let c: [Double] = [6227020800, 479001600, 39916800, 3628800, 362880, 40320, 5040, 720, 120, 24, 6].map { 1 / $0 } + [0.5]
        let (c13, c12, c11, c10, c9, c8, c7, c6, c5, c4, c3, c2) = (c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11])
        func fma(_ a: Double, _ b: Double, _ add: Double) -> Double { add.addingProduct(a, b) }
        let shifter = 0x1.8p52
        let y = abs(x) > 20 ? 20 : abs(x)  // NaN stays NaN
        let t = y + y
        let shifted = fma(t, 0x1.71547652b82fep+0, shifter)
        let kd = shifted - shifter
        let k = Int64(bitPattern: shifted.bitPattern &- shifter.bitPattern)
        let r = fma(-kd, 0x1.a39ef35793c76p-33, fma(-kd, 0x1.62e42fee00000p-1, t))
        let r2 = r * r, r4 = r2 * r2, r8 = r4 * r4
        let q0 = fma(fma(c5, r, c4), r2, fma(c3, r, c2))
        let q1 = fma(fma(c9, r, c8), r2, fma(c7, r, c6))
        let q2 = fma(fma(c13, r, c12), r2, fma(c11, r, c10))
        let p = fma(r2, fma(q2, r8, fma(q1, r4, q0)), r)
        let twoK = Double(bitPattern: UInt64(k + 1023) << 52), twoMinusK = Double(bitPattern: UInt64(1023 - k) << 52)
        let e = twoK * (p + (1 - twoMinusK))
        return Double(signOf: x, magnitudeOf: e / (e + 2))
    }

    @Test func sameBitsAsTheFirstForm() {
        var x = [0.5 * log(2.0), 0.25, 18.5, 19.06, 19.99]
        for scale in [1e-9, 0.01, 0.3, 1, 3, 10, 20] { x += Self.samples(scale: scale, count: 20_011, seed: 5) }
        x += (0..<40_000).map { 12 + Double($0) * 2e-4 }  // the top of the range, where 2^k − 1 is inexact
        let kernel = Self.portableTanh(x), reference = x.map(Self.firstFormTanh)
        let differing = zip(kernel, reference).filter { $0.bitPattern != $1.bitPattern }.count
        #expect(differing == 0, "\(differing) of \(x.count) values differ from the first form")
    }

    @Test func specialValues() {
        let y = Self.vectorTanh([0.0, -0.0, .infinity, -.infinity, .nan, Double.leastNormalMagnitude / 3, 25, -25])
        #expect(y[0].bitPattern == (0.0).bitPattern && y[1].bitPattern == (-0.0).bitPattern)
        #expect(y[2] == 1 && y[3] == -1 && y[4].isNaN)
        #expect(y[5] == Double.leastNormalMagnitude / 3 && y[6] == 1 && y[7] == -1)
    }
}
