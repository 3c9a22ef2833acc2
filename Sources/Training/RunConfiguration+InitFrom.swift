import MLPEngine

extension RunConfiguration {
    /// Takes the settings an `--init-from` model records (data set, seed, features,
    /// standardisation, loss, optimiser) for those the command line did not give again, so a
    /// continued run trains as the model was trained; returns what to tell the user, one line each:
    /// the settings taken from the model, and those given again with another value.
    ///
    /// `given` holds the long flags on the command line (`--dataset`, `--lr`, …). A `--loss` that
    /// differs from the model's is refused (status 64): the loss is built into its output layer.
    public mutating func adoptSettings(of model: ModelFile, path: String, given: Set<String>) throws(RunSetupError)
        -> [String] {
        var adopted: [String] = [], differing: [String] = []
        func take(_ flag: String, _ mine: String, _ theirs: String?, apply: () -> Void) {
            guard let theirs else { return }
            if !given.contains(flag) {
                apply()
                adopted.append(theirs.isEmpty ? flag : "\(flag) \(theirs)")
            } else if mine != theirs {
                differing.append("\(flag)\(mine.isEmpty ? "" : " " + mine) (\(path): \(theirs.isEmpty ? "on" : theirs))")
            }
        }
        if let name = model[metadata: "dataset"]?.stringValue {
            take("--dataset", dataset, name) { dataset = name }
        }
        if let seed = model[metadata: "seed"]?.uint64Value {
            take("--seed", "\(self.seed)", "\(seed)") { self.seed = seed }
        }
        if let spec = model[metadata: "features"]?.arrayValue?.compactMap(\.stringValue) {
            take("--features", features?.joined(separator: ",") ?? "the raw inputs", spec.joined(separator: ",")) {
                features = spec
            }
        } else if given.contains("--features"), let features {
            differing.append("--features \(features.joined(separator: ",")) (\(path): the raw inputs)")
        }
        if model[metadata: "standardize"] != nil {
            take("--standardize", "", "") { standardize = true }
        } else if given.contains("--standardize") {
            differing.append("--standardize (\(path): not standardised; the model's inputs change)")
        }
        let modelLoss = model.network.loss
        if let loss, given.contains("--loss"), loss != modelLoss {
            throw RunSetupError("--loss \(loss.rawValue) differs from the loss \(modelLoss.rawValue) of the model in \(path), "
                                + "whose output layer is built for it", exitStatus: 64)
        }
        if !given.contains("--loss") { loss = modelLoss }
        if let saved = model[metadata: "optimizer"], let kindName = saved["kind"]?.stringValue,
           let kind = OptimizerKind(rawValue: kindName) {
            try adoptOptimizer(saved, kind: kind, path: path, given: given, adopted: &adopted, differing: &differing)
        }
        var notes: [String] = []
        if !adopted.isEmpty { notes.append("from \(path), not given again: " + adopted.joined(separator: " ")) }
        if !differing.isEmpty { notes.append("given again, unlike \(path): " + differing.joined(separator: ", ")) }
        return notes
    }

    /// The optimiser part of `adoptSettings`: the model's kind unless `--optimizer` is given, and
    /// while the kind is the model's, each setting not given again. A setting given for another
    /// kind than the model's (`--momentum` for an Adam model) is refused (status 64).
    private mutating func adoptOptimizer(
        _ saved: JSONValue, kind: OptimizerKind, path: String, given: Set<String>,
        adopted: inout [String], differing: inout [String]
    ) throws(RunSetupError) {
        if !given.contains("--optimizer") {
            let foreign = (kind == .momentum ? [] : ["--momentum"]) + (kind == .adam ? [] : ["--beta1", "--beta2", "--eps"])
            if let flag = foreign.first(where: given.contains) {
                throw RunSetupError("\(flag) does not apply to \(kind.rawValue), the optimizer of the model in \(path) "
                                    + "(give --optimizer to change it)", exitStatus: 64)
            }
            adopted.append("--optimizer \(kind.rawValue)")
            optimizer.kind = kind
        } else if optimizer.kind != kind {
            differing.append("--optimizer \(optimizer.kind.rawValue) (\(path): \(kind.rawValue))")
            return
        }
        let fields: [(flag: String, key: String, used: Bool, value: WritableKeyPath<OptimizerSettings, Double>)] = [
            ("--lr", "lr", true, \.learningRate),
            ("--momentum", "momentum", kind == .momentum, \.momentum),
            ("--beta1", "beta1", kind == .adam, \.beta1),
            ("--beta2", "beta2", kind == .adam, \.beta2),
            ("--eps", "eps", kind == .adam, \.epsilon),
            ("--weight-decay", "weight_decay", true, \.weightDecay),
        ]
        for field in fields where field.used {
            guard let theirs = saved[field.key]?.doubleValue else { continue }
            let mine = optimizer[keyPath: field.value]
            if !given.contains(field.flag) {
                optimizer[keyPath: field.value] = theirs
                if field.flag != "--weight-decay" || theirs != 0 { adopted.append("\(field.flag) \(formatRate(theirs))") }
            } else if mine != theirs {
                differing.append("\(field.flag) \(formatRate(mine)) (\(path): \(formatRate(theirs)))")
            }
        }
    }
}
