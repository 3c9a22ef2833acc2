import Foundation
import Testing
import MLPEngine

/// Each update rule, step by step, against the formulas computed here by hand, on two tensors
/// (two layers' weights and biases) so a step count advanced per tensor would show.
struct OptimizerTests {
    static let parameters: [Double] = [0.5, -0.25, 1.5, 0.125]
    static let gradients: [[Double]] = [[0.1, -0.2, 0.3, 0.05], [0.2, 0.1, -0.4, 0.0], [-0.3, 0.25, 0.1, 0.5]]

    @Test func sgdWithWeightDecay() {
        var p = Self.parameters
        var optimizer = Optimizer(settings: OptimizerSettings(kind: .sgd, learningRate: 0.1, weightDecay: 0.01),
                                  parameterCount: p.count)
        var expected = Self.parameters
        for g in Self.gradients {
            optimizer.update(&p, gradient: g)
            for i in expected.indices { expected[i] = expected[i] - 0.1 * (g[i] + 0.01 * expected[i]) }
        }
        for i in p.indices { #expect(abs(p[i] - expected[i]) <= 1e-15) }
        #expect(optimizer.step == 3)
    }

    @Test func momentumStartsFromTheFirstGradient() {
        var p = Self.parameters
        var optimizer = Optimizer(settings: OptimizerSettings(kind: .momentum, learningRate: 0.1, momentum: 0.9),
                                  parameterCount: p.count)
        var expected = Self.parameters
        var velocity = [Double](repeating: 0, count: p.count)
        for (step, g) in Self.gradients.enumerated() {
            optimizer.update(&p, gradient: g)
            for i in expected.indices {
                velocity[i] = step == 0 ? g[i] : 0.9 * velocity[i] + g[i]
                expected[i] -= 0.1 * velocity[i]
            }
        }
        for i in p.indices { #expect(abs(p[i] - expected[i]) <= 1e-15) }
    }

    @Test func adamBiasCorrectionCountsStepsNotTensors() {
        var p = Self.parameters
        let settings = OptimizerSettings(kind: .adam, learningRate: 0.01)
        var optimizer = Optimizer(settings: settings, parameterCount: p.count)
        var expected = Self.parameters
        var m = [Double](repeating: 0, count: p.count), v = m
        for (index, g) in Self.gradients.enumerated() {
            optimizer.update(&p, gradient: g)
            let t = Double(index + 1)
            for i in expected.indices {
                m[i] = 0.9 * m[i] + 0.1 * g[i]
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i]
                let mHat = m[i] / (1 - pow(0.9, t)), vHat = v[i] / (1 - pow(0.999, t))
                expected[i] -= 0.01 * mHat / (vHat.squareRoot() + 1e-8)
            }
        }
        for i in p.indices { #expect(abs(p[i] - expected[i]) <= 1e-12, "parameter \(i)") }
        // After step 1 Adam moves every parameter with a non-zero gradient by ≈ lr.
        var first = Self.parameters
        var fresh = Optimizer(settings: settings, parameterCount: first.count)
        fresh.update(&first, gradient: Self.gradients[0])
        #expect(abs(abs(first[0] - Self.parameters[0]) - 0.01) < 1e-6)
    }

    @Test func learningRateCanChangeBetweenSteps() {
        var p = [1.0]
        var optimizer = Optimizer(settings: OptimizerSettings(kind: .sgd, learningRate: 0.5), parameterCount: 1)
        optimizer.update(&p, gradient: [1])
        optimizer.settings.learningRate = 0.25
        optimizer.update(&p, gradient: [1])
        #expect(p == [0.25])
    }
}
