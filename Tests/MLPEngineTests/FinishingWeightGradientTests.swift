import CVectorMath
import MLPEngine
import Testing

/// The first layer's fused backward step (`mlptop_dense_finishing_weight_gradient`, used by
/// `accumulateGradient` when no one observes δ) must give the bits of the two steps it fuses.
@Suite(.serialized) struct FinishingWeightGradientTests {
    @Test(arguments: [Activation.sigmoid, .tanh, .relu, .linear])
    func kernelMatchesTheDerivativeThenTheWeightGradient(activation: Activation) {
        let derivative = DenseKernelTests.kernelDerivative(activation)
        var g = SeededGenerator(seed: 11)
        // Every input count the fused path takes (1–4) and more, with vector bodies and tails.
        for (m, n, k) in DenseKernelTests.shapes + [(32, 2, 256), (32, 3, 203), (9, 4, 66), (4, 1, 7)] {
            let delta = DenseKernelTests.random(m * k, &g), x = DenseKernelTests.random(n * k, &g)
            var z = DenseKernelTests.random(m * k, &g)
            if m * k > 2 { z[0] = 0; z[1] = -0.0 }
            var a = [Double](repeating: 0, count: m * k)
            activation.apply(z, into: &a, neurons: m, count: k)
            let dw0 = DenseKernelTests.random(m * n, &g), db0 = DenseKernelTests.random(m, &g)
            DenseKernelTests.bothPaths {
                var finished = delta, expectedW = dw0, expectedB = db0
                mlptop_apply_derivative(&finished, Int32(derivative.rawValue), z, a, m * k)
                mlptop_dense_weight_gradient(finished, x, &expectedW, &expectedB, m, n, k)
                var scratch = delta, gotW = dw0, gotB = db0
                mlptop_dense_finishing_weight_gradient(&scratch, Int32(derivative.rawValue), z, a, x,
                                                       &gotW, &gotB, m, n, k)
                #expect(gotW.map(\.bitPattern) == expectedW.map(\.bitPattern), "\(activation) \(m)×\(n)×\(k)")
                #expect(gotB.map(\.bitPattern) == expectedB.map(\.bitPattern), "\(activation) \(m)×\(n)×\(k)")
            }
        }
    }

    /// A pass with an observer takes the two steps apart (the observer sees the first layer's δ, or
    /// the sum before its derivative); one without fuses them where it can (2 inputs, a product past
    /// the small kernels): same gradient, bit for bit, and the observed first-layer δ is what the
    /// fused step summed.
    @Test(arguments: [Activation.tanh, .relu, .sigmoid])
    func fusedAndObservedPassesGiveTheSameGradient(hidden: Activation) throws {
        let network = try Network(sizes: [2, 32, 32, 1], hidden: hidden, output: .sigmoid, loss: .bce, seed: 3)
        let count = 300
        var g = SeededGenerator(seed: 8)
        let features = (0..<(2 * count)).map { _ in g.nextUniform(-1, 1) }
        let labels = (0..<count).map { $0 % 2 }
        let workspace = Workspace(for: network, capacity: count)
        features.withUnsafeBufferPointer { f in
            labels.withUnsafeBufferPointer { l in
                workspace.load(features: f.baseAddress!, labels: l.baseAddress!, featureCount: 2, range: 0..<count)
            }
        }
        var fused = [Double](repeating: 0, count: network.parameters.count)
        var observed = fused
        var firstDelta: [Double] = []
        let totalsFused = network.accumulateGradient(workspace, batchSize: count, into: &fused)
        let totalsObserved = network.accumulateGradient(workspace, batchSize: count, into: &observed) { layer, delta in
            if layer == 0 { firstDelta = Array(UnsafeBufferPointer(start: delta, count: 32 * count)) }
        }
        // Observing the backward sums too takes the derivative as a step of its own: same bits.
        var summed = [Double](repeating: 0, count: network.parameters.count)
        var firstSum: [Double] = []
        let totalsSummed = network.accumulateGradient(workspace, batchSize: count, into: &summed,
                                                      observeBackwardSum: { layer, sum in
            if layer == 0 { firstSum = Array(UnsafeBufferPointer(start: sum, count: 32 * count)) }
        })
        #expect(totalsFused == totalsObserved && totalsFused == totalsSummed)
        #expect(fused.map(\.bitPattern) == observed.map(\.bitPattern))
        #expect(fused.map(\.bitPattern) == summed.map(\.bitPattern))
        #expect(firstSum.count == 32 * count)
        // The observed δ₀ is what the fused step summed into the first layer's bias gradient
        // (four partial sums, as the header's order says).
        #expect(firstDelta.count == 32 * count)
        for i in 0..<32 {
            var s = [0.0, 0.0, 0.0, 0.0]
            for p in 0..<count { s[p < count / 4 * 4 ? p % 4 : 0] += firstDelta[i * count + p] }
            #expect(fused[network.shapes[0].biasOffset + i].bitPattern == ((s[0] + s[1]) + (s[2] + s[3])).bitPattern)
        }
    }
}

/// The bias fill before a BLAS forward product: every row of z its neuron's bias.
@Suite(.serialized) struct FillRowsTests {
    @Test func everyRowHoldsItsBias() {
        var g = SeededGenerator(seed: 12)
        for (m, n) in [(1, 1), (3, 7), (32, 256), (5, 13), (2, 8)] {
            let b = DenseKernelTests.random(m, &g)
            DenseKernelTests.bothPaths {
                var z = [Double](repeating: .nan, count: m * n)
                mlptop_fill_rows(&z, b, m, n)
                #expect(z == (0..<(m * n)).map { b[$0 / n] }, "\(m)×\(n)")
            }
        }
    }
}
