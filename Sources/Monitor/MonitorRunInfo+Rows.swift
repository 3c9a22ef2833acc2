import Datasets
import Training

extension MonitorRunInfo {
    /// The data row of each of `prepared`'s training samples: the rows `DatasetSplit` chose, when
    /// they give exactly its training set (nil for a split made otherwise, e.g. by data editing).
    /// O(samples × features), once per run.
    static func trainingRows(of prepared: PreparedRun) -> [Int]? {
        let configuration = prepared.configuration
        let rows = DatasetSplit.stratifiedRows(prepared.rawData, testFraction: configuration.testFraction, seed: configuration.seed)
        return prepared.rawData.selecting(rows: rows.train) == prepared.rawTrainingSet ? rows.train : nil
    }
}
