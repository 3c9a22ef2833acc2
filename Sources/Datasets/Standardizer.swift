/// Per-feature standardisation, z = (x − mean) / deviation, fitted on a training set.
///
/// Fitted once on the training data and then applied unchanged to test data and to the
/// decision-map grid; its two arrays go into the model metadata. A value type, `Sendable`.
public struct Standardizer: Sendable, Equatable {
    /// The mean of each feature in the fitting set.
    public let means: [Double]
    /// The population standard deviation of each feature; 1 where it was 0 (a constant feature).
    public let deviations: [Double]

    /// The first feature whose mean or deviation is not a finite number (or whose deviation is not
    /// above 0), or nil when every feature can be standardised. A fit gives such a feature when its
    /// values are too large for their sum or their squared spread to fit in a Double (beyond about
    /// 1e308 and 1e154): applying the standardizer would turn that feature into infinities or NaN.
    public var unusableFeature: Int? {
        means.indices.first { !(means[$0].isFinite && deviations[$0].isFinite && deviations[$0] > 0) }
    }

    /// Restores a standardizer from stored arrays of equal length.
    public init(means: [Double], deviations: [Double]) {
        precondition(means.count == deviations.count, "means and deviations must have equal length")
        self.means = means
        self.deviations = deviations
    }

    /// Fits means and deviations to `dataset` (an empty one gives means 0, deviations 1). Values
    /// too large to standardise give a mean or deviation that is not finite: check `unusableFeature`
    /// before applying the result. O(count × features).
    public init(fitting dataset: Dataset) {
        let width = dataset.featureCount
        var sums = Array(repeating: 0.0, count: width)
        for row in 0..<dataset.count { for j in 0..<width { sums[j] += dataset.feature(row, j) } }
        let count = Double(max(dataset.count, 1))
        let means = sums.map { $0 / count }
        var squares = Array(repeating: 0.0, count: width)
        for row in 0..<dataset.count {
            for j in 0..<width {
                let difference = dataset.feature(row, j) - means[j]
                squares[j] += difference * difference
            }
        }
        let deviations = squares.map { sum -> Double in
            let deviation = (sum / count).squareRoot()
            return deviation == 0 ? 1 : deviation
        }
        self.init(means: means, deviations: deviations)
    }

    /// `dataset` with every feature standardised. O(count × features).
    public func apply(to dataset: Dataset) -> Dataset {
        precondition(dataset.featureCount == means.count, "feature count differs from the fitted one")
        var result = dataset
        let width = means.count
        for index in result.features.indices {
            let j = index % width
            result.features[index] = (result.features[index] - means[j]) / deviations[j]
        }
        return result
    }

    /// One point standardised, for the decision-map grid.
    public func transform(point: [Double]) -> [Double] {
        precondition(point.count == means.count, "feature count differs from the fitted one")
        return point.indices.map { (point[$0] - means[$0]) / deviations[$0] }
    }
}
