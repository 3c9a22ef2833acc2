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
    /// Whether the run fits real-valued targets (the loss is the MSE, R² replaces accuracy, the
    /// map shows the predicted value).
    public var isRegression: Bool
    /// The largest target magnitude of the training set (regression), the map's full-strength shade.
    public var targetScale = 1.0
    /// The number of raw input features; the decision map needs at least 2.
    public var rawFeatureCount: Int
    /// Training and test points projected onto the slice's two columns (empty with fewer than 2).
    public var points: [DataPoint]
    /// A regression on one input column: each point's (x, target), training then test (empty
    /// otherwise); `xRange` and `yRange` then span x and the targets.
    public var curvePoints: [DataPoint] = []
    /// The region of the slice the decision map covers: the data's extent plus a margin.
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    /// Maps a point (x, y) of the slice to the network's inputs (the other raw inputs at their
    /// training means, then feature map and standardisation).
    public var networkInput: @Sendable ([Double]) -> [Double]
    /// The two raw input columns the decision map shows and the values of the others; nil with
    /// fewer than two columns.
    public private(set) var slice: InputSlice?
    /// The raw training and test sets, kept to project them onto another slice.
    private var rawSets: (train: Dataset, test: Dataset)
    /// Maps a whole raw input row to the network's inputs.
    private var rawNetworkInput: @Sendable ([Double]) -> [Double]
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
    /// The test set as the network sees it, for the confusion view.
    public var testSet: Dataset
    /// The run's settings (nil when the monitor was not given them), for the settings panel.
    public var configuration: RunConfiguration?
    /// The settings the run trains with (`PreparedRun.legendSettings`; empty without a configuration),
    /// which the loss chart's legend names runs by.
    public var legendSettings: [String] = []
    /// The row of the data (0-based, as `inspect --sample` counts) of each training sample, when known.
    public var trainingRows: [Int]?

    /// Run information for data sets in raw input space.
    public init(
        datasetName: String, architecture: String, optimizer: String, seed: UInt64,
        rawTrainingSet: Dataset, rawTestSet: Dataset, trainingSet: Dataset? = nil, testSet: Dataset? = nil,
        networkInput: @escaping @Sendable ([Double]) -> [Double]
    ) {
        self.trainingSet = trainingSet ?? rawTrainingSet
        self.testSet = testSet ?? rawTestSet
        self.datasetName = datasetName
        self.architecture = architecture
        self.optimizer = optimizer
        self.seed = seed
        self.networkInput = networkInput
        rawNetworkInput = networkInput
        rawSets = (rawTrainingSet, rawTestSet)
        classCount = max(2, rawTrainingSet.classCount)
        classNames = rawTrainingSet.classes.allNames
        isRegression = rawTrainingSet.isRegression
        if isRegression { targetScale = rawTrainingSet.targets.reduce(0) { max($0, abs($1)) } }
        rawFeatureCount = rawTrainingSet.featureCount
        points = []
        xRange = -1...1
        yRange = -1...1
        guard rawFeatureCount >= 2 else {
            if isRegression, rawFeatureCount == 1 { showCurve(train: rawTrainingSet, test: rawTestSet) }
            return
        }
        show(InputSlice(of: rawTrainingSet))
    }

    /// This run on `slice`'s two columns when `slice` is a slice of this run's data (its column
    /// names), through this run's own means; else this run as it is.
    public func showing(_ slice: InputSlice?) -> MonitorRunInfo {
        guard let slice, let own = self.slice, (own.horizontal, own.vertical) != (slice.horizontal, slice.vertical),
              let rebased = slice.rebased(on: rawSets.train) else { return self }
        return sliced(rebased)
    }

    /// This run shown on `slice`: its points projected onto the slice's columns, the map's ranges
    /// around them, and `networkInput` taking (x, y) of the slice.
    public func sliced(_ slice: InputSlice) -> MonitorRunInfo {
        var copy = self
        copy.show(slice)
        return copy
    }

    private mutating func show(_ slice: InputSlice) {
        self.slice = slice
        points = []
        for (set, isTest) in [(rawSets.train, false), (rawSets.test, true)] {
            let targets = set.isRegression ? set.targets : []
            for i in 0..<set.count {
                var point = DataPoint(x: set.feature(i, slice.horizontal), y: set.feature(i, slice.vertical),
                                      label: set.isRegression ? (targets[i] < 0 ? 0 : 1) : set.labels[i], isTest: isTest)
                if set.isRegression { point.value = targets[i] }
                points.append(point)
            }
        }
        xRange = Self.paddedRange(points.map(\.x))
        yRange = Self.paddedRange(points.map(\.y))
        let whole = rawNetworkInput
        if slice.columnCount == 2 {
            networkInput = whole
        } else {
            networkInput = { @Sendable point in whole(slice.point(point[0], point[1])) }
        }
    }

    /// Run information for a prepared run.
    public init(prepared: PreparedRun) {
        self.init(datasetName: prepared.rawData.name, architecture: prepared.network.architecture,
                  optimizer: prepared.configuration.optimizer.kind.rawValue, seed: prepared.configuration.seed,
                  rawTrainingSet: prepared.rawTrainingSet, rawTestSet: prepared.rawTestSet,
                  trainingSet: prepared.trainingSet, testSet: prepared.testSet, networkInput: { point in prepared.networkInput(point) })
        inputNames = prepared.inputNames
        fullBatch = prepared.batch == .full
        configuration = prepared.configuration
        legendSettings = prepared.legendSettings
        trainingRows = prepared.trainingRows
    }

    /// Whether the decision map can be drawn (the data has at least two raw features).
    public var hasDecisionMap: Bool { rawFeatureCount >= 2 && !points.isEmpty }

    /// The finite extent of `values` with 8 % margin on each side (−1…1 when there is none).
    static func paddedRange(_ values: [Double]) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return -1...1 }
        let span = high - low
        let margin = span > 0 ? span * 0.08 : max(1, abs(low) * 0.1)
        return (low - margin)...(high + margin)
    }
}
