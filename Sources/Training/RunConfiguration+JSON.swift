import Datasets
import MLPEngine

extension RunConfiguration {
    /// The configuration as JSON, for a snapshot's `run.json`.
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("dataset", .string(dataset)),
            ("n", sampleCount.map(JSONValue.number) ?? .null),
            ("noise", noise.map(JSONValue.number) ?? .null),
            ("features", features.map { .array($0.map(JSONValue.string)) } ?? .null),
            ("standardize", .bool(standardize)),
            ("hidden", .array(hiddenSizes.map(JSONValue.number))),
            ("activation", .string(activation.rawValue)),
            ("loss", loss.map { .string($0.rawValue) } ?? .null),
            ("optimizer", optimizer.json),
        ]
        if let task { members.append(("task", .string(task.rawValue))) }
        switch batch {
        case .full?: members.append(("batch", .string("full")))
        case .samples(let n)?: members.append(("batch", .number(n)))
        case nil: members.append(("batch", .null))
        }
        members += [
            ("epochs", .number(epochs)), ("seed", .number(seed)), ("test_fraction", .number(testFraction)),
            ("threads", .number(threads)), ("init_from", initFrom.map(JSONValue.string) ?? .null),
        ]
        return .object(members)
    }

    /// Reads a configuration written by `json`; the error names the member at fault.
    public init(json: JSONValue) throws(RunSetupError) {
        func fail(_ what: String) -> RunSetupError { RunSetupError("run.json: configuration: \(what)", exitStatus: 65) }
        self.init()
        guard json.objectValue != nil else { throw fail("must be an object") }
        guard let dataset = json["dataset"]?.stringValue else { throw fail("missing \"dataset\"") }
        self.dataset = dataset
        sampleCount = json["n"]?.intValue
        noise = json["noise"]?.doubleValue
        features = json["features"]?.arrayValue?.compactMap(\.stringValue)
        if case .bool(let b)? = json["standardize"] { standardize = b }
        guard let hidden = json["hidden"]?.arrayValue?.compactMap(\.intValue) else { throw fail("missing \"hidden\"") }
        hiddenSizes = hidden
        guard let activationName = json["activation"]?.stringValue, let activation = Activation(rawValue: activationName)
        else { throw fail("bad \"activation\"") }
        self.activation = activation
        loss = json["loss"]?.stringValue.flatMap(Loss.init(rawValue:))
        task = json["task"]?.stringValue.flatMap(LearningTask.init(rawValue:))
        guard let o = json["optimizer"], let kindName = o["kind"]?.stringValue, let kind = OptimizerKind(rawValue: kindName),
              let lr = o["lr"]?.doubleValue else { throw fail("bad \"optimizer\"") }
        optimizer = OptimizerSettings(kind: kind, learningRate: lr, momentum: o["momentum"]?.doubleValue ?? 0.9,
                                      beta1: o["beta1"]?.doubleValue ?? 0.9, beta2: o["beta2"]?.doubleValue ?? 0.999,
                                      epsilon: o["eps"]?.doubleValue ?? 1e-8, weightDecay: o["weight_decay"]?.doubleValue ?? 0,
                                      l1: o["l1"]?.doubleValue ?? 0)
        if let n = json["batch"]?.intValue, n > 0 { batch = .samples(n) } else if json["batch"]?.stringValue == "full" { batch = .full }
        epochs = json["epochs"]?.intValue ?? 0
        guard let seed = json["seed"]?.uint64Value else { throw fail("missing \"seed\"") }
        self.seed = seed
        testFraction = json["test_fraction"]?.doubleValue ?? 0.2
        threads = json["threads"]?.intValue ?? 1
        initFrom = json["init_from"]?.stringValue
        do { try validate() } catch { throw fail(error.description) }
    }
}

extension OptimizerSettings {
    /// `{"kind": "adam", "lr": 0.01, "momentum": 0.9, "beta1": 0.9, "beta2": 0.999, "eps": 1e-08,
    /// "weight_decay": 0.0, "l1": 0.0}`: the settings as run.json and model metadata write them.
    public var json: JSONValue {
        .object([
            ("kind", .string(kind.rawValue)), ("lr", .number(learningRate)), ("momentum", .number(momentum)),
            ("beta1", .number(beta1)), ("beta2", .number(beta2)), ("eps", .number(epsilon)),
            ("weight_decay", .number(weightDecay)), ("l1", .number(l1)),
        ])
    }
}

extension LearningRateChange {
    /// `{"epoch": 120, "lr": 0.05}`.
    public var json: JSONValue { .object([("epoch", .number(epoch)), ("lr", .number(learningRate))]) }
}
