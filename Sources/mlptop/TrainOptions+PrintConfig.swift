import MLPEngine
import Monitor
import Training

extension TrainOptions {
    /// The configuration as a lesson file (`--print-config`): every training setting as resolved
    /// (the learning rate's default included), then the lesson's locks, hidden panels and notes.
    ///
    /// Parameters of other optimisers, and `n` and `noise` when not given, are left out, so the
    /// file passes the checks `--config` makes. With `--init-from` only the fields `given` are
    /// written: the rest come from the model, as they did here. Reading the file with `--config`
    /// gives the same run: the same weights, bit for bit.
    func lessonJSON(given: [String], lesson: Lesson) throws -> JSONValue {
        let configuration = try configuration(defaultThreads: 1)
        let o = configuration.optimizer
        var members: [(key: String, value: JSONValue)] = [("format", .string(Lesson.lessonFormat))]
        func add(_ key: String, _ value: JSONValue?) {
            guard let value, initFrom == nil || given.contains("--" + key) || key == "init-from" else { return }
            members.append((key, value))
        }
        add("dataset", .string(dataset))
        add("n", sampleCount.map(JSONValue.number))
        add("noise", noise.map(JSONValue.number))
        add("features", configuration.features.map { .array($0.map(JSONValue.string)) })
        add("standardize", standardize ? .bool(true) : nil)
        add("slice", slice.map(JSONValue.string))
        add("hidden", .array(configuration.hiddenSizes.map(JSONValue.number)))
        add("activation", .string(activation.rawValue))
        add("loss", loss.map { .string($0.rawValue) })
        add("task", task.map { .string($0.rawValue) })
        add("optimizer", .string(optimizer.rawValue))
        add("lr", .number(o.learningRate))
        if optimizer == .momentum { add("momentum", .number(momentum)) }
        if optimizer == .adam {
            add("beta1", .number(beta1))
            add("beta2", .number(beta2))
            add("eps", .number(eps))
        }
        add("weight-decay", .number(weightDecay))
        add("l1", .number(l1))
        switch configuration.batch {
        case .full?: add("batch", .string("full"))
        case .samples(let size)?: add("batch", .number(size))
        case nil: break
        }
        add("epochs", .number(configuration.epochs))
        add("seed", .number(seed))
        add("test-fraction", .number(testFraction))
        add("threads", threads.map(JSONValue.number))
        add("speed", speed.map(JSONValue.number))
        add("rewind-memory", .number(rewindMemory))
        add("init-from", initFrom.map(JSONValue.string))
        add("save", save.map(JSONValue.string))
        add("log", log.map(JSONValue.string))
        add("snapshot-dir", .string(snapshotDirectory))
        add("snapshot-every", snapshotEvery.map(JSONValue.number))
        add("keep-snapshots", .number(keepSnapshots))
        for (key, on) in [("snapshot-on-exit", snapshotOnExit), ("headless", headless), ("paused", paused), ("ascii", ascii), ("no-color", noColor)] {
            add(key, on ? .bool(true) : nil)
        }
        if !lesson.lock.names.isEmpty { members.append(("locked", .array(lesson.lock.names.map(JSONValue.string)))) }
        let hidden = DashboardPanel.allCases.filter(lesson.hiddenPanels.contains)
        if !hidden.isEmpty { members.append(("hide", .array(hidden.map { .string($0.rawValue) }))) }
        if let notes = lesson.notes { members.append(("notes", .string(notes))) }
        return .object(members)
    }
}
