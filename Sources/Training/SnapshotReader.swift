import Foundation
import MLPEngine

/// Reads a snapshot folder back: to resume training exactly where it stopped, or to show it.
public enum SnapshotReader {
    /// The run saved in `directory`, ready to continue: same weights, optimiser state (Adam moments
    /// included), epoch, data split and shuffling stream. `epochs`, when given, replaces the saved
    /// total; `threads` the saved thread count.
    /// A comparison snapshot (summary.json and a folder per run, no run.json of its own) is not one
    /// run: says which folders inside are (status 66, as a missing run.json is).
    /// A snapshot of `mlptop watch` (watch.json, no run.json) holds a log's view, not a run to
    /// train on: says so (status 66, as a missing run.json is).
    static func refuseComparison(_ directory: String) throws(RunSetupError) {
        let manager = FileManager.default
        if !manager.fileExists(atPath: directory + "/run.json"), manager.fileExists(atPath: directory + "/watch.json") {
            throw RunSetupError("\(directory): a snapshot of mlptop watch (watch.json), not of a training run: its "
                                + "screen is screen.txt, its metrics metrics.csv", exitStatus: 66)
        }
        guard !manager.fileExists(atPath: directory + "/run.json"), manager.fileExists(atPath: directory + "/summary.json"),
              let entries = try? manager.contentsOfDirectory(atPath: directory) else { return }
        let runs = entries.filter { manager.fileExists(atPath: directory + "/" + $0 + "/run.json") }.sorted()
        guard !runs.isEmpty else { return }
        throw RunSetupError("\(directory): a comparison snapshot, not one run: give one of its run folders inside ("
                            + runs.map { $0 + "/" }.joined(separator: ", ") + ")", exitStatus: 66)
    }

    public static func resume(_ directory: String, epochs: Int?, threads: Int?) throws(RunSetupError) -> PreparedRun {
        let runPath = directory + "/run.json", modelPath = directory + "/model.json"
        try refuseComparison(directory)
        let run = try readJSON(runPath)
        guard run["format"]?.stringValue == "mlptop.run/v1", let saved = run["configuration"] else {
            throw RunSetupError("\(runPath): not an mlptop.run/v1 file", exitStatus: 65)
        }
        var configuration: RunConfiguration
        do {
            configuration = try RunConfiguration(json: saved)
        } catch {
            throw RunSetupError("\(directory)/\(error.description)", exitStatus: 65)
        }
        // Where the run's first weights came from: nil when the configuration built the network.
        let origin = configuration.initFrom
        configuration.initFrom = modelPath
        // --epochs and --threads are flags: their errors stay usage errors (64) naming the flag.
        if let epochs { configuration.epochs = epochs }
        if let threads { configuration.threads = threads }
        try configuration.validate()
        guard let resume = run["resume"], let epoch = resume["epoch"]?.intValue,
              let words = resume["generator"]?.arrayValue?.compactMap({ $0.stringValue.flatMap(UInt64.init) }),
              words.count == 4, words != [0, 0, 0, 0] else {
            throw RunSetupError("\(runPath): missing or bad \"resume\"", exitStatus: 65)
        }
        // Every other setting comes from run.json, which was valid on its own: what the data or
        // the model then reject (a feature the data lacks, bce on three classes, …) is run.json's
        // fault, not the command line's.
        var prepared: PreparedRun
        let model: ModelFile?
        // Data edited on the decision map come from data.csv, split as they were.
        let edited = try editedData(directory, run: run)
        do {
            // The saved total may be below the snapshot's epoch (a monitored run stepped on past
            // its end): that run is done. Only a new --epochs, checked below, must not be.
            var preparing = configuration
            preparing.epochs = 0
            (prepared, model) = try preparing.prepareReadingModel(split: edited)
            prepared.dataEdited = edited != nil
            prepared.configuration.epochs = configuration.epochs
        } catch {
            // A data file gone since: say it is the one the snapshot names.
            if error.exitStatus == 66, error.description.hasPrefix(configuration.dataset + ":") {
                throw RunSetupError("\(runPath): the snapshot's data set: \(error.description)", exitStatus: 66)
            }
            guard error.exitStatus == 64 else { throw error }
            throw RunSetupError("\(runPath): configuration: \(error.description)", exitStatus: 65)
        }
        // `prepare` has checked that model.json's epoch, when it has one, is a whole number ≥ 0.
        if model?[metadata: "epoch"] != nil, epoch != prepared.startEpoch {
            throw RunSetupError("\(runPath): the resume epoch \(epoch) does not match \(modelPath), which is at epoch "
                                + "\(prepared.startEpoch)", exitStatus: 65)
        }
        guard epoch >= 0 else {
            throw RunSetupError("\(runPath): the resume epoch \(epoch) is negative", exitStatus: 65)
        }
        if let epochs, epochs > 0, epochs < epoch {
            throw RunSetupError("--epochs \(epochs) is below the snapshot's epoch \(epoch)", exitStatus: 64)
        }
        if origin == nil {
            try checkLayers(of: prepared, builtBy: configuration, directory: directory)
        }
        // Snapshots of the resumed run still say where its weights first came from.
        prepared.configuration.initFrom = origin
        prepared.startEpoch = epoch
        prepared.generator = SeededGenerator(state: (words[0], words[1], words[2], words[3]))
        let optimizerPath = directory + "/optimizer.json"
        let optimizer = try readOptimizer(optimizerPath, settings: configuration.optimizer,
                                          parameterCount: prepared.network.parameters.count, runPath: runPath)
        // run.json and model.json note the optimiser's step (and run.json its learning rate) too.
        let notedSteps = [("\"optimizer_step\" in \(runPath)", resume["optimizer_step"]),
                          ("\"optimizer_state\" in \(modelPath)", model?[metadata: "optimizer_state"]?["step"])]
        for case let (place, noted?) in notedSteps where noted.intValue != optimizer.step {
            throw RunSetupError("\(optimizerPath): step \(optimizer.step) does not match the step \(describe(noted)) of "
                                + place, exitStatus: 65)
        }
        if let noted = resume["learning_rate"], noted.doubleValue != optimizer.settings.learningRate {
            throw RunSetupError("\(optimizerPath): learning_rate \(optimizer.settings.learningRate) does not match the "
                                + "learning_rate \(describe(noted)) of \"resume\" in \(runPath)", exitStatus: 65)
        }
        prepared.optimizer = optimizer
        return prepared
    }

    /// Checks that model.json is the network run.json's configuration builds for the data: layer
    /// sizes (inputs after features, hidden, outputs), activations and loss. Only for a run whose
    /// network the configuration built; one started with --init-from took its layers from that file.
    static func checkLayers(of prepared: PreparedRun, builtBy configuration: RunConfiguration,
                            directory: String) throws(RunSetupError) {
        let runPath = directory + "/run.json", modelPath = directory + "/model.json"
        let expected: (sizes: [Int], activations: [Activation], loss: Loss)
        do {
            expected = try configuration.networkShape(inputs: prepared.trainingSet.featureCount,
                                                      classes: prepared.rawData.classCount, task: prepared.rawData.task)
        } catch {
            throw RunSetupError("\(runPath): configuration: \(error.description)", exitStatus: 65)
        }
        let network = prepared.network
        let activations = network.shapes.map(\.activation)
        func names(_ list: [Activation]) -> String { list.map(\.rawValue).joined(separator: ",") }
        let mismatch: String? = if network.sizes != expected.sizes {
            "layer sizes \(network.architecture), but \(runPath) builds "
                + expected.sizes.map(String.init).joined(separator: "-")
        } else if activations != expected.activations {
            "activations \(names(activations)), but \(runPath) builds \(names(expected.activations))"
        } else if network.loss != expected.loss {
            "loss \(network.loss.rawValue), but \(runPath) builds \(expected.loss.rawValue)"
        } else {
            nil
        }
        if let mismatch {
            throw RunSetupError("\(modelPath): the model has \(mismatch)", exitStatus: 65)
        }
    }

    /// The saved network, run preparation and monitor state, for `mlptop show`.
    public static func show(_ directory: String) throws(RunSetupError) -> (PreparedRun, TrainerState) {
        let prepared = try resume(directory, epochs: nil, threads: 1)
        return (prepared, try state(directory, prepared: prepared))
    }

    /// The run's history as saved in `state.json` (loss buckets, metrics, commands), to carry on.
    public static func state(_ directory: String, prepared: PreparedRun) throws(RunSetupError) -> TrainerState {
        let stateJSON = try readJSON(directory + "/state.json")
        var state: TrainerState
        do {
            state = try TrainerState(json: stateJSON, network: prepared.network)
        } catch {
            throw RunSetupError("\(directory)/\(error.description)", exitStatus: 65)
        }
        state.learningRate = prepared.optimizer.settings.learningRate
        return state
    }

    static func readJSON(_ path: String) throws(RunSetupError) -> JSONValue {
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path) } catch { throw RunSetupError(error.description, exitStatus: error.exitStatus) }
        do {
            return try JSONParser.parse(bytes: bytes)
        } catch {
            throw RunSetupError("\(path):\(error.line):\(error.column): \(error.reason)", exitStatus: 65)
        }
    }

    /// A JSON value as an error message quotes it: a number's text, else its kind.
    private static func describe(_ value: JSONValue) -> String {
        if case .number(let text) = value { return text }
        return value.kindName
    }

    /// Reads optimizer.json for a network of `parameterCount` parameters trained with `settings`
    /// (run.json's, at `runPath`): the kind must be theirs, the learning rate may have changed since.
    static func readOptimizer(_ path: String, settings: OptimizerSettings, parameterCount: Int,
                              runPath: String) throws(RunSetupError) -> Optimizer {
        let json = try readJSON(path)
        guard json["format"]?.stringValue == "mlptop.optimizer/v1", let step = json["step"]?.intValue,
              (0..<(1 << 53)).contains(step),
              let first = json["first_moment"]?.arrayValue?.compactMap(\.doubleValue),
              let second = json["second_moment"]?.arrayValue?.compactMap(\.doubleValue),
              first.allSatisfy(\.isFinite), second.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw RunSetupError("\(path): not a valid mlptop.optimizer/v1 file (format, a step count from 0 to 2^53, "
                                + "finite moments)", exitStatus: 65)
        }
        var settings = settings
        if let kind = json["kind"], kind.stringValue != settings.kind.rawValue {
            throw RunSetupError("\(path): kind \(kind.stringValue ?? kind.kindName) does not match the "
                                + "\(settings.kind.rawValue) optimiser of \(runPath)", exitStatus: 65)
        }
        if let lr = json["learning_rate"]?.doubleValue {
            guard lr > 0, lr.isFinite else {
                throw RunSetupError("\(path): learning_rate must be a positive number, not \(lr)", exitStatus: 65)
            }
            settings.learningRate = lr
        }
        let expectedFirst = settings.kind == .sgd ? 0 : parameterCount
        let expectedSecond = settings.kind == .adam ? parameterCount : 0
        guard first.count == expectedFirst, second.count == expectedSecond else {
            throw RunSetupError("\(path): optimiser state has \(first.count)+\(second.count) numbers, expected "
                                + "\(expectedFirst)+\(expectedSecond)", exitStatus: 65)
        }
        return Optimizer(settings: settings, step: step, firstMoment: first, secondMoment: second)
    }
}
