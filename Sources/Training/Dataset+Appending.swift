import Datasets

extension Dataset {
    /// This data set's samples followed by `other`'s (same features and classes). O(count).
    func appending(_ other: Dataset) -> Dataset {
        precondition(other.featureCount == featureCount && other.classCount == classCount, "appending data of another shape")
        var result = Dataset(name: name, featureNames: featureNames, features: features + other.features,
                             labels: labels + other.labels, classCount: classCount, classes: classes)
        result.task = task
        return result
    }
}
