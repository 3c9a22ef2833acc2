import Datasets
import MLPEngine

/// What training did to the raw CSV columns before the network saw them, read back from a saved
/// model: its `features` (a `FeatureMap` spec) and then its `standardize` means and deviations,
/// `x ↦ (map(x) − mean) / deviation`. The same maps, in the same order, with the same arithmetic
/// as `RunConfiguration.prepare`, so a command that reads a model and a CSV (`mlptop inspect`)
/// feeds the network bit for bit the inputs a run resumed from that model trains on.
///
/// A model without `features` passes the columns through; one without `standardize` is not
/// standardised. `standardize` arrays of the wrong length are an error, here as in a resumed run
/// (`ModelFile.storedStandardizer`), because a model whose transform cannot be applied cannot be
/// inspected honestly. A value type, `Sendable`.
public struct ModelInputTransform: Sendable, Equatable {
    /// The computed features, from the model's `features`, or the identity.
    public let featureMap: FeatureMap
    /// The model's standardisation, applied after the feature map, or nil.
    public let standardizer: Standardizer?

    /// A transform from its two parts.
    public init(featureMap: FeatureMap, standardizer: Standardizer?) {
        self.featureMap = featureMap
        self.standardizer = standardizer
    }

    /// The transform stored in `model` (read from the file `path`) for data of `rawFeatureCount`
    /// feature columns (read from `dataPath`; the paths are for messages). Status 65, naming the
    /// files, when the metadata is malformed or does not fit the columns or the network's inputs.
    public init(model: ModelFile, path: String, dataPath: String, rawFeatureCount: Int) throws(RunSetupError) {
        // A model saved by a run names the raw columns it was trained on: a CSV with other columns
        // could still fit a feature map (x1*x2 reads only two of three columns), silently.
        if let names = model[metadata: "input_names"]?.arrayValue, names.count != rawFeatureCount {
            let listed = names.compactMap(\.stringValue).joined(separator: ", ")
            throw RunSetupError("\(path): the model was trained on \(names.count) input columns (\(listed)) but "
                                + "\(dataPath) has \(rawFeatureCount)", exitStatus: 65)
        }
        var map = FeatureMap.identity(inputCount: rawFeatureCount)
        if let saved = model[metadata: "features"] {
            guard let names = saved.arrayValue?.compactMap(\.stringValue), names.count == saved.arrayValue?.count else {
                throw RunSetupError("\(path): \"features\" must be an array of feature names", exitStatus: 65)
            }
            do {
                map = try FeatureMap(spec: names, inputCount: rawFeatureCount)
            } catch {
                throw RunSetupError("\(path): \"features\": \(error.description)", exitStatus: 65)
            }
        }
        let inputs = model.network.inputCount
        guard map.outputCount == inputs else {
            let given = model[metadata: "features"] == nil ? "\(dataPath) has \(map.outputCount) feature columns"
                : "its \"features\" give \(map.outputCount)"
            throw RunSetupError("\(path): the model takes \(inputs) inputs but \(given)", exitStatus: 65)
        }
        var standardizer: Standardizer?
        if let saved = model[metadata: "standardize"] {
            guard let means = Self.numbers(saved["means"], count: inputs),
                  let deviations = Self.numbers(saved["deviations"], count: inputs) else {
                throw RunSetupError("\(path): \"standardize\" must hold \"means\" and \"deviations\", \(inputs) numbers each",
                                    exitStatus: 65)
            }
            standardizer = Standardizer(means: means, deviations: deviations)
            guard standardizer?.unusableFeature == nil else {
                throw RunSetupError("\(path): \"standardize\": means must be finite numbers and deviations finite "
                                    + "numbers above 0", exitStatus: 65)
            }
        }
        self.init(featureMap: map, standardizer: standardizer)
    }

    /// `dataset` (raw columns) as the network's inputs: the feature map, then standardisation.
    /// O(count × features).
    public func apply(to dataset: Dataset) -> Dataset {
        let mapped = featureMap.apply(to: dataset)
        return standardizer?.apply(to: mapped) ?? mapped
    }

    /// One raw point as the network's inputs.
    public func transform(point: [Double]) -> [Double] {
        let mapped = featureMap.transform(point: point)
        return standardizer?.transform(point: mapped) ?? mapped
    }

    /// `count` numbers, or nil when `value` is not an array of exactly that many numbers.
    private static func numbers(_ value: JSONValue?, count: Int) -> [Double]? {
        guard let items = value?.arrayValue, items.count == count else { return nil }
        let numbers = items.compactMap(\.doubleValue)
        return numbers.count == count ? numbers : nil
    }
}

extension ModelInputTransform {
    /// The rows of `dataset` (read from `dataPath`) as `model`'s network sees them, after checking
    /// that they fit: the stored transform applied, and labels the network can predict (its
    /// classes, by name when it stores them; its class count, or two classes for one output unit,
    /// as a resumed run requires). Status 65 otherwise.
    public static func networkData(
        model: ModelFile, modelPath: String, dataset: Dataset, dataPath: String
    ) throws(RunSetupError) -> Dataset {
        let transform = try ModelInputTransform(model: model, path: modelPath, dataPath: dataPath,
                                                rawFeatureCount: dataset.featureCount)
        let network = model.network
        try RunConfiguration.checkModel(network, path: modelPath, fits: dataset.task)
        if dataset.isRegression { return transform.apply(to: dataset) }
        try model.checkClasses(of: dataset, path: modelPath, dataPath: dataPath)
        guard network.classCount == dataset.classCount else {
            throw RunSetupError("\(modelPath): the model predicts \(network.classCount) classes but \(dataPath) has "
                                + "\(dataset.classCount)", exitStatus: 65)
        }
        return transform.apply(to: dataset)
    }
}
