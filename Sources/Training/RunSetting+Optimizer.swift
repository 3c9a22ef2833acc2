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

    /// Why this setting cannot be given with an optimiser that ignores it, as the command line and
    /// the settings panel both say it: `--momentum applies to --optimizer momentum only`; nil for a
    /// setting every optimiser reads.
    public var optimizerOnlyReason: String? {
        switch self {
        case .momentum: "\(flag) applies to --optimizer momentum only"
        case .beta1, .beta2, .eps: "\(flag) applies to --optimizer adam only"
        default: nil
        }
    }
}
