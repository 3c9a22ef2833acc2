import Datasets
import Testing

@Suite("Stratified split")
struct DatasetSplitTests {
    let dataset = BuiltInDataset.spiral3.generate(count: 300, noise: 0.1, seed: 4)

    @Test func keepsClassProportions() {
        let (train, test) = DatasetSplit.stratified(dataset, testFraction: 0.2, seed: 1)
        #expect(test.countsPerClass == [20, 20, 20])
        #expect(train.countsPerClass == [80, 80, 80])
        #expect(train.classCount == 3 && test.classCount == 3 && train.featureNames == dataset.featureNames)
    }

    @Test func partitionsTheSamples() {
        let (train, test) = DatasetSplit.stratified(dataset, testFraction: 0.25, seed: 2)
        let key = { (d: Dataset, i: Int) in [d.feature(i, 0), d.feature(i, 1), Double(d.labels[i])] }
        let all = Set((0..<dataset.count).map { key(dataset, $0) })
        let parts = (0..<train.count).map { key(train, $0) } + (0..<test.count).map { key(test, $0) }
        #expect(parts.count == dataset.count && Set(parts) == all)
    }

    @Test func isDeterministicInTheSeed() {
        let first = DatasetSplit.stratified(dataset, testFraction: 0.2, seed: 5)
        let again = DatasetSplit.stratified(dataset, testFraction: 0.2, seed: 5)
        let other = DatasetSplit.stratified(dataset, testFraction: 0.2, seed: 6)
        #expect(first.train == again.train && first.test == again.test)
        #expect(first.test != other.test)
    }

    @Test func zeroFractionGivesAnEmptyTestSet() {
        let (train, test) = DatasetSplit.stratified(dataset, testFraction: 0, seed: 1)
        #expect(train == dataset)
        #expect(test.count == 0 && test.features.isEmpty && test.featureNames == ["x1", "x2"])
    }

    @Test func everyClassKeepsATrainingSample() {
        let tiny = Dataset(name: "tiny", featureNames: ["x"], features: [1, 2, 3], labels: [0, 1, 1], classCount: 2)
        let (train, test) = DatasetSplit.stratified(tiny, testFraction: 0.9, seed: 1)
        #expect(train.countsPerClass == [1, 1] && test.countsPerClass == [0, 1])
    }
}

/// The rows behind a split: what the network view names as the data row `inspect --sample` takes.
struct DatasetSplitRowsTests {
    @Test func theRowsAreTheOnesTheSplitSelected() {
        let data = Dataset(name: "d", featureNames: ["x"], features: (0..<20).map(Double.init),
                           labels: (0..<20).map { $0 % 3 == 0 ? 1 : 0 }, classCount: 2)
        let rows = DatasetSplit.stratifiedRows(data, testFraction: 0.3, seed: 5)
        let split = DatasetSplit.stratified(data, testFraction: 0.3, seed: 5)
        #expect(data.selecting(rows: rows.train) == split.train)
        #expect(data.selecting(rows: rows.test) == split.test)
        #expect((rows.train + rows.test).sorted() == Array(0..<20))
        #expect(rows.train != Array(0..<rows.train.count), "the test rows are spread through the data")
    }
}
