import Datasets
import Training

extension MonitorRunInfo {
    /// Run information for a watched log: its name, no data points (no decision map), no network
    /// of mlptop's own.
    public static func watched(source: String) -> MonitorRunInfo {
        let empty = Dataset(name: source, featureNames: [], features: [], labels: [], classCount: 2)
        let name = WatchedFacts.shortName(of: source)
        return MonitorRunInfo(datasetName: name, architecture: "", optimizer: "", seed: 0, rawTrainingSet: empty,
                              rawTestSet: empty, networkInput: { $0 })
    }
}
