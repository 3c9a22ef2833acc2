import Foundation
import MLPEngine
import Testing

/// `Network.trace` reads z, a, δ and the per-sample gradient out of the engine's own pass.
@Suite struct TraceTests {
    /// The 1-1-1 sigmoid/MSE chain of `WorkedExampleTests`, every intermediate number checked.
    @Test func traceShowsEveryNumberOfTheChainRule() throws {
        let x = 0.5, y = 1
        var network = try Network(sizes: [1, 1, 1], activations: [.sigmoid, .sigmoid], loss: .mse)
        network.parameters = [0.3, -0.1, -0.8, 0.2]
        let trace = network.trace(input: [x], label: y)
        let z1 = 0.3 * x - 0.1, h = 1 / (1 + exp(-z1))
        let z2 = -0.8 * h + 0.2, yHat = 1 / (1 + exp(-z2))
        let delta2 = (yHat - 1) * yHat * (1 - yHat)
        let delta1 = delta2 * -0.8 * h * (1 - h)
        #expect(trace.layers[0].z == [z1])
        #expect(abs(trace.layers[0].a[0] - h) <= 1e-16)
        #expect(abs(trace.layers[1].z[0] - z2) <= 1e-16)
        #expect(abs(trace.layers[1].a[0] - yHat) <= 2.3e-16)
        #expect(abs(trace.layers[1].delta[0] - delta2) <= 1e-16)
        #expect(abs(trace.layers[0].delta[0] - delta1) <= 1e-16)
        #expect(abs(trace.loss - 0.5 * (yHat - 1) * (yHat - 1)) <= 1e-16)
        #expect(trace.isCorrect == false)
        // ∂E/∂w = δ·a of the layer below, ∂E/∂b = δ.
        #expect(trace.gradient == [trace.layers[0].delta[0] * x, trace.layers[0].delta[0],
                                   trace.layers[1].delta[0] * trace.layers[0].a[0], trace.layers[1].delta[0]])
    }

    /// A batch gradient is the mean of its samples' gradients: the traces of every sample add up
    /// to the engine's batch gradient (to rounding), for every loss.
    @Test(arguments: [(Loss.mse, Activation.sigmoid, 1), (.bce, .sigmoid, 1), (.softmaxCrossEntropy, .softmax, 3)])
    func perSampleGradientsAverageToTheBatchGradient(loss: Loss, output: Activation, outputs: Int) throws {
        var network = try Network(sizes: [2, 5, 4, outputs], activations: [.tanh, .relu, output], loss: loss)
        var generator = SeededGenerator(seed: 11)
        for i in network.parameters.indices { network.parameters[i] = Double(generator.next() % 2001) / 1000 - 1 }
        let features = (0..<40).map { Double(($0 * 37) % 23) / 11 - 1 }
        let labels = (0..<20).map { $0 % max(2, outputs) }
        let batch = network.batchGradient(features: features, labels: labels)
        var sum = [Double](repeating: 0, count: network.parameters.count)
        var lossSum = 0.0
        for s in 0..<20 {
            let trace = network.trace(input: Array(features[(2 * s)..<(2 * s + 2)]), label: labels[s])
            lossSum += trace.loss
            for i in sum.indices { sum[i] += trace.gradient[i] }
        }
        #expect(abs(lossSum / 20 - batch.loss) <= 1e-14 * abs(batch.loss))
        for i in sum.indices {
            #expect(abs(sum[i] / 20 - batch.gradient[i]) <= 1e-13 * max(1, abs(batch.gradient[i])), "parameter \(i)")
        }
    }

    @Test func layerActivationsMatchTheForwardPassOfEachPointToRounding() throws {
        let network = try Network(sizes: [2, 3, 1], hidden: .tanh, output: .sigmoid, loss: .bce, seed: 4)
        let features = (0..<600).map { Double($0 % 17) / 8 - 1 }
        let all = network.layerActivations(features: features)
        for s in [0, 255, 256, 299] {
            let trace = network.trace(input: Array(features[(2 * s)..<(2 * s + 2)]), label: 0)
            for layer in 0..<2 {
                for neuron in 0..<network.shapes[layer].outputs {
                    // A product over 256 columns and one over 1 may round differently in the last bits.
                    #expect(abs(all[layer][neuron * 300 + s] - trace.layers[layer].a[neuron]) <= 1e-15)
                }
            }
        }
    }

    @Test func parametersAreNamedByLayerNeuronAndInput() throws {
        let network = try Network(sizes: [2, 3, 1], hidden: .tanh, output: .sigmoid, loss: .bce, seed: 4)
        #expect(network.parameterName(0) == "layer 1 w(1,1)")
        #expect(network.parameterName(5) == "layer 1 w(3,2)")
        #expect(network.parameterName(6) == "layer 1 b(1)")
        #expect(network.parameterName(9) == "layer 2 w(1,1)")
        #expect(network.parameterName(12) == "layer 2 b(1)")
        #expect(network.parameterIndex(layer: 0, neuron: 2, input: 1) == 5)
        #expect(network.parameterIndex(layer: 0, neuron: 2, input: 2) == 8)
        #expect(network.parameterIndex(layer: 1, neuron: 0, input: 3) == 12)
    }
}
