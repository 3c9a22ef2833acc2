import Datasets
import MLPEngine

extension ModelFile {
    /// The classes the model predicts, from its `"classes"` member: what its outputs are called
    /// and how a data file's labels map to them. A model without one (trained on labels 0..K−1,
    /// or written by another tool) has `indices`. Status 65, naming `path`, when the member is
    /// malformed or does not match the network's class count.
    public func classNames(path: String) throws(RunSetupError) -> ClassNames {
        guard let saved = self[metadata: "classes"] else { return .indices(count: network.classCount) }
        switch ClassNames.decode(saved, classCount: network.classCount) {
        case .success(let classes): return classes
        case .failure(let error): throw RunSetupError("\(path): \(error.description)", exitStatus: 65)
        }
    }

    /// Checks that data read from `dataPath` with its own labels has the model's classes, in the
    /// same order; status 65 naming both otherwise. Two sets of plain class numbers pass: their
    /// counts are the caller's to compare.
    public func checkClasses(of dataset: Dataset, path: String, dataPath: String) throws(RunSetupError) {
        let classes = try classNames(path: path)
        guard classes != dataset.classes, !(classes.isIndices && dataset.classes.isIndices) else { return }
        throw RunSetupError("\(path): the model's classes (\(classes.shortList)) are not those of \(dataPath) "
                            + "(\(dataset.classes.shortList))", exitStatus: 65)
    }
}
