import Datasets
import MLPEngine

extension ModelFile {
    /// The standardisation stored in `standardize` for `featureCount` features, nil when there is
    /// none; a malformed one, or one for another number of features, is an error naming `path`
    /// (status 65), worded as `ModelInputTransform` words it: a run continued from a model must not
    /// quietly train on inputs its weights were not trained for.
    public func storedStandardizer(featureCount: Int, path: String) throws(RunSetupError) -> Standardizer? {
        guard let saved = self[metadata: "standardize"] else { return nil }
        func numbers(_ value: JSONValue?) -> [Double]? {
            guard let items = value?.arrayValue, items.count == featureCount else { return nil }
            let numbers = items.compactMap(\.doubleValue)
            return numbers.count == featureCount ? numbers : nil
        }
        guard let means = numbers(saved["means"]), let deviations = numbers(saved["deviations"]) else {
            throw RunSetupError("\(path): \"standardize\" must hold \"means\" and \"deviations\", \(featureCount) numbers each",
                                exitStatus: 65)
        }
        let standardizer = Standardizer(means: means, deviations: deviations)
        guard standardizer.unusableFeature == nil else {
            throw RunSetupError("\(path): \"standardize\": means must be finite numbers and deviations finite numbers "
                                + "above 0", exitStatus: 65)
        }
        return standardizer
    }
}
