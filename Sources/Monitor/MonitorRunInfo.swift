import Datasets
import TerminalUI
import Training

/// What the monitor knows about a run besides the trainer's state: names for the status bar,
/// the data in input space for the decision map, and how a point of that space becomes the
/// network's inputs.
public struct MonitorRunInfo: Sendable {
    /// The data set's name (`spiral`, a CSV file name).
    public var datasetName: String
    /// The layer sizes, `2-16-16-1`.
    public var architecture: String
    /// The optimiser's name (`sgd`, `momentum`, `adam`).
    public var optimizer: String
    /// The number of classes.
    public var classCount: Int
    /// Class k's name as the data wrote it (`setosa`, `3`), or its number.
    public var classNames: [String]
    /// The number of raw input features; the decision map needs exactly 2.
    public var rawFeatureCount: Int
    /// Training and test points in raw input space (empty unless `rawFeatureCount` is 2).
    public var points: [DataPoint]
    /// The region of input space the decision map covers: the data's extent plus a margin.
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    /// Maps a raw input point to the network's inputs (feature map, then standardisation).
    public var networkInput: @Sendable ([Double]) -> [Double]
    /// The seed the initial weights were drawn from.
    public var seed: UInt64
    /// Whether every step uses the whole training set (then the next step's gradient is known).
    public var fullBatch = true
    /// The names of the network's inputs (CSV column or feature names), for the weight map; empty
    /// when unknown.
    public var inputNames: [String] = []
    /// The training set as the network sees it (after features and standardisation), for the
    /// network view's inspector: its samples, labels and input names.
    public var trainingSet: Dataset
    /// The run's settings (nil when the monitor was not given them), for the settings panel.
    public var configuration: RunConfiguration?

    /// Run information for data sets in raw input space.
    public init(
        datasetName: String, architecture: String, optimizer: String, seed: UInt64,
        rawTrainingSet: Dataset, rawTestSet: Dataset, trainingSet: Dataset? = nil,
        networkInput: @escaping @Sendable ([Double]) -> [Double]
    ) {
        self.trainingSet = trainingSet ?? rawTrainingSet
        self.datasetName = datasetName
        self.architecture = architecture
        self.optimizer = optimizer
        self.seed = seed
        self.networkInput = networkInput
        classCount = max(2, rawTrainingSet.classCount)
        classNames = rawTrainingSet.classes.allNames
        rawFeatureCount = rawTrainingSet.featureCount
        points = []
        guard rawFeatureCount == 2 else {
            xRange = -1...1
            yRange = -1...1
            return
        }
        for (set, isTest) in [(rawTrainingSet, false), (rawTestSet, true)] {
            for i in 0..<set.count {
                points.append(DataPoint(x: set.feature(i, 0), y: set.feature(i, 1), label: set.labels[i], isTest: isTest))
            }
        }
        xRange = Self.paddedRange(points.map(\.x))
        yRange = Self.paddedRange(points.map(\.y))
    }

    /// Run information for a prepared run.
    public init(prepared: PreparedRun) {
        self.init(datasetName: prepared.rawData.name, architecture: prepared.network.architecture,
                  optimizer: prepared.configuration.optimizer.kind.rawValue, seed: prepared.configuration.seed,
                  rawTrainingSet: prepared.rawTrainingSet, rawTestSet: prepared.rawTestSet,
                  trainingSet: prepared.trainingSet, networkInput: { point in prepared.networkInput(point) })
        inputNames = prepared.inputNames
        fullBatch = prepared.batch == .full
        configuration = prepared.configuration
    }

    /// Whether the decision map can be drawn (the data has two raw features).
    public var hasDecisionMap: Bool { rawFeatureCount == 2 && !points.isEmpty }

    /// The finite extent of `values` with 8 % margin on each side (−1…1 when there is none).
    static func paddedRange(_ values: [Double]) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return -1...1 }
        let span = high - low
        let margin = span > 0 ? span * 0.08 : max(1, abs(low) * 0.1)
        return (low - margin)...(high + margin)
    }
}
