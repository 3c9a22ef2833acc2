import MLPEngine
import Testing

/// One backpropagation step of a 2-2-1 sigmoid network with squared error, worked by hand, every
/// number written out: the example of the README's "Trace one backprop step by hand" and of
/// `examples/backprop-2-2-1.json`. The weights are Matt Mazur's well-known "A Step by Step
/// Backpropagation Example" (inputs 0.05 and 0.1, w1…w4 = 0.15, 0.2, 0.25, 0.3, b1 = 0.35,
/// w5, w6 = 0.4, 0.45, b2 = 0.6), with one output and the class label 0 as its target.
///
/// The literals are the exact real-number results (40-digit arithmetic) rounded to 17 digits; the
/// engine's Double results must lie within a few units in the last place of them.
@Suite struct HandWorkedBackpropTests {
    static let x = [0.05, 0.1], label = 0

    static func network() throws -> Network {
        var network = try Network(sizes: [2, 2, 1], activations: [.sigmoid, .sigmoid], loss: .mse)
        // Layout: W₁ row-major (out × in), b₁, W₂, b₂.
        network.parameters = [0.15, 0.2, 0.25, 0.3, 0.35, 0.35, 0.4, 0.45, 0.6]
        return network
    }

    /// |got − want| ≤ 1e-15·|want|: a few units in the last place of a Double.
    static func expectClose(_ got: Double, _ want: Double, _ what: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(abs(got - want) <= 1e-15 * abs(want), "\(what): got \(got), worked by hand \(want)",
                sourceLocation: sourceLocation)
    }

    @Test func forwardPass() throws {
        let trace = try Self.network().trace(input: Self.x, label: Self.label)
        // z = Σ w·a + b: 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775 and 0.25·0.05 + 0.3·0.1 + 0.35 = 0.3925 (the
        // Doubles nearest 0.05, 0.1, … make both a hair smaller).
        Self.expectClose(trace.layers[0].z[0], 0.37749999999999998, "z of hidden neuron 1")
        Self.expectClose(trace.layers[0].z[1], 0.39249999999999998, "z of hidden neuron 2")
        // a = σ(z) = 1 / (1 + e^−z).
        Self.expectClose(trace.layers[0].a[0], 0.59326999210718725, "a of hidden neuron 1")
        Self.expectClose(trace.layers[0].a[1], 0.59688437825976705, "a of hidden neuron 2")
        // z = 0.4·0.59327 + 0.45·0.59688 + 0.6, ŷ = σ(z).
        Self.expectClose(trace.layers[1].z[0], 1.1059059670597701, "z of the output")
        Self.expectClose(trace.layers[1].a[0], 0.75136506955231571, "ŷ")
        // E = ½(ŷ − y)² with y = 0.
        Self.expectClose(trace.loss, 0.28227473387167811, "E")
        #expect(!trace.isCorrect, "ŷ ≥ 0.5 predicts class 1, the label is 0")
    }

    @Test func backwardPassAndGradient() throws {
        let trace = try Self.network().trace(input: Self.x, label: Self.label)
        // Output: δ = (ŷ − y)·σ′(z) = (ŷ − y)·ŷ·(1 − ŷ) = 0.75137 · 0.18682.
        Self.expectClose(trace.layers[1].delta[0], 0.14036671764664656, "δ of the output")
        // Hidden: δ = σ′(z)·Σ w·δ = a·(1 − a)·w·δ_out.
        Self.expectClose(trace.layers[0].delta[0], 0.013548235371242930, "δ of hidden neuron 1")
        Self.expectClose(trace.layers[0].delta[1], 0.015198352020457107, "δ of hidden neuron 2")
        // ∂E/∂w = δ·a of the layer below, ∂E/∂b = δ.
        let expected = [
            0.00067741176856214653, 0.0013548235371242931,  // ∂E/∂w of hidden neuron 1 (δ₁·x₁, δ₁·x₂)
            0.00075991760102285541, 0.0015198352020457108,  // ∂E/∂w of hidden neuron 2
            0.013548235371242930, 0.015198352020457107,     // ∂E/∂b of the hidden neurons
            0.083275361470337787, 0.083782700990882905,     // ∂E/∂w of the output (δ·a₁, δ·a₂)
            0.14036671764664656,                            // ∂E/∂b of the output
        ]
        #expect(trace.gradient.count == expected.count)
        for (index, (got, want)) in zip(trace.gradient, expected).enumerated() {
            Self.expectClose(got, want, "gradient of parameter \(index)")
        }
    }

    /// One step of plain gradient descent, w ← w − α·∂E/∂w with α = 0.5, on this sample alone.
    @Test func oneSGDStep() throws {
        var network = try Self.network()
        let trace = network.trace(input: Self.x, label: Self.label)
        var optimizer = Optimizer(settings: OptimizerSettings(kind: .sgd, learningRate: 0.5),
                                  parameterCount: network.parameters.count)
        optimizer.update(&network.parameters, gradient: trace.gradient)
        let expected = [
            0.14966129411571892, 0.19932258823143786, 0.24962004119948857, 0.29924008239897713,  // W₁
            0.34322588231437851, 0.34240082398977142,                                            // b₁
            0.35836231926483113, 0.40810864950455856,                                            // W₂
            0.52981664117667670,                                                                 // b₂
        ]
        for (index, (got, want)) in zip(network.parameters, expected).enumerated() {
            Self.expectClose(got, want, "updated parameter \(index)")
        }
        // The step lowers this sample's error.
        #expect(network.trace(input: Self.x, label: Self.label).loss < trace.loss)
    }
}
