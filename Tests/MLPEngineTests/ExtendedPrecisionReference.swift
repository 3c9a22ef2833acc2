import Foundation
import MLPEngine

/// An independent forward pass in 80-bit extended precision, written per sample with scalar loops
/// and no code shared with the engine: the yardstick the finite-difference checks differentiate.
enum ExtendedPrecisionReference {
    static func activate(_ name: Activation, _ z: [Float80]) -> [Float80] {
        switch name {
        case .sigmoid: return z.map { 1 / (1 + exp(-$0)) }
        case .tanh: return z.map { tanh($0) }
        case .relu: return z.map { $0 > 0 ? $0 : 0 }
        case .linear: return z
        case .softmax:
            let top = z.max()!
            let e = z.map { exp($0 - top) }
            let total = e.reduce(0, +)
            return e.map { $0 / total }
        }
    }

    /// The mean loss of `network` (its parameters read as Float80, with `parameters` overriding).
    static func meanLoss(_ network: Network, parameters: [Float80], features: [Double], labels: [Int]) -> Float80 {
        let d = network.inputCount
        var total: Float80 = 0
        for s in 0..<labels.count {
            var a = (0..<d).map { Float80(features[s * d + $0]) }
            var z: [Float80] = []
            for shape in network.shapes {
                z = (0..<shape.outputs).map { o in
                    var sum = parameters[shape.biasOffset + o]
                    for k in 0..<shape.inputs { sum += parameters[shape.weightOffset + o * shape.inputs + k] * a[k] }
                    return sum
                }
                a = activate(shape.activation, z)
            }
            let label = labels[s]
            switch network.loss {
            case .mse:
                for k in 0..<a.count {
                    let target: Float80 = a.count == 1 ? Float80(label) : (k == label ? 1 : 0)
                    total += (a[k] - target) * (a[k] - target) / 2
                }
            case .bce:
                let y = Float80(label)
                total += -(y * log(a[0]) + (1 - y) * log(1 - a[0]))
            case .softmaxCrossEntropy:
                total += -log(a[label])
            case .squaredError:
                let y = Float80(RegressionTarget.value(label))
                total += (a[0] - y) * (a[0] - y)
            }
        }
        return total / Float80(labels.count)
    }

    /// ∂E/∂p for every parameter by the 4-point central difference
    /// (−E(p+2h) + 8E(p+h) − 8E(p−h) + E(p−2h)) / 12h, truncation error O(h⁴). A small h keeps ReLU kinks (a z within 2h of 0) out of the stencil.
    static func numericGradient(_ network: Network, features: [Double], labels: [Int], h: Float80 = 1e-6) -> [Double] {
        var p = network.parameters.map { Float80($0) }
        return (0..<p.count).map { i in
            let original = p[i]
            func loss(at offset: Float80) -> Float80 {
                p[i] = original + offset
                defer { p[i] = original }
                return meanLoss(network, parameters: p, features: features, labels: labels)
            }
            let numerator = -loss(at: 2 * h) + 8 * loss(at: h) - 8 * loss(at: -h) + loss(at: -2 * h)
            return Double(numerator / (12 * h))
        }
    }
}
