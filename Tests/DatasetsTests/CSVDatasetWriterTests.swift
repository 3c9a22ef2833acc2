import Datasets
import Foundation
import MLPEngine
import Testing

@Suite("CSV writer")
struct CSVDatasetWriterTests {
    @Test func writesHeaderRowsAndFinalNewline() {
        let dataset = Dataset(name: "tiny", featureNames: ["x1", "x2"], features: [0.1, -2, 1e-7, 3.5e20],
                              labels: [1, 0], classCount: 2)
        #expect(CSVDatasetWriter.text(of: dataset) == "x1,x2,label\n0.1,-2.0,1\n1e-07,3.5e+20,0\n")
    }

    @Test func quotesAwkwardHeaderNames() {
        let dataset = Dataset(name: "names", featureNames: ["a,b", "say \"hi\"", " c"], features: [1, 2, 3, 4, 5, 6],
                              labels: [0, 1], classCount: 2)
        let text = CSVDatasetWriter.text(of: dataset)
        #expect(text.hasPrefix("\"a,b\",\"say \"\"hi\"\"\",\" c\",label\n"))
        #expect(readCSV(text).map(\.featureNames) == .success(["a,b", "say \"hi\"", " c"]))
    }

    @Test func roundTripIsBitExact() throws {
        var random = SeededGenerator(seed: 99)
        var features: [Double] = []
        for _ in 0..<3000 {
            let value = Double(bitPattern: random.next())
            features.append(value.isFinite ? value : random.nextUniform(-1e-300, 1e-300))
        }
        let labels = (0..<1000).map { $0 % 4 }
        let dataset = Dataset(name: "round.csv", featureNames: ["a", "b", "c"], features: features,
                              labels: labels, classCount: 4)
        let back = try CSVDatasetReader.read(bytes: Array(CSVDatasetWriter.text(of: dataset).utf8), name: "round.csv")
        #expect(back.features.map(\.bitPattern) == features.map(\.bitPattern))
        #expect(back == dataset)
    }

    @Test func writesAtomicallyAndLeavesNoTemporaryFile() throws {
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("moons.csv").path
        let dataset = BuiltInDataset.moons.generate(count: 50, noise: 0.1, seed: 1)
        try "old content".write(toFile: path, atomically: false, encoding: .utf8)
        try CSVDatasetWriter.write(dataset, toPath: path)
        #expect(try CSVDatasetReader.read(path: path).features == dataset.features)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["moons.csv"])
    }

    @Test func missingFolderCannotBeCreated() throws {
        let path = try temporaryFolder().appendingPathComponent("no/such/x.csv").path
        let dataset = BuiltInDataset.xor.generate(count: 4, noise: 0, seed: 1)
        #expect(throws: DatasetError.cannotCreate(file: path, reason: "no such directory")) {
            try CSVDatasetWriter.write(dataset, toPath: path)
        }
        #expect(DatasetError.cannotCreate(file: "x.csv", reason: "no such directory").description
                == "x.csv: cannot create: no such directory")
        #expect(DatasetError.cannotCreate(file: "x.csv", reason: "r").exitStatus == 73)
        #expect(DatasetError.cannotWrite(file: "x.csv", reason: "no space left on device").description
                == "x.csv: cannot write: no space left on device")
        #expect(DatasetError.cannotWrite(file: "x.csv", reason: "r").exitStatus == 74)
    }
}
