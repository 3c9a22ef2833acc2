import Foundation

/// The function a layer applies to its weighted inputs: `a = f(z)`.
///
/// Each case has its forward map and its derivative written side by side. Buffers hold one row per
/// neuron and one column per sample (`value[neuron * count + sample]`), the textbook `z = W·a + b`
/// layout, so softmax normalises down each column.
public enum Activation: String, CaseIterable, Sendable, Codable {
    case sigmoid
    case tanh
    case relu
    case linear
    case softmax

    /// Computes `a = f(z)` for a `neurons × count` block. O(neurons × count).
    @inlinable
    public func apply(
        _ z: UnsafePointer<Double>, into a: UnsafeMutablePointer<Double>, neurons: Int, count: Int
    ) {
        let n = neurons * count
        switch self {
        case .sigmoid:
            VectorMath.sigmoid(z, into: a, count: n)
        case .tanh:
            VectorMath.tanh(z, into: a, count: n)
        case .relu:
            // `z > 0 ? z : 0` maps -0.0 and NaN the way PyTorch's relu does.
            for i in 0..<n { a[i] = z[i] > 0 ? z[i] : 0 }
        case .linear:
            if UnsafePointer(a) != z { a.update(from: z, count: n) }
        case .softmax:
            Activation.softmaxColumns(z, into: a, neurons: neurons, count: count)
        }
    }

    /// Turns `∂E/∂a` (in `gradient`) into `∂E/∂z` in place, using the cached `z` and `a`.
    ///
    /// σ' = σ(1−σ); tanh' = 1 − tanh²; relu' = 1 where z > 0, else 0 (0 at exactly 0, as PyTorch);
    /// linear' = 1; softmax: ∂E/∂z = a ⊙ (∂E/∂a − Σ_k a_k ∂E/∂a_k) per sample.
    @inlinable
    public func backpropagate(
        _ gradient: UnsafeMutablePointer<Double>, z: UnsafePointer<Double>, a: UnsafePointer<Double>,
        neurons: Int, count: Int
    ) {
        let n = neurons * count
        switch self {
        case .sigmoid:
            for i in 0..<n { gradient[i] = gradient[i] * (a[i] * (1 - a[i])) }
        case .tanh:
            for i in 0..<n { gradient[i] = gradient[i] * (1 - a[i] * a[i]) }
        case .relu:
            // Both sides loaded before the choice, so it compiles to a vector select (a branch
            // here mispredicted on every other sample: 7 % of the large benchmark).
            for i in 0..<n {
                let g = gradient[i]
                gradient[i] = z[i] > 0 ? g : 0
            }
        case .linear:
            break
        case .softmax:
            for s in 0..<count {
                var dot = 0.0
                for k in 0..<neurons { dot += gradient[k * count + s] * a[k * count + s] }
                for k in 0..<neurons {
                    let i = k * count + s
                    gradient[i] = a[i] * (gradient[i] - dot)
                }
            }
        }
    }

    /// Softmax down each column, subtracting the column's maximum first so `exp` cannot overflow.
    @inlinable
    static func softmaxColumns(
        _ z: UnsafePointer<Double>, into a: UnsafeMutablePointer<Double>, neurons: Int, count: Int
    ) {
        for s in 0..<count {
            var largest = -Double.infinity
            for k in 0..<neurons { largest = Swift.max(largest, z[k * count + s]) }
            var total = 0.0
            for k in 0..<neurons {
                let e = Foundation.exp(z[k * count + s] - largest)
                a[k * count + s] = e
                total += e
            }
            for k in 0..<neurons { a[k * count + s] /= total }
        }
    }

    /// Whether this activation may only be used on the output layer.
    public var isOutputOnly: Bool { self == .softmax }
}
