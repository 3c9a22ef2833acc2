import Datasets
import MLPEngine

/// Everything a user chooses about a training run, independent of how it is shown.
public struct RunConfiguration: Sendable, Equatable {
    /// A built-in generator's name or a CSV path.
    public var dataset = "spiral"
    /// Samples and noise for a built-in generator (nil: its defaults).
    public var sampleCount: Int?
    public var noise: Double?
    /// Input features, e.g. `["x1", "x2", "x1^2"]` (nil: the raw columns).
    public var features: [String]?
    /// Standardise inputs with the training set's mean and deviation.
    public var standardize = false
    public var hiddenSizes = [16, 16]
    public var activation: Activation = .tanh
    /// nil: bce for two classes, softmax-ce for more (squared-error for regression).
    public var loss: Loss?
    /// Classes or real targets; nil: as the data says (see `LearningTask`).
    public var task: LearningTask?
    public var optimizer = OptimizerSettings(kind: .sgd, learningRate: 0.1)
    /// nil: full batch for up to `fullBatchLimit` training samples, else `largeSetBatch`.
    public var batch: BatchSize?

    /// The largest training set that trains full-batch by default.
    public static let fullBatchLimit = 10_000
    /// The default mini-batch size for larger training sets.
    public static let largeSetBatch = 256
    /// The run's total length in epochs, counted from the model's epoch 0 (0: until stopped).
    public var epochs = 0
    public var seed: UInt64 = 1
    public var testFraction = 0.2
    public var threads = 1
    /// Start from this model file's exact weights (architecture and loss from the file).
    public var initFrom: String?

    public init() {}
}

/// A run ready to train: the data split and transformed, the network, the optimiser, and the
/// metadata a saved model carries so it can be applied again.
public struct PreparedRun: Sendable {
    public var configuration: RunConfiguration
    /// The data as loaded (before features and standardisation), for the decision map.
    public var rawData: Dataset
    public var trainingSet: Dataset
    public var testSet: Dataset
    /// The raw-train/raw-test split, untransformed, for plotting points in input space.
    public var rawTrainingSet: Dataset
    public var rawTestSet: Dataset
    public var featureMap: FeatureMap
    public var standardizer: Standardizer?
    public var network: Network
    public var optimizer: Optimizer
    /// Epochs the model had already been trained (from `--init-from` metadata or a snapshot).
    public var startEpoch: Int
    /// The stream that shuffles mini-batches (restored exactly on `--resume`).
    public var generator: SeededGenerator
    /// Lines for the user about how the run was set up (e.g. settings taken from `--init-from`).
    public var notes: [String] = []
    /// Whether the data were edited on the decision map (then snapshots carry them as data.csv).
    public var dataEdited = false
    /// The data row (0-based, as `inspect --sample` counts) of each training sample: the rows
    /// the seeded split chose. Nil when the split was given (edited data, a snapshot's data.csv).
    public var trainingRows: [Int]?

    /// The batch size in force (resolved from the default by `prepare`).
    public var batch: BatchSize { configuration.batch ?? .full }

    /// The training run this preparation describes, on `threads` threads.
    public func makeTrainingRun() -> TrainingRun {
        TrainingRun(network: network, optimizer: optimizer, trainingSet: trainingSet, testSet: testSet,
                    batchSize: batch, threads: configuration.threads, epoch: startEpoch,
                    generator: generator)
    }

    /// The names of the network's inputs: the CSV header's column names, in the feature names
    /// too (`age^2` for `x1^2` when column 1 is `age`).
    public var inputNames: [String] {
        let columns = rawData.featureNames
        return featureMap.spec.map { name in
            // Each `xN` (N counting from 1) becomes column N's name.
            var result = "", rest = Substring(name)
            while let x = rest.firstIndex(of: "x") {
                result += rest[..<x]
                let digits = rest[rest.index(after: x)...].prefix { $0.isNumber }
                if let n = Int(digits), n >= 1, n <= columns.count {
                    result += columns[n - 1]
                } else {
                    result += "x" + digits
                }
                rest = rest[rest.index(after: x)...].dropFirst(digits.count)
            }
            return result + rest
        }
    }

    /// Maps a raw input point (e.g. a decision-map grid point) to the network's inputs.
    public func networkInput(_ point: [Double]) -> [Double] {
        let mapped = featureMap.transform(point: point)
        return standardizer?.transform(point: mapped) ?? mapped
    }

    /// A fresh network of this run's shape with weights drawn from `seed`.
    public func freshNetwork(seed: UInt64) -> Network {
        // The shape is that of a network that exists, so it is valid and this cannot fail.
        (try? Network(sizes: network.sizes, activations: network.shapes.map(\.activation), loss: network.loss, seed: seed))
            ?? network
    }

    /// The model file of `network` with this run's metadata at `epoch`.
    public func modelFile(network: Network, epoch: Int) -> ModelFile {
        var file = ModelFile(network: network)
        file.setMetadata("epoch", .number(epoch))
        file.setMetadata("dataset", .string(configuration.dataset))
        file.setMetadata("input_names", .array(rawData.featureNames.map(JSONValue.string)))
        if rawData.isRegression {
            file.setMetadata("task", .string(LearningTask.regression.rawValue))
        } else if let classes = rawData.classes.json {
            file.setMetadata("classes", classes)
        }
        if featureMap != .identity(inputCount: rawData.featureCount) {
            file.setMetadata("features", .array(featureMap.spec.map(JSONValue.string)))
        }
        if let standardizer {
            file.setMetadata("standardize", .object([
                ("means", .array(standardizer.means.map(JSONValue.number))),
                ("deviations", .array(standardizer.deviations.map(JSONValue.number))),
            ]))
        }
        file.setMetadata("seed", .number(configuration.seed))
        file.setMetadata("optimizer", configuration.optimizer.json)
        return file
    }
}

/// Why a run could not be prepared; `description` is one line, `exitStatus` from sysexits.h.
public struct RunSetupError: Error, Equatable, CustomStringConvertible {
    public var description: String
    public var exitStatus: Int32

    public init(_ description: String, exitStatus: Int32) {
        self.description = description
        self.exitStatus = exitStatus
    }
}
