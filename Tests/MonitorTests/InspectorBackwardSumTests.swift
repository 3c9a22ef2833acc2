import MLPEngine
import Monitor
import Testing

/// A hidden neuron's backward sum `Σₖ wₖⱼ δₖ` is written out as the forward sum is: the largest
/// products with the neuron each comes from, the rest summed and counted, and the engine's total.
@Suite struct InspectorBackwardSumTests {
    /// The backward section of neuron 1 of layer 1 of a seeded 2-3-8-1 tanh network, whose next
    /// layer has 8 neurons: more than the 6 written out in full.
    @Test func aHiddenNeuronsSumListsItsLargestTermsAndSumsTheRest() throws {
        let network = try Network(sizes: [2, 3, 8, 1], hidden: .tanh, output: .sigmoid, loss: .bce, seed: 7)
        var selection = NetworkViewState(sizes: network.sizes, sampleCount: 1)
        selection.move(dx: -selection.layer, dy: 0)
        let trace = network.trace(input: [0.5, -0.25], label: 1)
        let lines = Inspector(network: network, trace: trace, selection: selection, lastStep: nil, inputNames: ["x1", "x2"],
                              ascii: false).lines.map(\.text)
        let start = try #require(lines.firstIndex { $0.hasPrefix("backward") })
        let end = try #require(lines.firstIndex { $0.hasPrefix("gradient") })
        #expect(Array(lines[start..<end]) == [
            "backward  δ = ∂E/∂z  (w, δ of layer 2)",
            "  w(8,1)·δ8 = -0.6092 × (-0.2209) = +0.1345",
            "  w(1,1)·δ1 = -0.5143 × 0.2295 = -0.118",
            "  w(5,1)·δ5 = +0.2236 × 0.3664 = +0.08191",
            "  w(6,1)·δ6 = +0.3687 × (-0.1977) = -0.0729",
            "  + 4 smaller terms = +0.02145",
            "  Σ w·δ = +0.04698,  f′(z) = 1 − a² = +0.9386",
            "  δ = f′(z)·Σ w·δ = +0.04409",
        ])
    }

    /// The total is the engine's own: with ReLU, δ = Σ w·δ wherever z > 0, bit for bit.
    @Test func theTotalIsTheEnginesDeltaBeforeItsDerivative() throws {
        let network = try Network(sizes: [3, 12, 9, 2], hidden: .relu, output: .softmax, loss: .softmaxCrossEntropy, seed: 3)
        let trace = network.trace(input: [0.3, -1.2, 0.8], label: 1)
        for layer in 0..<2 {
            let sums = try #require(trace.layers[layer].backwardSum)
            let active = trace.layers[layer].z.indices.filter { trace.layers[layer].z[$0] > 0 }
            #expect(!active.isEmpty)
            for j in active { #expect(sums[j] == trace.layers[layer].delta[j], "layer \(layer + 1), neuron \(j + 1)") }
        }
        #expect(trace.layers[2].backwardSum == nil)
    }

    /// With tanh, δ = (1 − a²)·Σ w·δ, bit for bit: the pass applied its derivative to this sum.
    @Test func tanhsDeltaIsItsDerivativeTimesTheTotal() throws {
        let network = try Network(sizes: [2, 5, 7, 1], hidden: .tanh, output: .sigmoid, loss: .bce, seed: 11)
        let trace = network.trace(input: [-0.4, 0.9], label: 0)
        let sums = try #require(trace.layers[1].backwardSum)
        for (j, a) in trace.layers[1].a.enumerated() {
            #expect(((1 - a * a) * sums[j]).bitPattern == trace.layers[1].delta[j].bitPattern)
        }
    }
}

/// The forward sum's remainder is called "smaller" only while that is true: the followed weight,
/// listed in place of the last of the largest terms, can be smaller than terms left in the rest.
@Suite struct InspectorForwardRestTests {
    func forwardLines(following input: Int) throws -> [String] {
        let network = try Network(sizes: [8, 3, 1], hidden: .tanh, output: .sigmoid, loss: .bce, seed: 5)
        var selection = NetworkViewState(sizes: network.sizes, sampleCount: 1)
        selection.move(dx: -selection.layer, dy: 0)
        selection.input = input
        let trace = network.trace(input: [0.9, -0.7, 0.5, 0.3, -0.2, 0.8, -0.6, 0.4], label: 1)
        let lines = Inspector(network: network, trace: trace, selection: selection, lastStep: nil,
                              inputNames: (1...8).map { "x\($0)" }, ascii: false).lines.map(\.text)
        return lines.filter { $0.contains("terms =") }
    }

    @Test func theRestIsSmallerOnlyWhenItIs() throws {
        let network = try Network(sizes: [8, 3, 1], hidden: .tanh, output: .sigmoid, loss: .bce, seed: 5)
        let x = [0.9, -0.7, 0.5, 0.3, -0.2, 0.8, -0.6, 0.4]
        let products = (0..<8).map { abs(network.weights(ofLayer: 0)[$0] * x[$0]) }
        let order = products.indices.sorted { products[$0] > products[$1] }
        // Following one of the four largest terms: the other four are smaller than every one listed.
        #expect(try forwardLines(following: order[0]).first?.hasPrefix("  + 4 smaller terms = ") == true)
        // Following the smallest: it takes the fourth place, and the rest holds larger terms.
        #expect(try forwardLines(following: order[7]).first?.hasPrefix("  + 4 other terms = ") == true)
    }
}
