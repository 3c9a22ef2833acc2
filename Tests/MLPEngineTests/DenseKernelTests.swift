import CVectorMath
import Foundation
@testable import MLPEngine
import Testing

/// The fused small-block kernels of `dense_kernels.c` and the one-pass sigmoid must give the bits
/// of the plain loops they replaced (kept here as the reference, as they were written in
/// `MatrixProduct` and `VectorMath`), with AVX2 and with the generic C path alike.
@Suite(.serialized) struct DenseKernelTests {
    /// Odd sizes on purpose: every vector body and scalar tail of the kernels runs.
    static let shapes = [(1, 1, 1), (1, 200, 8), (8, 200, 2), (8, 200, 8), (16, 32, 16), (3, 37, 5), (7, 19, 13),
                         (13, 5, 3), (256, 9, 1), (5, 70, 31)]

    static func random(_ count: Int, _ g: inout SeededGenerator) -> [Double] {
        (0..<count).map { _ in g.nextUniform(-2, 2) }
    }

    /// The kernels' name for `activation`'s derivative, as the engine passes it (linear: none;
    /// softmax, which has no element-wise derivative, none too).
    static func kernelDerivative(_ activation: Activation) -> mlptop_derivative {
        MatrixProduct.kernelDerivative(activation) ?? MLPTOP_DERIVATIVE_NONE
    }

    /// Runs `body` once with the generic C kernels and once with the CPU's best.
    static func bothPaths(_ body: () -> Void) {
        mlptop_dense_kernels_force_generic(1)
        body()
        mlptop_dense_kernels_force_generic(0)
        body()
    }

    @Test func forwardMatchesTheBiasThenMultiplyAddLoops() {
        var g = SeededGenerator(seed: 3)
        for (m, n, k) in Self.shapes {
            let w = Self.random(m * k, &g), b = Self.random(m, &g), x = Self.random(k * n, &g)
            var expected = [Double](repeating: 0, count: m * n)
            for i in 0..<m {
                for j in 0..<n { expected[i * n + j] = b[i] }
                for p in 0..<k {
                    let scale = w[i * k + p]
                    for j in 0..<n { expected[i * n + j] += scale * x[p * n + j] }
                }
            }
            Self.bothPaths {
                var z = [Double](repeating: .nan, count: m * n)
                mlptop_dense_forward(w, b, x, &z, m, n, k)
                #expect(z.map(\.bitPattern) == expected.map(\.bitPattern), "\(m)×\(n)×\(k)")
            }
        }
    }

    @Test(arguments: [Activation.linear, .sigmoid, .tanh, .relu])
    func backwardMatchesTheTransposedProductThenTheDerivative(activation: Activation) {
        let derivative = Self.kernelDerivative(activation)
        var g = SeededGenerator(seed: 4)
        for (m, n, k) in Self.shapes {
            let w = Self.random(k * m, &g), delta = Self.random(k * n, &g)
            var z = Self.random(m * n, &g)
            if m * n > 2 { z[0] = 0; z[1] = -0.0 }  // relu' at exactly 0 is 0
            var a = [Double](repeating: 0, count: m * n)
            activation.apply(z, into: &a, neurons: m, count: n)
            var expected = [Double](repeating: 0, count: m * n)
            for p in 0..<k {
                for i in 0..<m {
                    let scale = w[p * m + i]
                    for j in 0..<n { expected[i * n + j] += scale * delta[p * n + j] }
                }
            }
            activation.backpropagate(&expected, z: z, a: a, neurons: m, count: n)
            Self.bothPaths {
                var out = [Double](repeating: .nan, count: m * n)
                mlptop_dense_backward(w, delta, &out, m, n, k, Int32(derivative.rawValue), z, a)
                #expect(out.map(\.bitPattern) == expected.map(\.bitPattern), "\(activation) \(m)×\(n)×\(k)")
            }
        }
    }

    @Test func weightGradientMatchesFourAccumulatorDots() {
        func dot(_ x: ArraySlice<Double>, _ y: ArraySlice<Double>) -> Double {
            let x = Array(x), y = Array(y)
            var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
            var i = 0
            while i + 4 <= x.count {
                s0 += x[i] * y[i]; s1 += x[i + 1] * y[i + 1]; s2 += x[i + 2] * y[i + 2]; s3 += x[i + 3] * y[i + 3]
                i += 4
            }
            while i < x.count { s0 += x[i] * y[i]; i += 1 }
            return (s0 + s1) + (s2 + s3)
        }
        var g = SeededGenerator(seed: 5)
        for (m, n, k) in Self.shapes {
            let delta = Self.random(m * k, &g), x = Self.random(n * k, &g)
            let dw0 = Self.random(m * n, &g), db0 = Self.random(m, &g)
            var dw = dw0, db = db0
            let ones = [Double](repeating: 1, count: k)
            for i in 0..<m {
                let row = delta[(i * k)..<(i * k + k)]
                for j in 0..<n { dw[i * n + j] += dot(row, x[(j * k)..<(j * k + k)]) }
                db[i] += dot(row, ones[...])
            }
            Self.bothPaths {
                var gotW = dw0, gotB = db0
                mlptop_dense_weight_gradient(delta, x, &gotW, &gotB, m, n, k)
                #expect(gotW.map(\.bitPattern) == dw.map(\.bitPattern), "\(m)×\(n)×\(k)")
                #expect(gotB.map(\.bitPattern) == db.map(\.bitPattern), "\(m)×\(n)×\(k)")
            }
        }
    }

    /// The bias gradient beside a BLAS weight gradient: the four-partial-sum order of the Swift
    /// loop it replaced, on rows of every length mod 4 and a row count not a multiple of 4.
    @Test func rowSumsMatchTheFourAccumulatorLoop() {
        func sum(_ x: ArraySlice<Double>) -> Double {
            var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
            var i = x.startIndex
            while i + 4 <= x.endIndex { s0 += x[i]; s1 += x[i + 1]; s2 += x[i + 2]; s3 += x[i + 3]; i += 4 }
            while i < x.endIndex { s0 += x[i]; i += 1 }
            return (s0 + s1) + (s2 + s3)
        }
        var g = SeededGenerator(seed: 8)
        for (m, k) in [(1, 1), (3, 7), (4, 8), (9, 33), (32, 512), (33, 510)] {
            let x = Self.random(m * k, &g), start = Self.random(m, &g)
            let expected = (0..<m).map { start[$0] + sum(x[($0 * k)..<($0 * k + k)]) }
            Self.bothPaths {
                var got = start
                mlptop_row_sums(x, &got, m, k)
                #expect(got.map(\.bitPattern) == expected.map(\.bitPattern), "\(m)×\(k)")
            }
        }
    }

    /// The derivative step after a BLAS backward product: the bits of `Activation.backpropagate`.
    @Test(arguments: [Activation.sigmoid, .tanh, .relu, .linear])
    func derivativeStepMatchesBackpropagate(activation: Activation) {
        let derivative = Self.kernelDerivative(activation)
        var g = SeededGenerator(seed: 9)
        for count in [1, 3, 4, 5, 17, 64, 1_027] {
            var z = Self.random(count, &g)
            if count > 4 { z[1] = 0; z[2] = -0.0; z[3] = .nan }
            var a = z
            activation.apply(z, into: &a, neurons: 1, count: count)
            let start = Self.random(count, &g)
            var expected = start
            activation.backpropagate(&expected, z: z, a: a, neurons: 1, count: count)
            Self.bothPaths {
                var got = start
                mlptop_apply_derivative(&got, Int32(derivative.rawValue), z, a, count)
                #expect(got.map(\.bitPattern) == expected.map(\.bitPattern), "\(activation) \(count)")
            }
        }
    }

    @Test func oneSigmoidPassMatchesExpThenDivide() {
        var g = SeededGenerator(seed: 6)
        for count in [1, 2, 3, 4, 5, 7, 8, 9, 17, 64, 67] {
            var x = (0..<count).map { _ in g.nextUniform(-40, 40) }
            let specials: [Double] = [0, -0.0, .nan, .infinity, -.infinity, 800, -800, 1e-300]
            for (index, value) in specials.enumerated() where index < count { x[(index * 5) % count] = value }
            var expected = x.map { -Swift.abs($0) }
            expected.withUnsafeMutableBufferPointer { VectorMath.exp($0.baseAddress!, into: $0.baseAddress!, count: count) }
            for i in 0..<count {
                let e = expected[i]
                expected[i] = x[i] >= 0 ? 1 / (1 + e) : e / (1 + e)
            }
            var y = [Double](repeating: 0, count: count)
            VectorMath.sigmoid(x, into: &y, count: count)
            #expect(y.map(\.bitPattern) == expected.map(\.bitPattern), "count \(count)")
        }
    }
}
