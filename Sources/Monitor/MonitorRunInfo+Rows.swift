import Datasets
import Training

extension MonitorRunInfo {
    /// The data row of each of `prepared`'s training samples: the rows `DatasetSplit` chose, when
    /// they give its training set (nil for a split made otherwise, e.g. by data editing). The
    /// check compares labels and each row's features in place, without copying the data.
    /// O(samples × features), once per run.
    static func trainingRows(of prepared: PreparedRun) -> [Int]? {
        let configuration = prepared.configuration, raw = prepared.rawData, train = prepared.rawTrainingSet
        let rows = DatasetSplit.stratifiedRows(raw, testFraction: configuration.testFraction, seed: configuration.seed).train
        let width = raw.featureNames.count
        guard rows.count == train.labels.count, train.featureNames.count == width,
              raw.features.count == raw.labels.count * width, train.features.count == train.labels.count * width else { return nil }
        for (i, row) in rows.enumerated() {
            guard raw.labels[row] == train.labels[i],
                  raw.features[(row * width)..<((row + 1) * width)] == train.features[(i * width)..<((i + 1) * width)]
            else { return nil }
        }
        return rows
    }
}
