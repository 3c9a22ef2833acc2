import Foundation
import MLPEngine

/// One setting changed by name, as typed at the monitor's fork prompt (`lr=0.3`, `optimizer=adam`,
/// `hidden=8,8`, `l2=1e-4`) and, one value at a time, by `mlptop compare --vary`: the one parser
/// and validator of `KEY=VALUE` settings, so both accept the same keys with the same messages.
public struct ConfigurationChange: Sendable, Equatable, CustomStringConvertible {
    /// The key as typed (an alias such as `l2` kept, so labels read as the user wrote them).
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    /// A key a change may name: a training flag's name without the dashes (or an alias of one).
    public struct Key: Sendable, Equatable {
        public var name: String
        /// The flag it stands for (`--weight-decay` for `l2`).
        public var flag: String
        /// Whether a fork with this change goes on from the current weights (the network's shape
        /// and the data stay), else it starts from fresh weights at epoch 0.
        public var keepsWeights: Bool
        /// Whether a value is itself a comma list (`hidden=8,8`): `--vary` separates such values with `/`.
        public var isList: Bool
    }

    /// Every key, in the order help lists them.
    public static let keys: [Key] = {
        let fresh = ["dataset", "n", "noise", "features", "standardize", "hidden", "activation", "loss"]
        let kept = ["optimizer", "lr", "momentum", "beta1", "beta2", "eps", "weight-decay", "l1", "batch", "epochs"]
        return fresh.map { Key(name: $0, flag: "--" + $0, keepsWeights: false, isList: $0 == "hidden" || $0 == "features") }
            + kept.map { Key(name: $0, flag: "--" + $0, keepsWeights: true, isList: false) }
            + ["seed", "test-fraction", "init-from"].map { Key(name: $0, flag: "--" + $0, keepsWeights: false, isList: false) }
            + [Key(name: "l2", flag: "--weight-decay", keepsWeights: true, isList: false)]
    }()

    /// The key called `name`, or the one-line error naming every key.
    public static func key(named name: String) throws(RunSetupError) -> Key {
        guard let key = keys.first(where: { $0.name == name }) else {
            throw RunSetupError("unknown key \"\(name)\"; the keys are train flags without the dashes: "
                                + keys.map(\.name).joined(separator: ", "), exitStatus: 64)
        }
        return key
    }

    /// `key=value`, or a one-line reason it is not one.
    public static func parse(_ text: String) throws(RunSetupError) -> ConfigurationChange {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw RunSetupError("'\(trimmed)' is not KEY=VALUE (e.g. lr=0.3)", exitStatus: 64)
        }
        _ = try key(named: parts[0])
        return ConfigurationChange(key: parts[0], value: parts[1])
    }

    /// `KEY=V1,V2,…` (values of a list key separated by `/`: `hidden=8/8,8`): the key and its
    /// values, or a one-line reason (an unknown key, a value listed twice). Each value is then a
    /// change of its own, validated by `RunConfiguration.applying`.
    public static func parseValues(_ spec: String) throws(RunSetupError) -> (key: Key, values: [String]) {
        guard let equals = spec.firstIndex(of: "=") else {
            throw RunSetupError("expected KEY=V1,V2,… (e.g. lr=0.03,0.1,0.3)", exitStatus: 64)
        }
        let key = try key(named: String(spec[..<equals]))
        let values = spec[spec.index(after: equals)...].split(separator: key.isList ? "/" : ",", omittingEmptySubsequences: false)
            .map(String.init)
        if let repeated = values.enumerated().first(where: { values[..<$0.offset].contains($0.element) })?.element {
            throw RunSetupError("the value \"\(repeated)\" is listed twice", exitStatus: 64)
        }
        return (key, values)
    }

    public var description: String { "\(key)=\(value)" }

    /// Whether the change keeps the network's shape and the data, so a fork can go on from the
    /// current weights (else it starts from fresh weights at epoch 0).
    public var keepsWeights: Bool { Self.keys.first { $0.name == key }?.keepsWeights ?? false }
}

extension RunConfiguration {
    /// This configuration with `change` applied and validated as the flag would be (same messages).
    public func applying(_ change: ConfigurationChange) throws(RunSetupError) -> RunConfiguration {
        var c = self
        let flag = try ConfigurationChange.key(named: change.key).flag
        func number() throws(RunSetupError) -> Double {
            guard let x = Double(change.value) else { throw RunSetupError("\(flag): '\(change.value)' is not a number", exitStatus: 64) }
            return x
        }
        func whole() throws(RunSetupError) -> Int {
            guard let n = Int(change.value) else { throw RunSetupError("\(flag): '\(change.value)' is not a whole number", exitStatus: 64) }
            return n
        }
        switch change.key {
        case "dataset": c.dataset = change.value
        case "n": c.sampleCount = try whole()
        case "noise": c.noise = try number()
        case "features":
            c.features = change.value.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        case "standardize":
            guard let on = ["true": true, "false": false][change.value] else {
                throw RunSetupError("\(flag) takes true or false, not '\(change.value)'", exitStatus: 64)
            }
            c.standardize = on
        case "loss":
            guard let loss = Loss(rawValue: change.value) else {
                throw RunSetupError("\(flag): '\(change.value)' is not one of \(Loss.allCases.map(\.rawValue).joined(separator: ", "))",
                                    exitStatus: 64)
            }
            c.loss = loss
        case "epochs": c.epochs = try whole()
        case "test-fraction": c.testFraction = try number()
        case "init-from": c.initFrom = change.value
        case "lr": c.optimizer.learningRate = try number()
        case "momentum": c.optimizer.momentum = try number()
        case "beta1": c.optimizer.beta1 = try number()
        case "beta2": c.optimizer.beta2 = try number()
        case "eps": c.optimizer.epsilon = try number()
        case "l2", "weight-decay": c.optimizer.weightDecay = try number()
        case "l1": c.optimizer.l1 = try number()
        case "optimizer":
            guard let kind = OptimizerKind(rawValue: change.value) else {
                throw RunSetupError("\(flag): '\(change.value)' is not one of \(OptimizerKind.allCases.map(\.rawValue).joined(separator: ", "))",
                                    exitStatus: 64)
            }
            // A new optimiser starts at its own default rate unless the rate is changed too.
            if kind != c.optimizer.kind, kind == .adam || c.optimizer.kind == .adam {
                c.optimizer.learningRate = kind == .adam ? 0.01 : 0.1
            }
            c.optimizer.kind = kind
        case "activation":
            guard let activation = Activation(rawValue: change.value), !activation.isOutputOnly else {
                throw RunSetupError("\(flag): '\(change.value)' is not one of sigmoid, tanh, relu, linear", exitStatus: 64)
            }
            c.activation = activation
        case "hidden":
            let sizes = change.value.split(separator: ",", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !sizes.isEmpty, sizes.allSatisfy({ $0 != nil }) else {
                throw RunSetupError("\(flag): '\(change.value)' is not a list of layer sizes like 8,8", exitStatus: 64)
            }
            c.hiddenSizes = sizes.compactMap { $0 }
        case "batch":
            if change.value == "full" { c.batch = .full } else if let n = Int(change.value) { c.batch = .samples(n) } else {
                throw RunSetupError("\(flag) must be a positive whole number or 'full', not \"\(change.value)\"", exitStatus: 64)
            }
        case "seed":
            guard let seed = UInt64(change.value) else { throw RunSetupError("\(flag): '\(change.value)' is not a seed (0 or more)", exitStatus: 64) }
            c.seed = seed
        default:
            throw RunSetupError("unknown key '\(change.key)'", exitStatus: 64)
        }
        try c.validate()
        return c
    }
}
