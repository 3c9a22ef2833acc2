import MLPEngine

extension RunSetting {
    /// Whether the optimiser `kind` ignores this setting: `momentum` is read by the momentum
    /// optimiser only, `beta1`, `beta2` and `eps` by Adam only (see `Optimizer.update`). Every
    /// other setting applies whatever the optimiser.
    public func isIgnored(by kind: OptimizerKind) -> Bool {
        switch self {
        case .momentum: kind != .momentum
        case .beta1, .beta2, .eps: kind != .adam
        default: false
        }
    }
}
