import MLPEngine

/// Splits a data set into training and test sets.
public enum DatasetSplit {
    /// A seeded, stratified split: each class gives `round(testFraction × its count)` samples,
    /// chosen at random, to the test set (but keeps at least one for training when
    /// `testFraction < 1`); the rest train. Both parts keep the original sample order.
    /// `testFraction` must be in 0...1; 0 gives an empty test set. Deterministic in `seed`. O(count).
    public static func stratified(_ dataset: Dataset, testFraction: Double, seed: UInt64)
        -> (train: Dataset, test: Dataset) {
        let rows = stratifiedRows(dataset, testFraction: testFraction, seed: seed)
        return (dataset.selecting(rows: rows.train), dataset.selecting(rows: rows.test))
    }

    /// The rows of `dataset` (0-based, ascending) that `stratified` puts in each part: training
    /// sample i is row `train[i]` of the data, the row `mlptop inspect --sample` takes. O(count).
    public static func stratifiedRows(_ dataset: Dataset, testFraction: Double, seed: UInt64)
        -> (train: [Int], test: [Int]) {
        precondition(testFraction >= 0 && testFraction <= 1, "testFraction must be in 0...1")
        var random = SeededGenerator(seed: seed)
        var rowsOfClass = Array(repeating: [Int](), count: dataset.classCount)
        // Regression: one stratum, the whole set.
        for (row, label) in dataset.labels.enumerated() { rowsOfClass[dataset.isRegression ? 0 : label].append(row) }
        var isTest = Array(repeating: false, count: dataset.count)
        for var rows in rowsOfClass where !rows.isEmpty {
            var testCount = Int((Double(rows.count) * testFraction).rounded())
            if testFraction < 1 { testCount = min(testCount, rows.count - 1) }
            for position in 0..<testCount {
                let pick = position + random.nextIndex(below: rows.count - position)
                rows.swapAt(position, pick)
                isTest[rows[position]] = true
            }
        }
        let allRows = Array(0..<dataset.count)
        return (allRows.filter { !isTest[$0] }, allRows.filter { isTest[$0] })
    }
}
