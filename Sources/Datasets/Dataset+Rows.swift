extension Dataset {
    /// The samples at `rows`, in that order, with the same names and class count. O(rows × features).
    public func selecting(rows: [Int]) -> Dataset {
        var selected: [Double] = []
        selected.reserveCapacity(rows.count * featureCount)
        for row in rows {
            selected.append(contentsOf: features[(row * featureCount)..<((row + 1) * featureCount)])
        }
        var result = Dataset(name: name, featureNames: featureNames, features: selected,
                             labels: rows.map { labels[$0] }, classCount: classCount, classes: classes)
        result.task = task
        return result
    }

    /// The number of samples of each class, indexed by label.
    public var countsPerClass: [Int] {
        var counts = Array(repeating: 0, count: classCount)
        if isRegression { return [count] }
        for label in labels { counts[label] += 1 }
        return counts
    }

    /// Sample `i`'s features as an array.
    public func point(_ i: Int) -> [Double] {
        Array(features[(i * featureCount)..<((i + 1) * featureCount)])
    }
}
