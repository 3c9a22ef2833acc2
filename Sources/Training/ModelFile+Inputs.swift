import Datasets
import MLPEngine

/// How a model's inputs are made from a data set's raw columns: the features and standardisation
/// its metadata records. A model trained with `--features` or `--standardize` predicts nonsense on
/// raw columns, so every reader of a model applies this first.
public struct ModelInputTransform: Sendable, Equatable {
    /// The computed features (the identity when the model records none).
    public var featureMap: FeatureMap
    /// The stored standardisation, applied after the features (nil when the model records none).
    public var standardizer: Standardizer?

    /// `dataset` as the network takes it: features computed, then standardised.
    public func apply(to dataset: Dataset) -> Dataset {
        let mapped = featureMap.apply(to: dataset)
        return standardizer?.apply(to: mapped) ?? mapped
    }
}

extension ModelFile {
    /// The input transform this model's metadata records (`features`, `standardize`), for data of
    /// `rawInputCount` feature columns; `path` names the file in errors (status 65).
    public func inputTransform(rawInputCount: Int, path: String) throws(RunSetupError) -> ModelInputTransform {
        var featureMap = FeatureMap.identity(inputCount: rawInputCount)
        if let saved = self[metadata: "features"] {
            guard let spec = saved.arrayValue?.compactMap(\.stringValue), spec.count == saved.arrayValue?.count else {
                throw RunSetupError("\(path): \"features\" must be a list of feature names", exitStatus: 65)
            }
            do {
                featureMap = try FeatureMap(spec: spec, inputCount: rawInputCount)
            } catch {
                throw RunSetupError("\(path): \"features\": \(error.description)", exitStatus: 65)
            }
        }
        return ModelInputTransform(featureMap: featureMap,
                                   standardizer: try storedStandardizer(featureCount: featureMap.outputCount, path: path))
    }

    /// The standardisation stored in `standardize` for `featureCount` features, nil when there is
    /// none; a malformed one, or one for another number of features, is an error naming `path`.
    public func storedStandardizer(featureCount: Int, path: String) throws(RunSetupError) -> Standardizer? {
        guard let saved = self[metadata: "standardize"] else { return nil }
        guard let means = saved["means"]?.arrayValue?.compactMap(\.doubleValue),
              let deviations = saved["deviations"]?.arrayValue?.compactMap(\.doubleValue),
              means.count == saved["means"]?.arrayValue?.count, deviations.count == saved["deviations"]?.arrayValue?.count
        else {
            throw RunSetupError("\(path): \"standardize\" must have \"means\" and \"deviations\" lists of numbers",
                                exitStatus: 65)
        }
        guard means.count == featureCount, deviations.count == featureCount else {
            throw RunSetupError("\(path): \"standardize\" has \(means.count) means and \(deviations.count) deviations "
                                + "for \(featureCount) features", exitStatus: 65)
        }
        let standardizer = Standardizer(means: means, deviations: deviations)
        guard standardizer.unusableFeature == nil else {
            throw RunSetupError("\(path): \"standardize\": means must be finite numbers and deviations finite numbers "
                                + "above 0", exitStatus: 65)
        }
        return standardizer
    }
}
