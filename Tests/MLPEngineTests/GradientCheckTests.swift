import Testing
import MLPEngine

/// Backprop against finite differences for every activation × loss combination.
struct GradientCheckTests {
    /// The worst |fd − g| / max(|fd|, |g|, 1e-8) allowed (the bound).
    static let tolerance = 1e-6

    struct Case: CustomTestStringConvertible, Sendable {
        let hidden: Activation
        let output: Activation
        let loss: Loss
        let classes: Int
        var testDescription: String { "\(hidden.rawValue) hidden, \(output.rawValue) output, \(loss.rawValue), K=\(classes)" }
    }

    static let cases: [Case] = [Activation.sigmoid, .tanh, .relu, .linear].flatMap { hidden in
        [
            Case(hidden: hidden, output: .sigmoid, loss: .mse, classes: 2),
            Case(hidden: hidden, output: .linear, loss: .mse, classes: 2),
            Case(hidden: hidden, output: .tanh, loss: .mse, classes: 2),
            Case(hidden: hidden, output: .sigmoid, loss: .mse, classes: 3),
            Case(hidden: hidden, output: .softmax, loss: .mse, classes: 3),
            Case(hidden: hidden, output: .sigmoid, loss: .bce, classes: 2),
            Case(hidden: hidden, output: .softmax, loss: .softmaxCrossEntropy, classes: 3),
        ]
    }

    /// Random inputs in [−2, 2] and labels 0..<classes, seeded.
    static func samples(count: Int, inputs: Int, classes: Int, seed: UInt64) -> ([Double], [Int]) {
        var g = SeededGenerator(seed: seed)
        let features = (0..<(count * inputs)).map { _ in g.nextUniform(-2, 2) }
        let labels = (0..<count).map { $0 % classes }
        return (features, labels)
    }

    @Test(arguments: cases)
    func backpropMatchesExtendedPrecisionFiniteDifferences(_ c: Case) throws {
        let outputs = c.loss == .bce || (c.classes == 2 && c.output != .softmax) ? 1 : c.classes
        for seed: UInt64 in [1, 2] {
            let network = try Network(sizes: [3, 5, 4, outputs], hidden: c.hidden, output: c.output,
                                      loss: c.loss, seed: seed)
            let (features, labels) = Self.samples(count: 7, inputs: 3, classes: c.classes, seed: seed + 100)
            let analytic = network.batchGradient(features: features, labels: labels).gradient
            let numeric = ExtendedPrecisionReference.numericGradient(network, features: features, labels: labels)
            for i in analytic.indices {
                let error = abs(numeric[i] - analytic[i]) / max(abs(numeric[i]), abs(analytic[i]), 1e-8)
                #expect(error < Self.tolerance, "parameter \(i): backprop \(analytic[i]), finite difference \(numeric[i])")
            }
        }
    }

    @Test func engineGradientCheckAgreesOnADeeperNet() throws {
        let network = try Network(sizes: [2, 6, 6, 6, 1], hidden: .tanh, output: .sigmoid, loss: .bce, seed: 9)
        let (features, labels) = Self.samples(count: 20, inputs: 2, classes: 2, seed: 3)
        let result = GradientCheck.run(network, features: features, labels: labels)
        #expect(result.worstRelativeError < 1e-6)
    }

    @Test func aWrongDerivativeIsCaught() throws {
        // The checker must be able to fail: perturb one analytic gradient entry and compare.
        let network = try Network(sizes: [2, 3, 1], hidden: .sigmoid, output: .sigmoid, loss: .mse, seed: 4)
        let (features, labels) = Self.samples(count: 5, inputs: 2, classes: 2, seed: 8)
        var analytic = network.batchGradient(features: features, labels: labels).gradient
        analytic[0] *= 1.001
        let numeric = ExtendedPrecisionReference.numericGradient(network, features: features, labels: labels)
        let error = abs(numeric[0] - analytic[0]) / max(abs(numeric[0]), abs(analytic[0]), 1e-8)
        #expect(error > Self.tolerance)
    }

    @Test func shardSizeDoesNotChangeTheGradientBeyondRounding() throws {
        let network = try Network(sizes: [2, 40, 40, 3], hidden: .relu, output: .softmax,
                                  loss: .softmaxCrossEntropy, seed: 5)
        let (features, labels) = Self.samples(count: 301, inputs: 2, classes: 3, seed: 6)
        let whole = network.batchGradient(features: features, labels: labels, shardSize: 301)
        let sharded = network.batchGradient(features: features, labels: labels, shardSize: 7)
        #expect(abs(whole.loss - sharded.loss) <= 1e-14 * abs(whole.loss))
        for i in whole.gradient.indices {
            #expect(abs(whole.gradient[i] - sharded.gradient[i]) <= 1e-12 * max(abs(whole.gradient[i]), 1e-12))
        }
    }
}
