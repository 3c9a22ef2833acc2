import Testing
import MLPEngine

/// Squared error on real targets: the loss, its gradient against finite differences, and the
/// word that carries a target through the passes.
struct RegressionLossTests {
    @Test func targetsRoundTripThroughTheirWords() {
        for value in [0.0, -0.0, 1.5, -0.14, 1e-300, -1e300, .pi, .infinity, -.infinity] {
            #expect(RegressionTarget.value(RegressionTarget.word(value)).bitPattern == value.bitPattern)
        }
        #expect(RegressionTarget.value(RegressionTarget.word(.nan)).isNaN)
    }

    @Test func lossIsTheMeanSquaredErrorOfALinearUnit() throws {
        // One input, no hidden layer: ŷ = w·x + b with w = 2, b = −1.
        var network = try Network(sizes: [1, 1], activations: [.linear], loss: .squaredError)
        network.parameters = [2, -1]
        let features = [0.0, 1.0, 2.0], targets = [0.5, 1.0, 4.0]
        let labels = targets.map(RegressionTarget.word)
        // Predictions −1, 1, 3: squared errors 2.25, 0, 1 → mean 3.25/3.
        #expect(abs(network.meanLoss(features: features, labels: labels) - 3.25 / 3) < 1e-15)
        // ∂E/∂w = (2/m) Σ (ŷ − y)·x = (2/3)(−1.5·0 + 0·1 + (−1)·2) = −4/3; ∂E/∂b = (2/3)(−2.5) = −5/3.
        let gradient = network.batchGradient(features: features, labels: labels)
        #expect(abs(gradient.gradient[0] - (-4.0 / 3)) < 1e-15)
        #expect(abs(gradient.gradient[1] - (-5.0 / 3)) < 1e-15)
        #expect(gradient.accuracy == 0, "a target is never a class to be right about")
    }

    // ReLU hidden layers are left to GradientCheckTests: with real targets a kink lands within the
    // stencil of these seeds, which measures the finite difference, not backprop.
    @Test(arguments: [Activation.sigmoid, .tanh, .linear], [Activation.linear, .tanh])
    func backpropMatchesExtendedPrecisionFiniteDifferences(hidden: Activation, output: Activation) throws {
        for seed: UInt64 in [1, 2] {
            let network = try Network(sizes: [3, 5, 4, 1], hidden: hidden, output: output, loss: .squaredError, seed: seed)
            var g = SeededGenerator(seed: seed + 100)
            let features = (0..<21).map { _ in g.nextUniform(-2, 2) }
            let labels = (0..<7).map { _ in RegressionTarget.word(g.nextUniform(-1.5, 1.5)) }
            let analytic = network.batchGradient(features: features, labels: labels).gradient
            let numeric = ExtendedPrecisionReference.numericGradient(network, features: features, labels: labels)
            for i in analytic.indices {
                let error = abs(numeric[i] - analytic[i]) / max(abs(numeric[i]), abs(analytic[i]), 1e-8)
                #expect(error < GradientCheckTests.tolerance, "parameter \(i): backprop \(analytic[i]), fd \(numeric[i])")
            }
        }
    }

    @Test func regressionNeedsOneOutputUnit() {
        #expect(throws: ModelError.self) { try Network(sizes: [2, 2], activations: [.linear], loss: .squaredError) }
        #expect(throws: ModelError.self) { try Network(sizes: [2, 1], activations: [.softmax], loss: .squaredError) }
    }
}
