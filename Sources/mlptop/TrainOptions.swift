import Foundation
import ArgumentParser
import Datasets
import MLPEngine
import Training

extension Activation: ExpressibleByArgument {
    /// Hidden layers take these (softmax belongs on the output layer only).
    public static var allValueStrings: [String] { ["sigmoid", "tanh", "relu", "linear"] }
}
extension Loss: ExpressibleByArgument {}
extension OptimizerKind: ExpressibleByArgument {}

/// The flags shared by `mlptop train` and the default command.
struct TrainOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A built-in data set (xor, circle, gauss, spiral, spiral3, moons; regressions plane, multigauss) or a CSV file.",
                               valueName: "name|path.csv"))
    var dataset = "spiral"

    @Option(name: .customLong("n"), parsing: .unconditional, help: "Samples to generate for a built-in data set (default: its own).")
    var sampleCount: Int?

    @Option(parsing: .unconditional, help: "Noise of a built-in data set (default: its own).")
    var noise: Double?

    @Option(help: ArgumentHelp("Input features, e.g. x1,x2,x1^2,x2^2,x1*x2,sin(x1),sin(x2).", valueName: "list"))
    var features: String?

    @Flag(help: "Standardise inputs (mean 0, deviation 1 on the training set); stored in the model.")
    var standardize = false

    @Option(parsing: .unconditional, help: ArgumentHelp("Hidden layer sizes, comma-separated; empty for none.", valueName: "sizes"))
    var hidden = "16,16"

    @Option(help: "Hidden activation: sigmoid, tanh, relu or linear.")
    var activation: Activation = .tanh

    @Option(help: "Loss: mse, bce or softmax-ce (default: bce for two classes, softmax-ce for more).")
    var loss: Loss?

    @Option(help: ArgumentHelp("classification or regression (default: regression when the CSV's label column holds "
                               + "a number that is not whole; plane and multigauss are regression).", valueName: "task"))
    var task: LearningTask?

    @Option(help: "Optimiser: sgd, momentum or adam (PyTorch's update rules).")
    var optimizer: OptimizerKind = .sgd

    @Option(parsing: .unconditional, help: "Learning rate (default: 0.1 for sgd and momentum, 0.01 for adam).")
    var lr: Double?

    @Option(parsing: .unconditional, help: "Momentum μ for --optimizer momentum.")
    var momentum = 0.9

    @Option(parsing: .unconditional, help: "Adam β₁.")
    var beta1 = 0.9

    @Option(parsing: .unconditional, help: "Adam β₂.")
    var beta2 = 0.999

    @Option(parsing: .unconditional, help: "Adam ε (added after the square root).")
    var eps = 1e-8

    @Option(name: .customLong("weight-decay"), parsing: .unconditional, help: "L2 weight decay added to the gradient, as PyTorch does.")
    var weightDecay = 0.0

    @Option(name: .customLong("l1"), parsing: .unconditional,
            help: ArgumentHelp("L1 regularisation: λ·Σ|w| over the weights (not biases) added to the loss.", valueName: "λ"))
    var l1 = 0.0

    @Option(parsing: .unconditional, help: ArgumentHelp("Mini-batch size, or 'full' for the whole training set per step (default: full up to "
                               + "\(RunConfiguration.fullBatchLimit) training samples, else \(RunConfiguration.largeSetBatch)).",
                               valueName: "N|full"))
    var batch: String?

    @Option(parsing: .unconditional, help: "Total epochs of the model's life to train to (default 0: until stopped).")
    var epochs: Int?

    @Option(parsing: .unconditional, help: "Seed for data generation, the split, initial weights and shuffling.")
    var seed: UInt64 = 1

    @Option(name: .customLong("test-fraction"), parsing: .unconditional, help: "Fraction of each class held out for testing (0 allowed).")
    var testFraction = 0.2

    @Option(parsing: .unconditional, help: "Threads for the gradient (default: the number of cores, at most 8).")
    var threads: Int?

    @Option(parsing: .unconditional, help: ArgumentHelp("Train at most N epochs per second, to watch learning that is over in a blink "
                               + "(default: 2000 in the monitor, as fast as possible headless; 0: no limit; < and > change it "
                               + "in the monitor).", valueName: "N"))
    var speed: Double?

    @Option(name: .customLong("rewind-memory"), parsing: .unconditional,
            help: ArgumentHelp("Memory for the monitor's rewind points ({ and }), in MB; 0 turns rewinding off.",
                               valueName: "MB"))
    var rewindMemory = 64.0

    @Option(name: .customLong("init-from"), help: ArgumentHelp("Start from this model's exact weights.", valueName: "model.json"))
    var initFrom: String?

    @Option(help: ArgumentHelp("Write the final model here (atomically).", valueName: "model.json"))
    var save: String?

    @Option(help: ArgumentHelp("Write one JSON object per epoch here.", valueName: "run.jsonl"))
    var log: String?

    @Option(help: ArgumentHelp("Continue the run saved in this snapshot folder (weights, optimiser state, epoch, data "
                               + "split and shuffling); --epochs is the run's total.", valueName: "snapshot-dir"))
    var resume: String?

    @Option(help: ArgumentHelp("With more than two input columns: the two the decision map and boundary.svg show, "
                               + "by header name or 1-based number (default: the first two; x and y change it live).",
                               valueName: "col,col"))
    var slice: String?

    @Option(name: .customLong("snapshot-dir"), help: ArgumentHelp("Where snapshots are written.", valueName: "dir"))
    var snapshotDirectory = "snapshots"

    @Option(name: .customLong("snapshot-every"), parsing: .unconditional, help: ArgumentHelp("Write a snapshot every N epochs.", valueName: "N"))
    var snapshotEvery: Int?

    @Option(name: .customLong("keep-snapshots"), parsing: .unconditional,
            help: ArgumentHelp("Keep only the last N snapshots of --snapshot-every (0: all; those of s and "
                               + "--snapshot-on-exit are always kept).", valueName: "N"))
    var keepSnapshots = 5

    @Flag(name: .customLong("snapshot-on-exit"), help: "Write a snapshot when the run ends (also on Ctrl-C).")
    var snapshotOnExit = false

    @Flag(help: "No terminal UI: print progress lines (automatic when stdout is not a terminal).")
    var headless = false

    @Flag(help: ArgumentHelp("Open the monitor paused before the first epoch: Space trains, n trains one epoch (v then "
                             + "shows that step's numbers)."))
    var paused = false

    @Flag(help: "Draw with plain ASCII characters only.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "Draw without colour (also when NO_COLOR is set).")
    var noColor = false

    @Option(help: ArgumentHelp("Take the settings from a lesson file (or a snapshot's run.json); flags given as well "
                               + "override it.", valueName: "lesson.json"))
    var config: String?

    @Flag(name: .customLong("print-config"), help: "Print the configuration as a lesson file (for --config) and exit.")
    var printConfig = false

    /// Checks values that parse but make no sense; errors exit with status 64.
    mutating func validate() throws {
        // With a lesson the flags are checked once merged with it (`applyingConfig`).
        guard config == nil else { return }
        try validate(given: Self.givenFlags)
    }

    /// The `--flag` names among `arguments`, in order (`--lr=0.1` gives `--lr`).
    static func flags(in arguments: some Sequence<String>) -> [String] {
        arguments.compactMap { argument -> String? in
            guard argument.hasPrefix("--") else { return nil }
            return String(argument.split(separator: "=", maxSplits: 1)[0])
        }
    }

    /// `validate()` for a run whose command line had the flags `given` (`mlptop compare` checks
    /// each run of its grid with its own).
    func validate(given: [String]) throws {
        if let speed, !(speed.isFinite && speed >= 0) {
            throw ValidationError("--speed must be 0 (no limit) or a positive number of epochs per second, not \(speed)")
        }
        if !(rewindMemory.isFinite && rewindMemory >= 0 && rewindMemory <= 1_000_000) {
            throw ValidationError("--rewind-memory must be a number of megabytes from 0 to 1000000, not \(rewindMemory)")
        }
        if let snapshotEvery, snapshotEvery < 1 {
            throw ValidationError("--snapshot-every must be a positive number of epochs, not \(snapshotEvery)")
        }
        if keepSnapshots < 0 {
            throw ValidationError("--keep-snapshots must be 0 (keep all) or more, not \(keepSnapshots)")
        }
        try checkPaths()
        // Settings that would be silently ignored are refused, so the user knows.
        // With --init-from and no --optimizer the kind is the model's, checked once it is read.
        let kindFromModel = initFrom != nil && !given.contains("--optimizer")
        if !kindFromModel, let ignored = [RunSetting.momentum, .beta1, .beta2, .eps].first(where: {
            $0.isIgnored(by: optimizer) && given.contains($0.flag)
        }), let reason = ignored.optimizerOnlyReason {
            throw ValidationError(reason)
        }
        if resume == nil, BuiltInDataset.named(dataset) == nil,
           let flag = ["--n", "--noise"].first(where: given.contains) {
            throw ValidationError("\(flag) applies to built-in data sets only, and \(dataset) is a file")
        }
        if paused, headless {
            throw ValidationError("--paused applies to the monitor, and --headless has none")
        }
        if resume != nil {
            let allowed: Set<String> = ["--resume", "--epochs", "--threads", "--speed", "--save", "--log", "--snapshot-dir",
                                        "--snapshot-every", "--keep-snapshots", "--snapshot-on-exit", "--headless", "--ascii", "--no-color",
                                        "--rewind-memory", "--slice", "--paused"]
            if let stray = given.first(where: { !allowed.contains($0) }) {
                throw ValidationError("\(stray) cannot be combined with --resume: the run's settings come from the snapshot "
                                      + "(only --epochs, --threads, --speed, --save, --log, --snapshot-*, --slice, --headless, --ascii and --no-color can)")
            }
        }
        do {
            try configuration(defaultThreads: 1).validate()
        } catch let error as RunSetupError {
            throw ValidationError(error.description)
        }
    }

    /// The long flags on the command line, in order (`--lr`, also from `--lr=0.1`).
    static var givenFlags: [String] { flags(in: CommandLine.arguments.dropFirst()) }

    /// Output paths must be non-empty, differ from each other and from every input: a log written
    /// over the data, or a model saved over the one it started from, would lose it.
    func checkPaths() throws {
        for (flag, path) in [("--save", save), ("--log", log), ("--snapshot-dir", snapshotDirectory as String?)] {
            if let path, path.isEmpty { throw ValidationError("\(flag) needs a file name") }
        }
        var inputs: [(flag: String, path: String)] = []
        if resume == nil, BuiltInDataset.named(dataset) == nil { inputs.append(("--dataset", dataset)) }
        // Saving over the --init-from model is fine (it was read first, and the save is atomic);
        // a log over it is not (the log starts at once).
        if let initFrom, log != nil { inputs.append(("--init-from", initFrom)) }
        let outputs = [("--save", save), ("--log", log)].compactMap { flag, path in path.map { (flag: flag, path: $0) } }
        for (index, output) in outputs.enumerated() {
            let target = Self.canonicalPath(output.path)
            let clashes = inputs.filter { output.flag == "--log" || $0.flag != "--init-from" } + outputs.prefix(index)
            for other in clashes where Self.canonicalPath(other.path) == target {
                throw ValidationError("\(output.flag) \(output.path) is also the \(other.flag) file: it would be overwritten")
            }
            if let resume, (target as NSString).deletingLastPathComponent == Self.canonicalPath(resume) {
                throw ValidationError("\(output.flag) \(output.path) is inside the --resume snapshot: it would change it")
            }
        }
    }

    /// `path` made absolute, with links and `.`/`..` resolved where the file (or its folder) exists.
    static func canonicalPath(_ path: String) -> String {
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        if let resolved = realpath(folder.isEmpty ? "." : folder, nil) {
            defer { free(resolved) }
            return String(cString: resolved) + "/" + name
        }
        return path
    }

    func hiddenSizes() throws -> [Int] {
        let trimmed = hidden.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return [] }
        return try trimmed.split(separator: ",", omittingEmptySubsequences: false).map { part in
            let text = part.trimmingCharacters(in: .whitespaces)
            guard let size = Int(text), size > 0, size <= 100_000 else {
                throw ValidationError("--hidden: \"\(text)\" is not a layer size (a whole number from 1 to 100000)")
            }
            return size
        }
    }

    func batchSize() throws -> BatchSize? {
        guard let batch else { return nil }
        if batch == "full" { return .full }
        guard let size = Int(batch), size > 0 else {
            throw ValidationError("--batch must be a positive whole number or 'full', not \"\(batch)\"")
        }
        return .samples(size)
    }

    /// The run these flags describe.
    func configuration(defaultThreads: Int) throws -> RunConfiguration {
        var c = RunConfiguration()
        c.dataset = dataset
        c.sampleCount = sampleCount
        c.noise = noise
        c.features = features.map { $0.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } }
        c.standardize = standardize
        c.hiddenSizes = try hiddenSizes()
        c.activation = activation
        c.loss = loss
        c.task = task
        c.optimizer = OptimizerSettings(kind: optimizer, learningRate: lr ?? (optimizer == .adam ? 0.01 : 0.1),
                                        momentum: momentum, beta1: beta1, beta2: beta2, epsilon: eps,
                                        weightDecay: weightDecay, l1: l1)
        c.batch = try batchSize()
        c.epochs = epochs ?? 0
        c.seed = seed
        c.testFraction = testFraction
        c.threads = threads ?? defaultThreads
        c.initFrom = initFrom
        return c
    }
}

extension TrainOptions {
    /// The run to train: resumed from `--resume` (with its history), or prepared from the flags.
    /// `given` are the flags on the command line (a comparison passes each run's own) and
    /// `defaultThreads` the gradient's threads unless `--threads` says.
    func prepareRun(
        given: [String] = TrainOptions.givenFlags, defaultThreads: Int = min(8, ProcessInfo.processInfo.activeProcessorCount)
    ) throws(RunSetupError) -> (PreparedRun, TrainerState?) {
        if let resume {
            let prepared = try SnapshotReader.resume(resume, epochs: epochs, threads: threads)
            _ = try requestedSlice(for: prepared)
            return (prepared, try SnapshotReader.state(resume, prepared: prepared))
        }
        var configuration: RunConfiguration
        do {
            configuration = try self.configuration(defaultThreads: defaultThreads)
        } catch {
            throw RunSetupError("\(error)", exitStatus: 64)
        }
        // A model to continue from brings the settings it was trained with, unless given again.
        var notes: [String] = []
        if let initFrom {
            let model: ModelFile
            do { model = try FileIO.readModel(initFrom) } catch {
                throw RunSetupError(error.description, exitStatus: error.exitStatus)
            }
            notes = try configuration.adoptSettings(of: model, path: initFrom, given: Set(given))
        }
        var prepared: PreparedRun
        do {
            prepared = try configuration.prepare()
        } catch where error.exitStatus == 66 && initFrom != nil && configuration.dataset != dataset {
            throw RunSetupError(error.description + "; it is the data set \(initFrom ?? "") records: give --dataset to use another",
                                exitStatus: 66)
        }
        prepared.notes = notes
        _ = try requestedSlice(for: prepared)
        return (prepared, nil)
    }

    /// The snapshot writer these flags ask for (always available for the `s` key).
    func snapshotService(for run: PreparedRun, screen: @escaping SnapshotService.ScreenProvider) -> SnapshotService {
        let service = SnapshotService(run: run, directory: snapshotDirectory, every: snapshotEvery ?? 0,
                                      keepPeriodic: keepSnapshots, screen: screen)
        // Checked when the run was prepared (`prepareRun`), so a failure here cannot happen.
        if let slice = try? requestedSlice(for: run) { service.slice.withLock { $0 = slice } }
        return service
    }
}
