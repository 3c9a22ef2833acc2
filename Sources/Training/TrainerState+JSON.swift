import MLPEngine

/// `state.json`: what the monitor shows of a run, so `mlptop show` can draw it again.
extension TrainerState {
    /// The state as JSON (numbers exact).
    public var json: JSONValue {
        func encode(_ h: MetricHistory) -> JSONValue {
            .object([
                ("capacity", .number(h.capacity)), ("span", .number(h.span)),
                ("buckets", .array(h.buckets.map {
                    let fields: [JSONValue] = [.number($0.firstEpoch), .number($0.count), .measurement($0.minimum),
                                               .measurement($0.maximum), .measurement($0.sum)]
                    return .array($0.width == $0.count ? fields : fields + [.number($0.lastEpoch)])
                })),
            ])
        }
        var members: [(key: String, value: JSONValue)] = [
            ("format", .string("mlptop.state/v1")), ("status", .string(status.rawValue)), ("epoch", .number(epoch)),
            ("learning_rate", .number(learningRate)), ("epochs_per_second", .measurement(epochsPerSecond)),
            ("target_epochs", .number(targetEpochs)),
            ("speed_limit", speedLimit.map { .number($0) } ?? .null),
            ("train_loss", encode(history.trainLoss)), ("test_loss", encode(history.testLoss)),
            ("train_accuracy", encode(history.trainAccuracy)), ("test_accuracy", encode(history.testAccuracy)),
            ("gradient_norms", .array(gradientNormHistory.map(encode))),
            ("learning_rate_changes", .array(learningRateChanges.map(\.json))),
        ]
        members.append(("metrics", .object([
            ("capacity", .number(metrics.capacity)), ("stride", .number(metrics.stride)),
            ("rows", .array(metrics.rows.map(Self.encodeRow))),
            ("latest", metrics.latest.map(Self.encodeRow) ?? .null),
        ])))
        members.append(("commands", .array(commandLog.map { .array([.number($0.epoch), .string($0.command)]) })))
        if let weightsSeed { members.append(("weights_seed", .number(weightsSeed))) }
        if let r = latest {
            members.append(("latest", .object([
                ("epoch", .number(r.epoch)), ("train_loss", .measurement(r.trainLoss)),
                ("test_loss", r.testLoss.map(JSONValue.measurement) ?? .null),
                ("train_accuracy", .measurement(r.trainAccuracy)),
                ("test_accuracy", r.testAccuracy.map(JSONValue.measurement) ?? .null),
                ("lr", .number(r.learningRate)), ("seconds", .measurement(r.seconds)),
                ("samples_per_second", .measurement(r.samplesPerSecond)),
                ("gradient_norms", .array(r.gradientNorms.map { .array([.measurement($0.weights), .measurement($0.biases)]) })),
            ])))
        }
        return .object(members)
    }

    /// One epoch as `[epoch, train loss, test loss|null, train acc, test acc|null, lr, [[‖∂W‖, ‖∂b‖], …]]`.
    /// Measurements that are not finite (a test loss or gradient norm that overflowed) are written
    /// as null and read back as NaN (a missing test loss as nil).
    static func encodeRow(_ r: EpochReport) -> JSONValue {
        .array([.number(r.epoch), .measurement(r.trainLoss), r.testLoss.map(JSONValue.measurement) ?? .null,
                .measurement(r.trainAccuracy), r.testAccuracy.map(JSONValue.measurement) ?? .null, .number(r.learningRate),
                .array(r.gradientNorms.map { .array([.measurement($0.weights), .measurement($0.biases)]) })])
    }

    /// A measurement written by `JSONValue.measurement`: null (not finite when written) is NaN.
    static func measured(_ value: JSONValue) -> Double? {
        value == .null ? .nan : value.doubleValue
    }

    static func decodeRow(_ value: JSONValue) -> EpochReport? {
        guard let v = value.arrayValue, v.count == 7, let epoch = v[0].intValue, epoch >= 0, epoch < 1 << 53,
              let trainLoss = measured(v[1]), let trainAccuracy = measured(v[3]), let lr = v[5].doubleValue,
              let norms = v[6].arrayValue else { return nil }
        return EpochReport(epoch: epoch, trainLoss: trainLoss, testLoss: v[2].doubleValue, trainAccuracy: trainAccuracy,
                           testAccuracy: v[4].doubleValue, learningRate: lr,
                           gradientNorms: norms.compactMap { pair in
                               guard let p = pair.arrayValue, p.count == 2, let w = measured(p[0]), let b = measured(p[1])
                               else { return nil }
                               return GradientNorm(weights: w, biases: b)
                           }, seconds: 0, samplesPerSecond: 0)
    }

    /// Restores a state written by `json`, for a paused display of `network`.
    public init(json: JSONValue, network: Network) throws(RunSetupError) {
        func fail(_ what: String) -> RunSetupError { RunSetupError("state.json: \(what)", exitStatus: 65) }
        guard json["format"]?.stringValue == "mlptop.state/v1" else { throw fail("format is not mlptop.state/v1") }
        self.init(network: network, learningRate: json["learning_rate"]?.doubleValue ?? 0,
                  targetEpochs: json["target_epochs"]?.intValue ?? 0, epoch: json["epoch"]?.intValue ?? 0, status: .paused)
        func decode(_ key: String) throws(RunSetupError) -> MetricHistory {
            guard let h = json[key] else { throw fail("bad \"\(key)\"") }
            return try decodeHistory(h, key)
        }
        func decodeHistory(_ h: JSONValue, _ key: String) throws(RunSetupError) -> MetricHistory {
            guard let capacity = h["capacity"]?.intValue, (2...65_536).contains(capacity),
                  capacity % 2 == 0, let span = h["span"]?.intValue, span >= 1, span < 1 << 53,
                  let items = h["buckets"]?.arrayValue else { throw fail("bad \"\(key)\"") }
            var buckets: [MetricBucket] = []
            for item in items {
                // [first, count, min, max, sum], and the last epoch sixth when the bucket skips epochs.
                guard let v = item.arrayValue, v.count == 5 || v.count == 6, let first = v[0].intValue,
                      let count = v[1].intValue, let lo = Self.measured(v[2]), let hi = Self.measured(v[3]),
                      let sum = Self.measured(v[4]), count > 0, first >= 0, first < 1 << 53, count < 1 << 53
                else { throw fail("bad bucket in \"\(key)\"") }
                let last = v.count == 6 ? v[5].intValue : first + count - 1
                guard let last, last >= first + count - 1, last < 1 << 53 else { throw fail("bad bucket in \"\(key)\"") }
                var bucket = MetricBucket(epoch: first, value: lo)
                bucket.lastEpoch = last
                bucket.count = count
                bucket.minimum = lo
                bucket.maximum = hi
                bucket.sum = sum
                buckets.append(bucket)
            }
            return MetricHistory(capacity: capacity, span: span, buckets: buckets)
        }
        history.trainLoss = try decode("train_loss")
        history.testLoss = try decode("test_loss")
        history.trainAccuracy = try decode("train_accuracy")
        history.testAccuracy = try decode("test_accuracy")
        // A restored state is paused: it trains at 0 epochs/s, whatever the run did when saved.
        epochsPerSecond = 0
        if let m = json["metrics"], let capacity = m["capacity"]?.intValue, (2...1_000_000).contains(capacity),
           let stride = m["stride"]?.intValue, stride >= 1, stride < 1 << 53, let rows = m["rows"]?.arrayValue {
            metrics = MetricsLog(capacity: capacity, stride: stride, rows: rows.compactMap(Self.decodeRow),
                                 latest: m["latest"].flatMap(Self.decodeRow))
        }
        weightsSeed = json["weights_seed"]?.uint64Value
        // The pace the run was watched at (a limit that is not a positive finite number is none).
        speedLimit = json["speed_limit"]?.doubleValue.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        commandLog = (json["commands"]?.arrayValue ?? []).compactMap { item in
            guard let v = item.arrayValue, v.count == 2, let epoch = v[0].intValue, let text = v[1].stringValue else { return nil }
            return CommandRecord(epoch: epoch, command: text)
        }
        // (Early snapshots kept only recent norms as plain number arrays: those are skipped.)
        if let layers = json["gradient_norms"]?.arrayValue, layers.first?.arrayValue == nil {
            guard layers.count == network.shapes.count else { throw fail("\"gradient_norms\" has \(layers.count) layers, the model \(network.shapes.count)") }
            var histories: [MetricHistory] = []
            for layer in layers { histories.append(try decodeHistory(layer, "gradient_norms")) }
            gradientNormHistory = histories
        }
        learningRateChanges = (json["learning_rate_changes"]?.arrayValue ?? []).compactMap { change in
            guard let epoch = change["epoch"]?.intValue, let lr = change["lr"]?.doubleValue else { return nil }
            return LearningRateChange(epoch: epoch, learningRate: lr)
        }
        if let r = json["latest"], let epoch = r["epoch"]?.intValue, let trainLoss = r["train_loss"].flatMap(Self.measured),
           let trainAccuracy = r["train_accuracy"].flatMap(Self.measured), let lr = r["lr"]?.doubleValue {
            latest = EpochReport(
                epoch: epoch, trainLoss: trainLoss, testLoss: r["test_loss"]?.doubleValue, trainAccuracy: trainAccuracy,
                testAccuracy: r["test_accuracy"]?.doubleValue, learningRate: lr,
                gradientNorms: (r["gradient_norms"]?.arrayValue ?? []).compactMap { pair in
                    guard let p = pair.arrayValue, p.count == 2, let w = Self.measured(p[0]), let b = Self.measured(p[1]) else {
                        return nil
                    }
                    return GradientNorm(weights: w, biases: b)
                },
                seconds: r["seconds"]?.doubleValue ?? 0, samplesPerSecond: r["samples_per_second"]?.doubleValue ?? 0)
        }
    }
}
