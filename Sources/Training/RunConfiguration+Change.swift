import Foundation
import MLPEngine

/// One setting changed by name, as typed at the monitor's fork prompt: `lr=0.3`, `optimizer=adam`,
/// `activation=relu`, `seed=7`, `hidden=8,8`, `batch=32`, `l2=1e-4`, `l1=1e-3`, `momentum=0.5`.
public struct ConfigurationChange: Sendable, Equatable, CustomStringConvertible {
    /// The key as typed (an alias such as `l2` kept, so labels read as the user wrote them).
    public var key: String
    public var value: String

    /// The keys a change may name, with the flag each stands for.
    public static let keys: [(key: String, flag: String)] = [
        ("lr", "--lr"), ("optimizer", "--optimizer"), ("momentum", "--momentum"), ("beta1", "--beta1"),
        ("beta2", "--beta2"), ("eps", "--eps"), ("l2", "--weight-decay"), ("weight-decay", "--weight-decay"),
        ("l1", "--l1"), ("batch", "--batch"), ("seed", "--seed"), ("activation", "--activation"),
        ("hidden", "--hidden"),
    ]

    /// `key=value`, or a one-line reason it is not one.
    public static func parse(_ text: String) throws(RunSetupError) -> ConfigurationChange {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw RunSetupError("'\(trimmed)' is not KEY=VALUE (e.g. lr=0.3)", exitStatus: 64)
        }
        guard keys.contains(where: { $0.key == parts[0] }) else {
            throw RunSetupError("unknown key '\(parts[0])'; one of: \(keys.map(\.key).joined(separator: ", "))", exitStatus: 64)
        }
        return ConfigurationChange(key: parts[0], value: parts[1])
    }

    public var description: String { "\(key)=\(value)" }

    /// Whether the change keeps the network's shape and the data, so a fork can go on from the
    /// current weights (else it starts from fresh weights at epoch 0).
    public var keepsWeights: Bool { !["seed", "activation", "hidden"].contains(key) }
}

extension RunConfiguration {
    /// This configuration with `change` applied and validated as the flag would be (same messages).
    public func applying(_ change: ConfigurationChange) throws(RunSetupError) -> RunConfiguration {
        var c = self
        let flag = ConfigurationChange.keys.first { $0.key == change.key }?.flag ?? change.key
        func number() throws(RunSetupError) -> Double {
            guard let x = Double(change.value) else { throw RunSetupError("\(flag): '\(change.value)' is not a number", exitStatus: 64) }
            return x
        }
        switch change.key {
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
        if change.key == "hidden", c.hiddenSizes.contains(where: { $0 < 1 }) {
            throw RunSetupError("\(flag): layer sizes must be positive, not \(change.value)", exitStatus: 64)
        }
        try c.validate()
        return c
    }
}
