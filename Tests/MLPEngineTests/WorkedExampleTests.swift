import Foundation
import Testing
import MLPEngine

/// The textbook derivation by hand: x → (w1, b1, σ) → h → (w2, b2, σ) → ŷ, E = ½(ŷ − y)².
struct WorkedExampleTests {
    @Test func twoSigmoidNeuronsWithMSE() throws {
        let x = 0.5, y = 1.0
        let w1 = 0.3, b1 = -0.1, w2 = -0.8, b2 = 0.2
        var network = try Network(sizes: [1, 1, 1], activations: [.sigmoid, .sigmoid], loss: .mse)
        network.parameters = [w1, b1, w2, b2]

        // Forward, by hand.
        let z1 = w1 * x + b1
        let h = 1 / (1 + exp(-z1))
        let z2 = w2 * h + b2
        let yHat = 1 / (1 + exp(-z2))
        let loss = 0.5 * (yHat - y) * (yHat - y)
        // Backward, by the chain rule: δ2 = (ŷ − y)·σ'(z2), σ' = σ(1 − σ).
        let delta2 = (yHat - y) * yHat * (1 - yHat)
        let dW2 = delta2 * h, dB2 = delta2
        let delta1 = delta2 * w2 * h * (1 - h)
        let dW1 = delta1 * x, dB1 = delta1

        let result = network.batchGradient(features: [x], labels: [Int(y)])
        #expect(abs(result.loss - loss) <= 1e-15)
        let expected = [dW1, dB1, dW2, dB2]
        for (got, want) in zip(result.gradient, expected) {
            #expect(abs(got - want) <= 1e-15 * abs(want), "got \(got), expected \(want)")
        }
        // The numbers themselves, so a reader can follow along: ŷ ≈ 0.4477, ∂E/∂w2 ≈ −0.0700.
        #expect(abs(yHat - 0.447693) < 1e-6)
        #expect(abs(dW2 - (-0.069990)) < 1e-6)
    }
}
