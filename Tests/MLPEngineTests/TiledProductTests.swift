import CVectorMath
@testable import MLPEngine
import Testing

/// The register-tiled products (`tiled_products.c`) against their contract: the vector kernels
/// give the bits of the portable loops for every shape (tiles, row and column tails), the portable
/// loops are the fused multiply-add chains the header states, and the sums are right.
@Suite struct TiledProductTests {
    /// Row counts around the 6-row tile, column counts around the 8- and 4-wide panels, depths up
    /// to the 64 the kernels take.
    static let productShapes = [(1, 1, 1), (6, 8, 32), (32, 256, 32), (32, 244, 32), (5, 13, 7), (7, 9, 2),
                                (12, 4, 64), (33, 3, 17), (64, 250, 64), (2, 31, 5), (3, 12, 1), (4, 100, 40)]
    /// Neuron and input counts around the 4 × 3 tile, sample counts around the four lanes.
    static let gradientShapes = [(1, 1, 1), (4, 3, 8), (32, 32, 256), (32, 32, 244), (5, 7, 3), (3, 2, 9),
                                 (7, 11, 1001), (64, 64, 64), (2, 1, 5), (13, 4, 2), (6, 33, 17)]

    /// How many elements of `x` and `y` differ in any bit (a count, so a failure stays readable).
    static func differing(_ x: [Double], _ y: [Double]) -> Int {
        x.count != y.count ? max(x.count, y.count) : zip(x, y).filter { $0.bitPattern != $1.bitPattern }.count
    }

    @Test func vectorForwardAndBackwardGiveThePortableBits() throws {
        try #require(mlptop_tiled_products_available() != 0, "this CPU has no AVX2 + FMA: BLAS runs instead")
        var g = SeededGenerator(seed: 21)
        for (m, n, k) in Self.productShapes {
            let w = DenseKernelTests.random(m * k, &g), b = DenseKernelTests.random(m, &g)
            let x = DenseKernelTests.random(k * n, &g)
            var vector = [Double](repeating: .nan, count: m * n), portable = vector
            mlptop_tiled_forward(w, b, x, &vector, m, n, k)
            mlptop_tiled_forward_portable(w, b, x, &portable, m, n, k)
            #expect(Self.differing(vector, portable) == 0, "forward \(m)×\(n)×\(k)")
            // Backward reads w as k×m: the same numbers, transposed.
            vector = [Double](repeating: .nan, count: m * n)
            portable = vector
            mlptop_tiled_backward(w, x, &vector, m, n, k)
            mlptop_tiled_backward_portable(w, x, &portable, m, n, k)
            #expect(Self.differing(vector, portable) == 0, "backward \(m)×\(n)×\(k)")
        }
    }

    @Test func vectorWeightGradientGivesThePortableBits() throws {
        try #require(mlptop_tiled_products_available() != 0, "this CPU has no AVX2 + FMA: BLAS runs instead")
        var g = SeededGenerator(seed: 22)
        for (m, n, k) in Self.gradientShapes {
            let delta = DenseKernelTests.random(m * k, &g), x = DenseKernelTests.random(n * k, &g)
            let start = DenseKernelTests.random(m * n, &g)
            var vector = start, portable = start
            mlptop_tiled_weight_gradient(delta, x, &vector, m, n, k)
            mlptop_tiled_weight_gradient_portable(delta, x, &portable, m, n, k)
            #expect(Self.differing(vector, portable) == 0, "\(m)×\(n)×\(k)")
        }
    }

    /// The portable loops are the header's chains, written here again with Swift's fused
    /// `addingProduct`: forward from the bias, backward from 0 through wᵀ, the gradient in four
    /// lanes.
    @Test func portableLoopsAreTheStatedChains() {
        var g = SeededGenerator(seed: 23)
        let (m, n, k) = (5, 11, 9)
        let w = DenseKernelTests.random(m * k, &g), b = DenseKernelTests.random(m, &g)
        let x = DenseKernelTests.random(k * n, &g)
        var z = [Double](repeating: 0, count: m * n), gBack = z
        mlptop_tiled_forward_portable(w, b, x, &z, m, n, k)
        mlptop_tiled_backward_portable(w, x, &gBack, m, n, k)
        for i in 0..<m {
            for j in 0..<n {
                var forward = b[i], backward = 0.0
                for p in 0..<k {
                    forward = forward.addingProduct(w[i * k + p], x[p * n + j])
                    backward = backward.addingProduct(w[i + p * m], x[p * n + j])
                }
                #expect(z[i * n + j].bitPattern == forward.bitPattern)
                #expect(gBack[i * n + j].bitPattern == backward.bitPattern)
            }
        }
        let samples = 10
        let delta = DenseKernelTests.random(m * samples, &g), input = DenseKernelTests.random(n * samples, &g)
        var dw = DenseKernelTests.random(m * n, &g)
        let before = dw
        mlptop_tiled_weight_gradient_portable(delta, input, &dw, m, n, samples)
        for i in 0..<m {
            for j in 0..<n {
                var lanes = [0.0, 0.0, 0.0, 0.0]
                for p in 0..<8 { lanes[p % 4] = lanes[p % 4].addingProduct(delta[i * samples + p], input[j * samples + p]) }
                var sum = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3])
                for p in 8..<samples { sum = sum.addingProduct(delta[i * samples + p], input[j * samples + p]) }
                #expect(dw[i * n + j].bitPattern == (before[i * n + j] + sum).bitPattern)
            }
        }
    }

    /// The sums themselves, against 80-bit ones: within a few rounding errors of each term.
    @Test func productsAreTheSumsWithinRounding() {
        var g = SeededGenerator(seed: 24)
        let (m, n, k) = (32, 244, 32)
        let w = DenseKernelTests.random(m * k, &g), b = DenseKernelTests.random(m, &g)
        let x = DenseKernelTests.random(k * n, &g)
        var z = [Double](repeating: 0, count: m * n)
        mlptop_tiled_forward(w, b, x, &z, m, n, k)
        var dw = [Double](repeating: 0, count: m * m)
        mlptop_tiled_weight_gradient(z, z, &dw, m, m, n)
        for i in 0..<m {
            for j in 0..<n {
                var exact = Float80(b[i]), magnitude = Float80(abs(b[i]))
                for p in 0..<k {
                    exact += Float80(w[i * k + p]) * Float80(x[p * n + j])
                    magnitude += abs(Float80(w[i * k + p]) * Float80(x[p * n + j]))
                }
                #expect(abs(Float80(z[i * n + j]) - exact) <= Float80(k + 1) * 0x1p-53 * magnitude)
            }
            for j in 0..<m {
                var exact: Float80 = 0, magnitude: Float80 = 0
                for p in 0..<n {
                    exact += Float80(z[i * n + p]) * Float80(z[j * n + p])
                    magnitude += abs(Float80(z[i * n + p]) * Float80(z[j * n + p]))
                }
                #expect(abs(Float80(dw[i * m + j]) - exact) <= Float80(n + 2) * 0x1p-53 * magnitude)
            }
        }
    }

    /// `MatrixProduct` sends a 32-wide layer's products (the medium workload's) to the tiled
    /// kernels where they run, and keeps the small kernels below the threshold.
    @Test func matrixProductRoutesMidSizeLayersToTheTiles() throws {
        try #require(MatrixProduct.tiled, "this CPU has no AVX2 + FMA: BLAS runs instead")
        var g = SeededGenerator(seed: 25)
        let (m, n, k) = (32, 256, 32)
        let w = DenseKernelTests.random(m * k, &g), b = DenseKernelTests.random(m, &g)
        let x = DenseKernelTests.random(k * n, &g)
        var viaEngine = [Double](repeating: 0, count: m * n), tiled = viaEngine
        MatrixProduct.forward(weights: w, biases: b, input: x, into: &viaEngine, m: m, n: n, k: k)
        mlptop_tiled_forward_portable(w, b, x, &tiled, m, n, k)
        #expect(Self.differing(viaEngine, tiled) == 0)

        viaEngine = [Double](repeating: 0, count: m * n)
        MatrixProduct.backward(weights: w, delta: x, into: &viaEngine, m: m, n: n, k: k, activation: .linear,
                               z: x, a: x)
        mlptop_tiled_backward_portable(w, x, &tiled, m, n, k)
        #expect(Self.differing(viaEngine, tiled) == 0)

        var dw = [Double](repeating: 0, count: m * m), db = [Double](repeating: 0, count: m)
        var expected = dw
        MatrixProduct.weightGradient(delta: x, input: x, weights: &dw, biases: &db, m: m, n: m, k: n)
        mlptop_tiled_weight_gradient_portable(x, x, &expected, m, m, n)
        #expect(Self.differing(dw, expected) == 0)

        // A 2-8-8-1 net's 8×8 products on 200 samples stay in the small kernels (no FMA).
        let small = DenseKernelTests.random(8 * 8, &g), input = DenseKernelTests.random(8 * 200, &g)
        var viaSmall = [Double](repeating: 0, count: 8 * 200), plain = viaSmall
        MatrixProduct.forward(weights: small, biases: b, input: input, into: &viaSmall, m: 8, n: 200, k: 8)
        mlptop_dense_forward(small, b, input, &plain, 8, 200, 8)
        #expect(Self.differing(viaSmall, plain) == 0)
    }
}
