import Datasets
import Foundation
import MLPEngine
import Testing
@testable import Training

/// Class names travel from the CSV into the saved model and are checked when a model meets data.
@Suite("Class names in runs and models")
struct ClassNamesRunTests {
    /// A CSV in a fresh folder: two features, `labels` cycling over the rows.
    static func csv(_ labels: [String], rows: Int = 40) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mlptop-classes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var text = "a,b,kind\n"
        for row in 0..<rows {
            let k = row % labels.count
            text += "\(Double(k) + Double(row % 7) * 0.01),\(Double(row % 5) * 0.1),\(labels[k])\n"
        }
        let path = folder.appendingPathComponent("d.csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func configuration(_ path: String) -> RunConfiguration {
        var configuration = RunConfiguration()
        configuration.dataset = path
        configuration.hiddenSizes = [4]
        return configuration
    }

    @Test func namedClassesAreSavedInTheModelAndReadBack() throws {
        let prepared = try Self.configuration(try Self.csv(["\"b, x\"", "a", "c"])).prepare()
        let file = prepared.modelFile(network: prepared.network, epoch: 0)
        #expect(file[metadata: "classes"] == .array([.string("a"), .string("b, x"), .string("c")]))
        let decoded = try ModelFile.decode(file.encoded())
        #expect(try decoded.classNames(path: "m.json") == .names(["a", "b, x", "c"]))
    }

    @Test func numberedClassesAreSavedAsNumbers() throws {
        let prepared = try Self.configuration(try Self.csv(["1", "2", "3"])).prepare()
        #expect(prepared.modelFile(network: prepared.network, epoch: 0)[metadata: "classes"]
                == .array([.number("1"), .number("2"), .number("3")]))
    }

    @Test func labelsZeroToKMinusOneWriteNoClasses() throws {
        let prepared = try Self.configuration(try Self.csv(["0", "1"])).prepare()
        #expect(prepared.modelFile(network: prepared.network, epoch: 0)[metadata: "classes"] == nil)
        #expect(try prepared.modelFile(network: prepared.network, epoch: 0).classNames(path: "m.json") == .indices(count: 2))
    }

    @Test func initFromAModelOfOtherClassesIsStatus65NamingBoth() throws {
        let named = try Self.csv(["x", "y"])
        let prepared = try Self.configuration(named).prepare()
        let model = (named as NSString).deletingLastPathComponent + "/m.json"
        try prepared.modelFile(network: prepared.network, epoch: 0).encoded().write(toFile: model, atomically: true, encoding: .utf8)
        var other = Self.configuration(try Self.csv(["x", "z"]))
        other.initFrom = model
        #expect(throws: RunSetupError("\(model): the model's classes (x, y) are not those of \(other.dataset) (x, z)",
                                      exitStatus: 65)) { try other.prepare() }
        var same = Self.configuration(named)
        same.initFrom = model
        #expect(try same.prepare().network == prepared.network)
    }

    @Test func malformedClassesAreStatus65() throws {
        var file = ModelFile(network: try Network(sizes: [2, 3], hidden: .tanh, output: .softmax, loss: .softmaxCrossEntropy,
                                                  seed: 1))
        file.setMetadata("classes", .array([.string("a"), .string("b")]))
        #expect(throws: RunSetupError("m.json: \"classes\" has 2 entries but the network predicts 3 classes", exitStatus: 65)) {
            try file.classNames(path: "m.json")
        }
    }
}

@Suite("Class names in pictures")
struct ClassNamesPictureTests {
    @Test func boundaryKeyNamesTheClasses() throws {
        let named = try ClassNamesRunTests.configuration(try ClassNamesRunTests.csv(["red", "blue"])).prepare()
        let svg = SnapshotPictures.boundary(run: named, network: named.network, epoch: 0)
        #expect(svg.contains(">blue</text>") && svg.contains(">red</text>") && !svg.contains(">class 0</text>"))
        let plain = try ClassNamesRunTests.configuration(try ClassNamesRunTests.csv(["0", "1"])).prepare()
        #expect(SnapshotPictures.boundary(run: plain, network: plain.network, epoch: 0).contains(">class 0</text>"))
    }

    @Test func networkPictureNamesTheOutputsByClass() throws {
        let softmax = try Network(sizes: [2, 3], hidden: .tanh, output: .softmax, loss: .softmaxCrossEntropy, seed: 1)
        let named = SnapshotPictures.network(softmax, dataset: "d", inputNames: ["a", "b"], epoch: 0, plane: nil,
                                             classNames: ["setosa", "versicolor", "a<b"])
        #expect(named.contains(">P(setosa)</text>") && named.contains(">P(versicolor)</text>")
                && named.contains(">P(a&lt;b)</text>"))
        let plain = SnapshotPictures.network(softmax, dataset: "d", inputNames: ["a", "b"], epoch: 0, plane: nil)
        #expect(plain.contains(">P(class 0)</text>"))
        let sigmoid = try Network(sizes: [2, 1], hidden: .tanh, output: .sigmoid, loss: .bce, seed: 1)
        #expect(SnapshotPictures.network(sigmoid, dataset: "d", inputNames: ["a", "b"], epoch: 0, plane: nil,
                                         classNames: ["-1", "1"]).contains(">P(1)</text>"))
    }
}

@Suite("Class names in inspect")
struct ClassNamesInspectTests {
    @Test func theSampleLineNamesTheClass() throws {
        var network = try Network(sizes: [2, 2, 1], activations: [.sigmoid, .sigmoid], loss: .mse)
        network.parameters = [0.15, 0.2, 0.25, 0.3, 0.35, 0.35, 0.4, 0.45, 0.6]
        let named = Dataset(name: "d", featureNames: ["x1", "x2"], features: [0.05, 0.1, 0.1, 0.05], labels: [0, 1],
                            classCount: 2, classes: .numbers([-1, 1]))
        #expect(InspectReport(network: network, data: named, sample: 1).text()
            .hasPrefix("sample 1 of 2, label 1 (class 1): classified correctly\n"))
        #expect(InspectReport(network: network, data: named, sample: 0).text()
            .hasPrefix("sample 0 of 2, label -1 (class 0): misclassified\n"))
        let plain = Dataset(name: "d", featureNames: ["x1", "x2"], features: [0.05, 0.1, 0.1, 0.05], labels: [0, 1],
                            classCount: 2)
        #expect(InspectReport(network: network, data: plain, sample: 0).text().hasPrefix("sample 0 of 2, label 0: misclassified\n"))
    }
}
