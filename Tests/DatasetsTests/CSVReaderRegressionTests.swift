import Datasets
import Testing

/// Real-valued targets: when a file is read as a regression, and what it holds then.
@Suite("CSV reader: regression targets")
struct CSVReaderRegressionTests {
    @Test func aFractionalLabelMakesTheFileARegression() throws {
        // Whole numbers before the first fraction become the targets they spell.
        let dataset = try CSVDatasetReader.read(bytes: Array("x,y\n0,0\n1,2\n2,-0.14\n3,1e-3\n".utf8), name: "sine.csv")
        #expect(dataset.isRegression)
        #expect(dataset.classCount == 1)
        #expect(dataset.targets == [0, 2, -0.14, 0.001])
        #expect(dataset.features == [0, 1, 2, 3])
    }

    @Test func wholeNumbersStayClassesUnlessAskedForARegression() throws {
        let text = Array("age,score\n50,151\n60,75\n70,141\n".utf8)
        let classes = try CSVDatasetReader.read(bytes: text, name: "diabetes.csv")
        #expect(!classes.isRegression && classes.classCount == 3)
        let read = try CSVDatasetReader.read(bytes: text, name: "diabetes.csv", options: CSVReadOptions(task: .regression))
        #expect(read.dataset.isRegression && read.dataset.targets == [151, 75, 141])
    }

    @Test func askingForClassesRefusesAFraction() {
        #expect(throws: DatasetError.self) {
            try CSVDatasetReader.read(bytes: Array("x,y\n1,0.5\n2,1\n".utf8), name: "r.csv",
                                      options: CSVReadOptions(task: .classification))
        }
    }

    @Test func aRegressionSetSplitsWriteAndReadsBackBitForBit() throws {
        let generated = BuiltInDataset.multigauss.generate(count: 200, noise: 0.1, seed: 3)
        let split = DatasetSplit.stratified(generated, testFraction: 0.25, seed: 3)
        #expect(split.test.count == 50 && split.train.count == 150)
        #expect(split.train.isRegression && split.test.isRegression)
        let back = try CSVDatasetReader.read(bytes: Array(CSVDatasetWriter.text(of: generated).utf8), name: "m.csv")
        #expect(back.targets.map(\.bitPattern) == generated.targets.map(\.bitPattern))
    }

    @Test func playgroundTargetsAtKnownPoints() {
        // plane: (x + y)/10 in Playground units; a point of 10 gives +1.
        let plane = BuiltInDataset.plane.generate(count: 300, noise: 0, seed: 1)
        for i in 0..<plane.count {
            #expect(abs(plane.targets[i] - (plane.feature(i, 0) + plane.feature(i, 1)) * 5 / 10) < 1e-12)
        }
        // multigauss: each bump's centre has its sign at full strength, far away nothing.
        let bumps = BuiltInDataset.multigauss.generate(count: 2000, noise: 0, seed: 1)
        #expect(bumps.targets.allSatisfy { abs($0) <= 1 })
        #expect(bumps.targets.contains { $0 > 0.9 } && bumps.targets.contains { $0 < -0.9 })
    }
}
