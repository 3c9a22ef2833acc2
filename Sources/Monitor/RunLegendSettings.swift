import Datasets
import MLPEngine
import Training

extension PreparedRun {
    /// The settings this run trains with, as `key=value` in the order fork and compare keys are
    /// listed (the keys runs are named by): every default resolved to what the run uses (the
    /// hidden layers and loss of its network, its batch, a built-in set's samples and noise), and
    /// an optimiser's own settings only for that optimiser. The legend names a run by the ones
    /// that differ from the run on show's (`Dashboard.legendNames`).
    public var legendSettings: [String] {
        let c = configuration, o = c.optimizer
        let builtIn = BuiltInDataset.named(c.dataset)
        var settings: [(String, String?)] = [
            ("dataset", c.dataset),
            ("n", builtIn.map { String(c.sampleCount ?? $0.defaultCount) }),
            ("noise", builtIn.map { "\(c.noise ?? $0.defaultNoise)" }),
            ("features", c.features?.joined(separator: ",") ?? "raw"),
            ("standardize", "\(c.standardize)"),
            ("hidden", network.sizes.dropFirst().dropLast().map(String.init).joined(separator: ",")),
            ("activation", c.activation.rawValue),
            ("loss", network.loss.rawValue),
            ("optimizer", o.kind.rawValue),
            ("lr", formatRate(o.learningRate)),
        ]
        settings += [(RunSetting.momentum, "\(o.momentum)"), (.beta1, "\(o.beta1)"), (.beta2, "\(o.beta2)"), (.eps, "\(o.epsilon)")]
            .map { setting, value in (setting.rawValue, setting.isIgnored(by: o.kind) ? nil : value) }
        settings += [("weight-decay", "\(o.weightDecay)"), ("l1", "\(o.l1)"), ("batch", batch.description),
                     ("epochs", String(c.epochs)), ("seed", String(c.seed)), ("test-fraction", "\(c.testFraction)"),
                     ("init-from", c.initFrom)]
        return settings.compactMap { key, value in value.map { "\(key)=\($0)" } }
    }
}
