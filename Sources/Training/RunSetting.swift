import Datasets
import MLPEngine

/// A setting the monitor's settings panel can change while the run trains, named as the flag
/// (without dashes) that sets it on the command line.
public enum RunSetting: String, CaseIterable, Sendable, Hashable {
    case dataset, n, noise
    case testFraction = "test-fraction"
    case features, hidden, activation, loss, optimizer, lr, momentum, beta1, beta2, eps, l1
    case l2 = "weight-decay"
    case batch, seed

    /// The command-line flag, as error messages name it.
    public var flag: String { "--" + rawValue }

    /// Whether a change starts the run again from fresh weights: it changes the data or the
    /// network's shape. Optimiser settings, regularisation and the batch size go on from the
    /// current weights.
    public var forcesReset: Bool {
        switch self {
        case .optimizer, .lr, .momentum, .beta1, .beta2, .eps, .l1, .l2, .batch: false
        default: true
        }
    }

    /// Whether a change draws the data again (so points edited on the map are given up).
    public var changesData: Bool { [.dataset, .n, .noise, .testFraction, .seed].contains(self) }

    /// The choices Left and Right step through, when the setting has a fixed list.
    public var choices: [String]? {
        switch self {
        case .dataset: BuiltInDataset.allCases.map(\.rawValue)
        case .activation: ["sigmoid", "tanh", "relu", "linear"]
        case .loss: ["auto", "bce", "softmax-ce", "mse"]
        case .optimizer: OptimizerKind.allCases.map(\.rawValue)
        default: nil
        }
    }
}

extension RunConfiguration {
    /// The setting's value as the panel shows it and a flag would take it (`16,16`, `full`, `auto`).
    public func value(of setting: RunSetting) -> String {
        switch setting {
        case .dataset: dataset
        case .n: sampleCount.map(String.init) ?? "default"
        case .noise: noise.map { "\($0)" } ?? "default"
        case .testFraction: "\(testFraction)"
        case .features: features?.joined(separator: ",") ?? "raw"
        case .hidden: hiddenSizes.map(String.init).joined(separator: ",")
        case .activation: activation.rawValue
        case .loss: loss?.rawValue ?? "auto"
        case .optimizer: optimizer.kind.rawValue
        case .lr: formatRate(optimizer.learningRate)
        case .momentum: "\(optimizer.momentum)"
        case .beta1: "\(optimizer.beta1)"
        case .beta2: "\(optimizer.beta2)"
        case .eps: "\(optimizer.epsilon)"
        case .l1: "\(optimizer.l1)"
        case .l2: "\(optimizer.weightDecay)"
        case .batch: batch?.description ?? "default"
        case .seed: "\(seed)"
        }
    }

    /// This configuration with `setting` set to `text`, validated as the flag is, with the same
    /// messages (status 64). A data set that is a file drops `n` and `noise` (they apply to
    /// built-in data only); one that cannot be read is found when the run is prepared.
    public func applying(_ setting: RunSetting, _ text: String) throws(RunSetupError) -> RunConfiguration {
        let value = text.trimmingCharacters(in: .whitespaces)
        func fail(_ message: String) -> RunSetupError { RunSetupError(message, exitStatus: 64) }
        var c = self
        switch setting {
        case .dataset:
            guard !value.isEmpty else { throw fail("--dataset needs a file name") }
            c.dataset = BuiltInDataset.named(value)?.rawValue ?? value
            if BuiltInDataset.named(value) == nil { (c.sampleCount, c.noise) = (nil, nil) }
        case .n, .noise:
            guard BuiltInDataset.named(dataset) != nil else {
                throw fail("\(setting.flag) applies to built-in data sets only, and \(dataset) is a file")
            }
            if setting == .n {
                guard let n = Int(value) else { throw fail("--n: '\(value)' is not a whole number") }
                c.sampleCount = n
            } else {
                guard let noise = Double(value) else { throw fail("--noise: '\(value)' is not a number") }
                c.noise = noise
            }
        case .testFraction:
            guard let fraction = Double(value) else { throw fail("--test-fraction: '\(value)' is not a number") }
            c.testFraction = fraction
        case .features:
            c.features = value.isEmpty || value == "raw" ? nil
                : value.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        case .hidden:
            // Empty is no hidden layer, as `--hidden ""` is.
            let parts = value.isEmpty ? [] : value.split(separator: ",", omittingEmptySubsequences: false)
            var sizes: [Int] = []
            for part in parts {
                let item = part.trimmingCharacters(in: .whitespaces)
                guard let size = Int(item), (1...100_000).contains(size) else {
                    throw fail("--hidden: \"\(item)\" is not a layer size (a whole number from 1 to 100000)")
                }
                sizes.append(size)
            }
            c.hiddenSizes = sizes
        case .loss:
            if value == "auto" { c.loss = nil } else {
                guard let loss = Loss(rawValue: value) else { throw fail("--loss: '\(value)' is not one of mse, bce, softmax-ce, auto") }
                c.loss = loss
            }
        case .l2:
            return try applying(ConfigurationChange(key: "weight-decay", value: value))
        default:
            return try applying(ConfigurationChange(key: setting.rawValue, value: value))
        }
        try c.validate()
        return c
    }
}
