import Foundation

/// Which update rule an optimiser applies.
public enum OptimizerKind: String, CaseIterable, Sendable, Codable {
    /// Plain gradient descent, `torch.optim.SGD` without momentum.
    case sgd
    /// `torch.optim.SGD` with momentum μ, dampening 0, not Nesterov.
    case momentum
    /// `torch.optim.Adam` with bias correction, ε added after the square root.
    case adam
}

/// The hyper-parameters of an optimiser. Defaults are PyTorch's.
public struct OptimizerSettings: Sendable, Equatable, Codable {
    public var kind: OptimizerKind
    /// α, the learning rate; may change between any two steps.
    public var learningRate: Double
    /// μ for `momentum`.
    public var momentum: Double
    /// β₁, β₂ and ε for `adam`.
    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    /// L2 weight decay: `wd·p` is added to the gradient before the update, as PyTorch does.
    public var weightDecay: Double
    /// L1 regularisation λ: the penalty λ·Σ|w| over the weights (not the biases) added to the loss,
    /// so λ·sign(w) (sign(0) = 0) joins each weight's gradient. Applied by the training run, which
    /// knows which parameters are weights; the optimiser only carries the setting.
    public var l1: Double

    public init(
        kind: OptimizerKind = .sgd, learningRate: Double, momentum: Double = 0.9, beta1: Double = 0.9,
        beta2: Double = 0.999, epsilon: Double = 1e-8, weightDecay: Double = 0, l1: Double = 0
    ) {
        self.kind = kind
        self.learningRate = learningRate
        self.momentum = momentum
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.l1 = l1
    }
}

/// An optimiser and its state (momentum buffer, Adam moments, step count).
///
/// The update rules are PyTorch's single-tensor float64 code, element by element in the same
/// operation order, so a run here and a run in PyTorch agree to rounding:
/// - sgd: `p ← p − α·g`
/// - momentum: step 1 `v ← g`, later `v ← μ·v + g`; `p ← p − α·v`
/// - adam (t = 1, 2, …): `m ← m + (1−β₁)(g − m)`, `v ← β₂·v + (1−β₂)·g·g`,
///   `p ← p − (α/(1−β₁ᵗ))·m / (√v/√(1−β₂ᵗ) + ε)`
/// where g = ∂E/∂p + wd·p. The step count advances once per step, not once per tensor.
public struct Optimizer: Sendable, Equatable {
    public var settings: OptimizerSettings
    /// Completed steps (t).
    public private(set) var step: Int = 0
    /// Momentum buffer, or Adam's first moment m.
    public private(set) var firstMoment: [Double]
    /// Adam's second moment v (empty for other kinds).
    public private(set) var secondMoment: [Double]

    /// A fresh optimiser for `parameterCount` parameters.
    public init(settings: OptimizerSettings, parameterCount: Int) {
        self.settings = settings
        firstMoment = settings.kind == .sgd ? [] : Array(repeating: 0, count: parameterCount)
        secondMoment = settings.kind == .adam ? Array(repeating: 0, count: parameterCount) : []
    }

    /// An optimiser resumed from saved state.
    public init(settings: OptimizerSettings, step: Int, firstMoment: [Double], secondMoment: [Double]) {
        self.settings = settings
        self.step = step
        self.firstMoment = firstMoment
        self.secondMoment = secondMoment
    }

    /// Applies one update to `parameters` from `gradient` (same layout). O(parameters).
    public mutating func update(_ parameters: inout [Double], gradient: [Double]) {
        precondition(parameters.count == gradient.count, "gradient and parameters differ in length")
        step += 1
        let lr = settings.learningRate, wd = settings.weightDecay
        let n = parameters.count
        parameters.withUnsafeMutableBufferPointer { p in
            gradient.withUnsafeBufferPointer { g in
                switch settings.kind {
                case .sgd:
                    for i in 0..<n {
                        let gi = wd != 0 ? g[i] + wd * p[i] : g[i]
                        p[i] = p[i] + -lr * gi
                    }
                case .momentum:
                    let mu = settings.momentum, first = step == 1
                    firstMoment.withUnsafeMutableBufferPointer { v in
                        for i in 0..<n {
                            let gi = wd != 0 ? g[i] + wd * p[i] : g[i]
                            v[i] = first ? gi : v[i] * mu + gi
                            p[i] = p[i] + -lr * v[i]
                        }
                    }
                case .adam:
                    updateAdam(p, g, n: n)
                }
            }
        }
    }

    private mutating func updateAdam(_ p: UnsafeMutableBufferPointer<Double>, _ g: UnsafeBufferPointer<Double>, n: Int) {
        let beta1 = settings.beta1, beta2 = settings.beta2, eps = settings.epsilon, wd = settings.weightDecay
        let t = Double(step)
        let biasCorrection1 = 1 - Foundation.pow(beta1, t)
        let biasCorrection2 = 1 - Foundation.pow(beta2, t)
        let stepSize = settings.learningRate / biasCorrection1
        let biasCorrection2Root = biasCorrection2.squareRoot()
        let weight = 1 - beta1, oneMinusBeta2 = 1 - beta2
        firstMoment.withUnsafeMutableBufferPointer { m in
            secondMoment.withUnsafeMutableBufferPointer { v in
                for i in 0..<n {
                    let gi = wd != 0 ? g[i] + wd * p[i] : g[i]
                    // torch.lerp_(m, g, 1−β₁): m + w·(g − m) for w < 0.5, else g − (g − m)·(1 − w).
                    m[i] = weight < 0.5 ? m[i] + weight * (gi - m[i]) : gi - (gi - m[i]) * (1 - weight)
                    v[i] = v[i] * beta2 + oneMinusBeta2 * gi * gi
                    let denominator = v[i].squareRoot() / biasCorrection2Root + eps
                    p[i] = p[i] + -stepSize * m[i] / denominator
                }
            }
        }
    }
}
