import Foundation
import Testing
import MLPEngine

/// Networks trained by the engine alone actually learn the classic problems.
struct LearningTests {
    /// Full-batch training with `optimizer` for `epochs` steps; returns the final accuracy.
    static func train(_ network: inout Network, features: [Double], labels: [Int],
                      settings: OptimizerSettings, epochs: Int) -> Double {
        var optimizer = Optimizer(settings: settings, parameterCount: network.parameters.count)
        for _ in 0..<epochs {
            let batch = network.batchGradient(features: features, labels: labels)
            optimizer.update(&network.parameters, gradient: batch.gradient)
        }
        return network.batchGradient(features: features, labels: labels).accuracy
    }

    @Test(arguments: [2, 4])
    func xorWithPlainGradientDescent(hidden: Int) throws {
        let features: [Double] = [0, 0, 0, 1, 1, 0, 1, 1]
        let labels = [0, 1, 1, 0]
        var network = try Network(sizes: [2, hidden, 1], hidden: .sigmoid, output: .sigmoid, loss: .mse, seed: 3)
        let before = network.meanLoss(features: features, labels: labels)
        let accuracy = Self.train(&network, features: features, labels: labels,
                                  settings: OptimizerSettings(kind: .sgd, learningRate: 2.0), epochs: 20_000)
        #expect(accuracy == 1.0)
        #expect(network.meanLoss(features: features, labels: labels) < before / 10)
    }

    /// Two interleaved arms, radius 0.05…1, 1.75 turns, as in TensorFlow Playground's spiral.
    static func spiral(count: Int, noise: Double, seed: UInt64) -> ([Double], [Int]) {
        var g = SeededGenerator(seed: seed)
        var features: [Double] = [], labels: [Int] = []
        for i in 0..<count {
            let arm = i % 2
            let r = 0.05 + 0.95 * Double(i / 2) / Double(count / 2)
            let t = Double.pi * Double(arm) + 1.75 * 2 * Double.pi * r
            features += [r * cos(t) + noise * g.nextUniform(-1, 1), r * sin(t) + noise * g.nextUniform(-1, 1)]
            labels.append(arm)
        }
        return (features, labels)
    }

    @Test func twoArmSpiral() throws {
        let (features, labels) = Self.spiral(count: 300, noise: 0.02, seed: 1)
        var network = try Network(sizes: [2, 32, 32, 1], hidden: .tanh, output: .sigmoid, loss: .bce, seed: 2)
        let accuracy = Self.train(&network, features: features, labels: labels,
                                  settings: OptimizerSettings(kind: .adam, learningRate: 0.03), epochs: 2_000)
        #expect(accuracy >= 0.95)
    }

    @Test func threeClassesWithSoftmax() throws {
        // Three Gaussian-free clusters on a line: separable, softmax must learn all three.
        var g = SeededGenerator(seed: 5)
        var features: [Double] = [], labels: [Int] = []
        for i in 0..<150 {
            let k = i % 3
            features += [Double(k) * 2 - 2 + g.nextUniform(-0.4, 0.4), g.nextUniform(-1, 1)]
            labels.append(k)
        }
        var network = try Network(sizes: [2, 8, 3], hidden: .relu, output: .softmax, loss: .softmaxCrossEntropy, seed: 1)
        let accuracy = Self.train(&network, features: features, labels: labels,
                                  settings: OptimizerSettings(kind: .momentum, learningRate: 0.1), epochs: 500)
        #expect(accuracy == 1.0)
    }
}
