import MLPEngine

/// A labelled data set: `count` samples of `featureCount` numbers each, and per sample an integer
/// class label 0..<`classCount` (classification) or a real target (regression: `targets`, carried
/// in `labels` as `RegressionTarget` words, with `classCount` 1).
///
/// Features are stored row-major (`features[i * featureCount + j]` is feature j of sample i),
/// contiguous, ready for the engine to copy from. A value type, `Sendable`.
public struct Dataset: Sendable, Equatable {
    /// Where the data came from, for display: a generator name (`moons`) or a file name.
    public var name: String
    /// Column names of the features, e.g. `["x1", "x2"]`.
    public var featureNames: [String]
    /// Row-major features, `count × featureCount`.
    public var features: [Double]
    /// One class label per sample, each in `0..<classCount`.
    public var labels: [Int]
    /// The number of classes K (at least 2).
    public var classCount: Int
    /// What the labels were called in the file: class k's name (`indices` when the file's labels
    /// were 0..<K themselves, and for generated data).
    public var classes: ClassNames
    /// Classes, or real-valued targets.
    public var task: LearningTask = .classification

    /// A data set from row-major `features` (count × featureNames.count) and one label per sample;
    /// `classes` defaults to the labels' own numbers.
    public init(name: String, featureNames: [String], features: [Double], labels: [Int], classCount: Int,
                classes: ClassNames? = nil) {
        precondition(classes == nil || classes?.count == classCount, "classes must name classCount classes")
        precondition(featureNames.isEmpty || features.count == labels.count * featureNames.count,
                     "features must hold count × featureCount numbers")
        self.name = name
        self.featureNames = featureNames
        self.features = features
        self.labels = labels
        self.classCount = classCount
        self.classes = classes ?? .indices(count: classCount)
    }

    /// A regression data set: one real `targets` value per sample.
    public init(name: String, featureNames: [String], features: [Double], targets: [Double]) {
        self.init(name: name, featureNames: featureNames, features: features,
                  labels: targets.map(RegressionTarget.word), classCount: 1)
        task = .regression
    }

    /// Whether the labels are real-valued targets.
    public var isRegression: Bool { task == .regression }

    /// The real target of each sample (regression), read from `labels`.
    public var targets: [Double] { labels.map(RegressionTarget.value) }

    /// The number of samples.
    public var count: Int { labels.count }
    /// The number of features per sample.
    public var featureCount: Int { featureNames.count }

    /// Feature `j` of sample `i`.
    public func feature(_ i: Int, _ j: Int) -> Double { features[i * featureCount + j] }
}
