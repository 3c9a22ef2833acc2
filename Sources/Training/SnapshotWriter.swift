import Datasets
import Foundation
import MLPEngine

/// Writes a snapshot folder: the whole state of a run at one epoch, in formats other tools read.
///
/// ```
/// snapshots/2026-11-25T10-15-02-moons-e000001200/
///   model.json      the model (mlptop.model/v1) with metadata
///   optimizer.json  the optimiser's exact state (step, moments), for --resume
///   state.json      the monitor's view of the run (bucketed history, gradient norms), for `show`
///   metrics.csv     one row per recorded epoch
///   confusion.csv   the confusion matrices of the training and test sets
///   loss.svg  boundary.svg  weights.svg  network.svg
///   screen.txt      the monitor's screen as text, then the confusion matrices
///   data.csv        the data as edited on the decision map (only then): training rows first
///   run.json        configuration, commands, resume data; written last
/// ```
/// Every file is written into a hidden `.…partial-PID` folder first, which is renamed to its
/// final name only when complete: a snapshot that exists is whole. Names sort by run start and
/// epoch, and never overwrite (a clash gets `-2`, `-3`, …).
public enum SnapshotWriter {
    /// `2026-11-25T10-15-02-moons-e000001200`.
    public static func folderName(runStarted: Date, dataset: String, epoch: Int) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd'T'HH-mm-ss"
        let base = (dataset as NSString).lastPathComponent
        let stem = (base as NSString).deletingPathExtension
        let safe = String(stem.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }.prefix(40))
        return "\(formatter.string(from: runStarted))-\(safe.isEmpty ? "data" : safe)-e\(String(format: "%09d", epoch))"
    }

    /// Writes a snapshot of `checkpoint` under `directory` (created if missing) and returns the
    /// folder's path. On failure nothing that looks like a snapshot is left behind.
    public static func write(
        _ checkpoint: TrainingCheckpoint, run: PreparedRun, screen: [String]?, under directory: String,
        runStarted: Date, slice: InputSlice? = nil
    ) throws(FileError) -> String {
        try makeDirectory(directory)
        let name = folderName(runStarted: runStarted, dataset: run.rawData.name, epoch: checkpoint.epoch)
        let partial = directory + "/.\(name).partial-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try makeDirectory(partial, exclusive: true)
        do {
            for (file, text) in files(checkpoint, run: run, screen: screen, slice: slice) {
                try FileIO.writeAtomically(text, to: partial + "/" + file)
            }
            return try publish(partial, as: name, in: directory)
        } catch {
            removeTree(partial)
            throw error
        }
    }

    /// The files of a snapshot, `run.json` last.
    /// `slice`: the two input columns boundary.svg shows (nil: the first two).
    static func files(_ c: TrainingCheckpoint, run: PreparedRun, screen: [String]?, slice: InputSlice? = nil) -> [(String, String)] {
        // Only a slice of this run's own columns (the data may have changed since it was chosen).
        let slice = slice.flatMap { $0.rebased(on: run.rawTrainingSet) }
        var model = run.modelFile(network: c.network, epoch: c.epoch)
        if let seed = c.state.weightsSeed { model.setMetadata("weights_seed", .number(seed)) }
        // The settings in force (a learning rate changed with + or - included), not the starting ones.
        model.setMetadata("optimizer", c.optimizer.settings.json)
        model.setMetadata("optimizer_state", .object([
            ("step", .number(c.optimizer.step)), ("file", .string("optimizer.json")),
        ]))
        // A regression has no classes to confuse: no confusion.csv, no matrices in screen.txt.
        let confusion = run.rawData.isRegression ? nil : confusion(network: c.network, run: run)
        var result: [(String, String)] = [
            ("model.json", model.encoded()),
            ("optimizer.json", optimizerJSON(c.optimizer).formatted() + "\n"),
            ("state.json", c.state.json.formatted() + "\n"),
            ("metrics.csv", metricsCSV(c.state.metrics, layers: c.network.shapes.count, regression: run.rawData.isRegression)),
            ("loss.svg", SnapshotPictures.loss(history: c.state.history, learningRateChanges: c.state.learningRateChanges,
                                               title: SnapshotPictures.title("Loss", run: run, network: c.network, epoch: c.epoch))),
            ("boundary.svg", SnapshotPictures.boundary(run: run, network: c.network, epoch: c.epoch, slice: slice)),
            ("weights.svg", SnapshotPictures.weights(network: c.network, inputNames: run.inputNames,
                                                     title: SnapshotPictures.title("Weights", run: run, network: c.network,
                                                                                   epoch: c.epoch))),
            ("network.svg", SnapshotPictures.network(run: run, network: c.network, epoch: c.epoch, slice: slice)),
        ]
        if let confusion { result.insert(("confusion.csv", confusionCSV(confusion)), at: 4) }
        if run.dataEdited { result.append((editedDataFile, editedDataCSV(run))) }
        if let screen {
            result.append(("screen.txt", (screen + (confusion.map(confusionText) ?? [])).joined(separator: "\n") + "\n"))
        }
        result.append(("run.json", runJSON(c, run: run, files: result.map(\.0) + ["run.json"], slice: slice).formatted() + "\n"))
        return result
    }

    static func optimizerJSON(_ o: Optimizer) -> JSONValue {
        .object([
            ("format", .string("mlptop.optimizer/v1")), ("kind", .string(o.settings.kind.rawValue)),
            ("step", .number(o.step)), ("learning_rate", .number(o.settings.learningRate)),
            ("first_moment", .array(o.firstMoment.map(JSONValue.number))),
            ("second_moment", .array(o.secondMoment.map(JSONValue.number))),
        ])
    }

    /// `slice`: the decision map's columns on screen, recorded as `"slice"` (null: the first two).
    static func runJSON(_ c: TrainingCheckpoint, run: PreparedRun, files: [String], slice: InputSlice? = nil) -> JSONValue {
        var configuration = run.configuration
        configuration.features = run.featureMap.spec
        if BuiltInDataset.named(configuration.dataset) == nil, !configuration.dataset.hasPrefix("/") {
            configuration.dataset = FileManager.default.currentDirectoryPath + "/" + configuration.dataset
        }
        let g = c.generator.state
        return .object([
            ("format", .string("mlptop.run/v1")),
            ("epoch", .number(c.epoch)),
            ("configuration", configuration.json),
            ("resume", .object([
                ("epoch", .number(c.epoch)),
                ("generator", .array([g.0, g.1, g.2, g.3].map { JSONValue.string(String($0)) })),
                ("optimizer_step", .number(c.optimizer.step)),
                ("learning_rate", .number(c.optimizer.settings.learningRate)),
            ])),
            ("weights_seed", c.state.weightsSeed.map(JSONValue.number) ?? .null),
            ("data", run.dataEdited ? editedDataJSON(run) : .null),
            ("learning_rate_changes", .array(c.state.learningRateChanges.map(\.json))),
            ("commands", .array(c.state.commandLog.map {
                .object([("epoch", .number($0.epoch)), ("command", .string($0.command))])
            })),
            ("metrics_rule", .string(c.state.metrics.rule)),
            ("slice", slice.map(SnapshotSlice.json) ?? .null),
            ("files", .array(files.map(JSONValue.string))),
        ])
    }

    /// A regression run's columns say `train_r2,test_r2` where a classifier's say accuracy.
    static func metricsCSV(_ log: MetricsLog, layers: Int, regression: Bool = false) -> String {
        var header = regression ? "epoch,train_loss,test_loss,train_r2,test_r2,lr"
            : "epoch,train_loss,test_loss,train_accuracy,test_accuracy,lr"
        for l in 0..<layers { header += ",grad_norm_w\(l),grad_norm_b\(l)" }
        var text = header + "\n"
        func n(_ x: Double?) -> String { x.map { $0.description } ?? "" }
        for row in log.rowsForExport {
            text += "\(row.epoch),\(n(row.trainLoss)),\(n(row.testLoss)),\(n(row.trainAccuracy)),\(n(row.testAccuracy)),\(n(row.learningRate))"
            for norm in row.gradientNorms { text += ",\(n(norm.weights)),\(n(norm.biases))" }
            text += "\n"
        }
        return text
    }

    static func makeDirectory(_ path: String, exclusive: Bool = false) throws(FileError) {
        if mkdir(path, 0o755) == 0 { return }
        let code = errno
        if code == EEXIST && !exclusive {
            var info = stat()
            if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { return }
            throw FileError(path: path, reason: "cannot create: exists and is not a directory", exitStatus: 73)
        }
        let parent = (path as NSString).deletingLastPathComponent
        if code == ENOENT && !exclusive && !parent.isEmpty && parent != path {
            try makeDirectory(parent)
            if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        }
        throw FileError(path: path, reason: FileError.reason("cannot create", errno: code), exitStatus: 73)
    }

    /// Renames the finished folder into place under the first free name.
    static func publish(_ partial: String, as name: String, in directory: String) throws(FileError) -> String {
        for attempt in 1...1000 {
            let target = directory + "/" + (attempt == 1 ? name : "\(name)-\(attempt)")
            // One atomic step where the kernel offers it: rename unless the name is taken.
            if let renameNoReplace = renameat2 {
                if renameNoReplace(AT_FDCWD, partial, AT_FDCWD, target, renameNoReplaceFlag) == 0 { return target }
                if errno == EEXIST { continue }
                if errno != EINVAL && errno != ENOSYS && errno != ENOTSUP {
                    throw FileError(path: target, reason: FileError.reason("cannot rename into place", errno: errno), exitStatus: 73)
                }
            }
            // Elsewhere: claim the name with an exclusive mkdir (atomic: it fails if anything has
            // that name), then rename the finished folder onto the empty one we own, which replaces
            // it whole. (A kill between the two leaves an empty folder: no run.json, so never
            // mistaken for a snapshot.)
            guard mkdir(target, 0o755) == 0 else {
                if errno == EEXIST { continue }
                throw FileError(path: target, reason: FileError.reason("cannot create", errno: errno), exitStatus: 73)
            }
            if rename(partial, target) == 0 { return target }
            let code = errno
            rmdir(target)
            throw FileError(path: target, reason: FileError.reason("cannot rename into place", errno: code), exitStatus: 73)
        }
        throw FileError(path: directory, reason: "cannot create: too many snapshots named \(name)", exitStatus: 73)
    }

    static func removeTree(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Linux's `renameat2`, looked up at run time (Swift's Glibc module does not declare it); nil
/// where the C library lacks it.
private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
private let renameat2: RenameAt2? = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }
/// `RENAME_NOREPLACE`: fail with EEXIST rather than replace the target.
private let renameNoReplaceFlag: UInt32 = 1
