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
        // As the settings panel and the flags write them, where the configuration holds the value.
        func asSet(_ setting: RunSetting) -> (String, String?) { (setting.rawValue, c.value(of: setting)) }
        var settings: [(String, String?)] = [
            asSet(.dataset),
            ("n", builtIn.map { String(c.sampleCount ?? $0.defaultCount) }),
            ("noise", builtIn.map { "\(c.noise ?? $0.defaultNoise)" }),
            asSet(.features),
            ("standardize", "\(c.standardize)"),
            ("hidden", network.sizes.dropFirst().dropLast().map(String.init).joined(separator: ",")),
            asSet(.activation),
            ("loss", network.loss.rawValue),
            asSet(.optimizer),
            asSet(.lr),
        ]
        settings += [RunSetting.momentum, .beta1, .beta2, .eps]
            .map { setting in (setting.rawValue, setting.isIgnored(by: o.kind) ? nil : c.value(of: setting)) }
        settings += [asSet(.l2), asSet(.l1), ("batch", batch.description), ("epochs", String(c.epochs)), asSet(.seed),
                     asSet(.testFraction), ("init-from", c.initFrom)]
        return settings.compactMap { key, value in value.map { "\(key)=\($0)" } }
    }
}
