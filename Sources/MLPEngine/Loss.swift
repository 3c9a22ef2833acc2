import CVectorMath
import Foundation

/// The error a network minimises, averaged over the m samples of a batch.
///
/// - `mse`: (1/m) Σ ½‖ŷ − y‖²; y is the label with one output unit, one-hot(label) with K > 1.
/// - `bce`: −(1/m) Σ [y ln ŷ + (1−y) ln(1−ŷ)] on one sigmoid unit, evaluated from the logit as
///   softplus(z) − y·z so it stays finite when ŷ rounds to 0 or 1.
/// - `softmaxCrossEntropy`: −(1/m) Σ ln softmax(z)[label], by log-sum-exp.
/// - `squaredError` (regression): (1/m) Σ (ŷ − y)² on one output unit, y the sample's real target
///   (`RegressionTarget`), without the ½: PyTorch's `MSELoss`, so the loss is the MSE.
public enum Loss: String, CaseIterable, Sendable, Codable {
    case mse
    case bce
    case softmaxCrossEntropy = "softmax-ce"
    case squaredError = "squared-error"

    /// The target of output unit `unit` for a sample of class `label`, for `mse`/`bce`.
    @inlinable
    static func target(label: Int, unit: Int, outputs: Int) -> Double {
        outputs == 1 ? Double(label) : (label == unit ? 1 : 0)
    }

    /// The summed (not yet averaged) loss of `count` samples whose output pre-activations are `z`
    /// and activations `a` (`outputs × count`, one column per sample).
    @inlinable
    public func total(
        z: UnsafePointer<Double>, a: UnsafePointer<Double>, labels: UnsafePointer<Int>,
        outputs: Int, count: Int
    ) -> Double {
        var sum = 0.0
        switch self {
        case .mse:
            var squares = 0.0
            for k in 0..<outputs {
                for s in 0..<count {
                    let d = a[k * count + s] - Loss.target(label: labels[s], unit: k, outputs: outputs)
                    squares += d * d
                }
            }
            sum = squares / 2
        case .squaredError:
            for s in 0..<count {
                let d = a[s] - RegressionTarget.value(labels[s])
                sum += d * d
            }
        case .bce:
            // Σ softplus(z) − y·z in sample order, exp and log1p four at a time (libmvec): the
            // scalar loop's log1p and exp were 3 % of the medium benchmark.
            sum = mlptop_bce_total(z, labels, count)
        case .softmaxCrossEntropy:
            for s in 0..<count {
                var largest = -Double.infinity
                for k in 0..<outputs { largest = Swift.max(largest, z[k * count + s]) }
                var total = 0.0
                for k in 0..<outputs { total += Foundation.exp(z[k * count + s] - largest) }
                sum += largest + Foundation.log(total) - z[labels[s] * count + s]
            }
        }
        return sum
    }

    /// Writes ∂E/∂z of the output layer into `delta`, for a batch of `batchSize` samples of which
    /// these `count` are a part.
    ///
    /// Sigmoid + BCE and softmax + cross-entropy use the fused form (ŷ − y)/m. MSE forms
    /// ∂E/∂ŷ = (ŷ − y)/m and applies the output activation's derivative by the chain rule;
    /// squared error likewise from 2(ŷ − y)/m.
    @inlinable
    public func outputDelta(
        z: UnsafePointer<Double>, a: UnsafePointer<Double>, labels: UnsafePointer<Int>,
        outputs: Int, count: Int, batchSize: Int, activation: Activation,
        into delta: UnsafeMutablePointer<Double>
    ) {
        let m = Double(batchSize)
        if self == .squaredError {
            for s in 0..<count { delta[s] = 2 * (a[s] - RegressionTarget.value(labels[s])) / m }
            activation.backpropagate(delta, z: z, a: a, neurons: outputs, count: count)
            return
        }
        for k in 0..<outputs {
            for s in 0..<count {
                let i = k * count + s
                delta[i] = (a[i] - Loss.target(label: labels[s], unit: k, outputs: outputs)) / m
            }
        }
        if self == .mse {
            activation.backpropagate(delta, z: z, a: a, neurons: outputs, count: count)
        }
    }
}
