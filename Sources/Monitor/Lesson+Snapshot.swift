import MLPEngine

extension Lesson {
    /// The settings a snapshot's `run.json` member `configuration` holds, by their flags: the
    /// snake_case members become the flags' names (`test_fraction` is `test-fraction`).
    static let snapshotFields: [String: String] = [
        "dataset": "dataset", "n": "n", "noise": "noise", "features": "features", "standardize": "standardize",
        "hidden": "hidden", "activation": "activation", "loss": "loss", "task": "task", "batch": "batch", "epochs": "epochs",
        "seed": "seed", "test_fraction": "test-fraction", "threads": "threads", "init_from": "init-from",
    ]

    /// The members of `configuration.optimizer`, by their flags (`kind` is `optimizer`).
    static let snapshotOptimizerFields: [String: String] = [
        "kind": "optimizer", "lr": "lr", "momentum": "momentum", "beta1": "beta1", "beta2": "beta2", "eps": "eps",
        "weight_decay": "weight-decay", "l1": "l1",
    ]

    /// A snapshot's `run.json` as a lesson: the run as it was configured when it started, to be
    /// trained afresh (`--resume` continues it instead). Only `configuration` is read, strictly;
    /// every other member (`epoch`, `resume`, `weights_seed`, `learning_rate_changes`, `commands`,
    /// `metrics_rule`, `files` and any a later format adds) is the snapshot's history and is
    /// ignored. The optimiser's parameters of other optimisers (run.json writes them all) are
    /// left out, as the flags would refuse them.
    static func parseSnapshot(_ json: JSONValue, file: String) throws(LessonError) -> Lesson {
        guard let configuration = json["configuration"] else {
            throw LessonError(file: file, field: "configuration", reason: "missing (a snapshot's run.json has one)")
        }
        guard let members = configuration.objectValue else {
            throw LessonError(file: file, field: "configuration", reason: "must be an object, not \(configuration.kindName)")
        }
        var lesson = Lesson()
        func add(_ key: String, flag: String, value: JSONValue) throws(LessonError) {
            guard let field = LessonField.named(flag) else { return }
            switch field.arguments(for: value) {
            case .success(let arguments): lesson.settings.append(LessonSetting(field: key, flag: flag, arguments: arguments))
            case .failure(let error): throw LessonError(file: file, field: key, reason: error.reason)
            }
        }
        for (key, value) in members {
            let name = "configuration." + key
            if key == "optimizer" {
                guard let optimizer = value.objectValue else {
                    throw LessonError(file: file, field: name, reason: "must be an object, not \(value.kindName)")
                }
                let kind = value["kind"]?.stringValue
                for (member, setting) in optimizer {
                    guard let flag = snapshotOptimizerFields[member] else {
                        throw LessonError(file: file, field: "\(name).\(member)", reason: "unknown field")
                    }
                    if flag == "momentum", kind != "momentum" { continue }
                    if ["beta1", "beta2", "eps"].contains(flag), kind != "adam" { continue }
                    try add("\(name).\(member)", flag: flag, value: setting)
                }
                continue
            }
            guard let flag = snapshotFields[key] else { throw LessonError(file: file, field: name, reason: "unknown field") }
            try add(name, flag: flag, value: value)
        }
        return lesson
    }
}
