import Datasets
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import MLPEngine
import Testing
@testable import Training

/// Snapshots: what they contain, that they resume exactly, and that faults never leave a
/// complete-looking half snapshot.
@Suite(.serialized)
struct SnapshotTests {
    /// A fresh folder, removed again when the test's `Scratch` goes away.
    final class Scratch {
        let path = NSTemporaryDirectory() + "mlptop-snapshots-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        init() throws { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    /// A prepared moons run trained for `epochs` through a paused Trainer, and its checkpoint.
    static func trained(epochs: Int, batch: BatchSize = .full) throws -> (PreparedRun, TrainingCheckpoint) {
        var c = RunConfiguration()
        c.dataset = "moons"
        c.sampleCount = 200
        c.hiddenSizes = [8]
        c.optimizer = OptimizerSettings(kind: .adam, learningRate: 0.01)
        c.batch = batch
        let prepared = try c.prepare()
        let trainer = Trainer(run: prepared.makeTrainingRun(), targetEpochs: 0, startPaused: true,
                              makeNetwork: { prepared.freshNetwork(seed: $0) })
        trainer.start()
        for _ in 0..<epochs { trainer.send(.step) }
        trainer.send(.setLearningRate(0.02))
        let deadline = Date().addingTimeInterval(20)
        while trainer.state.epoch < epochs && Date() < deadline { usleep(1000) }
        trainer.send(.stop)
        trainer.waitUntilStopped()
        return (prepared, trainer.checkpoint())
    }

    static let started = Date(timeIntervalSince1970: 1_790_000_000)

    @Test func folderNamesSortByRunAndEpoch() {
        #expect(SnapshotWriter.folderName(runStarted: Self.started, dataset: "moons", epoch: 1200)
                == "2026-09-21T14-13-20-moons-e000001200")
        #expect(SnapshotWriter.folderName(runStarted: Self.started, dataset: "/data/my file.csv", epoch: 7)
                == "2026-09-21T14-13-20-my_file-e000000007")
        // Runs of millions of epochs still sort by epoch (16,000 epochs/s make a million a minute).
        let epochs = [7, 999_999, 8_739_832, 120_000_000]
        let names = epochs.map { SnapshotWriter.folderName(runStarted: Self.started, dataset: "moons", epoch: $0) }
        #expect(names.sorted() == names)
    }

    /// confusion.csv counts the final network's predictions on the training and test sets (their
    /// diagonals are the engine's accuracy), and screen.txt ends with the same matrices.
    @Test func aSnapshotHoldsTheConfusionMatrices() throws {
        let (prepared, checkpoint) = try Self.trained(epochs: 12)
        let scratch = try Scratch()
        let folder = try SnapshotWriter.write(checkpoint, run: prepared, screen: ["screen line"], under: scratch.path,
                                              runStarted: Self.started)
        let rows = try String(contentsOfFile: folder + "/confusion.csv", encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: ",").map(String.init) }
        #expect(rows.first == ["set", "true_class", "0", "1"])
        #expect(rows.dropFirst().map { Array($0.prefix(2)) } == [["train", "0"], ["train", "1"], ["test", "0"], ["test", "1"]])
        for (set, data, offset) in [("train", prepared.trainingSet, 1), ("test", prepared.testSet, 3)] {
            let counts = rows[offset..<offset + 2].map { $0.dropFirst(2).compactMap { Int($0) } }
            #expect(counts.map { $0.reduce(0, +) } == data.countsPerClass, "\(set)")
            let accuracy = checkpoint.network.batchGradient(features: data.features, labels: data.labels).accuracy
            #expect(Double(counts[0][0] + counts[1][1]) / Double(data.count) == accuracy, "\(set)")
        }
        let screen = try String(contentsOfFile: folder + "/screen.txt", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(screen.first == "screen line")
        #expect(screen.contains { $0.hasPrefix("Confusion matrix, training set (160 samples, accuracy ") })
        #expect(screen.contains { $0.hasPrefix("Confusion matrix, test set (40 samples, accuracy ") })
        #expect(screen.filter { $0.hasPrefix("true \\ predicted") }.count == 2)
    }

    @Test func aSnapshotHoldsEveryFileAndWellFormedPictures() throws {
        let (prepared, checkpoint) = try Self.trained(epochs: 12)
        let scratch = try Scratch()
        let directory = scratch.path
        let folder = try SnapshotWriter.write(checkpoint, run: prepared, screen: ["screen line"], under: directory,
                                              runStarted: Self.started)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["boundary.svg", "confusion.csv", "loss.svg", "metrics.csv", "model.json", "network.svg",
                          "optimizer.json", "run.json", "screen.txt", "state.json", "weights.svg"])
        let metrics = try String(contentsOfFile: folder + "/metrics.csv", encoding: .utf8).split(separator: "\n")
        #expect(metrics.count == 13)
        #expect(metrics[0] == "epoch,train_loss,test_loss,train_accuracy,test_accuracy,lr,grad_norm_w0,grad_norm_b0,grad_norm_w1,grad_norm_b1")
        let run = try JSONParser.parse(String(contentsOfFile: folder + "/run.json", encoding: .utf8))
        #expect(run["commands"]?.arrayValue?.last?["command"]?.stringValue == "stop")
        #expect(run["learning_rate_changes"]?.arrayValue?.count == 1)
        // Pictures: valid XML with one circle per data point and one path per curve and panel.
        for name in ["loss.svg", "boundary.svg", "weights.svg"] {
            let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name)))
            let counter = ElementCounter()
            parser.delegate = counter
            #expect(parser.parse(), "\(name) is not well-formed XML")
            switch name {
            case "boundary.svg": #expect(counter.count(of: "circle") == prepared.rawData.count)
            case "loss.svg": #expect(counter.count(of: "path") == 4)
            default: #expect(counter.count(of: "rect") > 8 * 3)
            }
        }
        // The network: a thumbnail per neuron of the 2-8-1 net, a line per weight, the epoch.
        let network = try SVGElements(String(contentsOfFile: folder + "/network.svg", encoding: .utf8))
        #expect(network.elements.filter { $0.name == "g" && $0["class"] == "neuron" }.count == 2 + 8 + 1)
        #expect(network.elements.filter { $0.name == "line" && $0["class"] == "weight" }.count == 2 * 8 + 8)
        #expect(network.elements.first { $0["class"] == "title" }?.text == "moons · 2-8-1 · epoch 12")
        #expect(run["files"]?.arrayValue?.contains(.string("network.svg")) == true)
    }

    @Test(arguments: [BatchSize.full, .samples(16)])
    func resumingContinuesBitForBit(batch: BatchSize) throws {
        let (prepared, checkpoint) = try Self.trained(epochs: 10, batch: batch)
        let scratch = try Scratch()
        let directory = scratch.path
        let folder = try SnapshotWriter.write(checkpoint, run: prepared, screen: nil, under: directory, runStarted: Self.started)
        let resumed = try SnapshotReader.resume(folder, epochs: 20, threads: 1)
        #expect(resumed.startEpoch == 10)
        #expect(resumed.network == checkpoint.network)
        #expect(resumed.optimizer == checkpoint.optimizer)
        #expect(resumed.generator == checkpoint.generator)
        // The history carries on too: loss buckets, per-epoch metrics, the command log.
        let history = try SnapshotReader.state(folder, prepared: resumed)
        #expect(history.history == checkpoint.state.history)
        #expect(history.metrics.rows.map(\.epoch) == Array(1...10))
        #expect(history.metrics.rows.map(\.trainLoss) == checkpoint.state.metrics.rows.map(\.trainLoss))
        #expect(history.commandLog == checkpoint.state.commandLog)
        #expect(history.learningRateChanges == checkpoint.state.learningRateChanges)
        // Continue both the original state and the resumed one for 10 epochs.
        let original = TrainingRun(network: checkpoint.network, optimizer: checkpoint.optimizer,
                                   trainingSet: prepared.trainingSet, testSet: prepared.testSet, batchSize: batch,
                                   threads: 1, epoch: 10, generator: checkpoint.generator)
        let continued = resumed.makeTrainingRun()
        for _ in 0..<10 {
            _ = original.runEpoch()
            _ = continued.runEpoch()
        }
        #expect(continued.network.parameters.map(\.bitPattern) == original.network.parameters.map(\.bitPattern))
        #expect(continued.epoch == 20)
    }

    @Test func nameCollisionsAndFoldersThatAppearGetANewName() throws {
        let (prepared, checkpoint) = try Self.trained(epochs: 2)
        let scratch = try Scratch()
        let directory = scratch.path
        let name = SnapshotWriter.folderName(runStarted: Self.started, dataset: "moons", epoch: checkpoint.epoch)
        // Someone else's empty folder already has the name: it is left alone.
        try FileManager.default.createDirectory(atPath: directory + "/" + name, withIntermediateDirectories: false)
        let first = try SnapshotWriter.write(checkpoint, run: prepared, screen: nil, under: directory, runStarted: Self.started)
        let second = try SnapshotWriter.write(checkpoint, run: prepared, screen: nil, under: directory, runStarted: Self.started)
        #expect(first == directory + "/" + name + "-2")
        #expect(second == directory + "/" + name + "-3")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/" + name).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test func anUnwritableFolderGivesAClearErrorAndLeavesNothing() throws {
        let (prepared, checkpoint) = try Self.trained(epochs: 1)
        let scratch = try Scratch()
        let directory = scratch.path
        let blocker = directory + "/not-a-folder"
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        #expect(throws: FileError(path: blocker + "/snaps", reason: "cannot create: a part of the path is not a directory",
                                  exitStatus: 73)) {
            try SnapshotWriter.write(checkpoint, run: prepared, screen: nil, under: blocker + "/snaps", runStarted: Self.started)
        }
        #expect(throws: FileError(path: blocker, reason: "cannot create: exists and is not a directory", exitStatus: 73)) {
            try SnapshotWriter.write(checkpoint, run: prepared, screen: nil, under: blocker, runStarted: Self.started)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["not-a-folder"])
    }

    @Test func theMetricsLogThinsByAStatedRule() {
        var log = MetricsLog(capacity: 4)
        for epoch in 1...20 {
            log.record(EpochReport(epoch: epoch, trainLoss: 1, testLoss: nil, trainAccuracy: 1, testAccuracy: nil,
                                   learningRate: 0.1, gradientNorms: [], seconds: 0, samplesPerSecond: 0))
        }
        #expect(log.stride == 8)
        #expect(log.rows.map(\.epoch) == [8, 16])
        #expect(log.rowsForExport.map(\.epoch) == [8, 16, 20])
        #expect(log.rule.contains("now 8"))
    }
}

/// Counts XML elements by name.
final class ElementCounter: NSObject, XMLParserDelegate {
    private var counts: [String: Int] = [:]
    func count(of name: String) -> Int { counts[name, default: 0] }
    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        counts[elementName, default: 0] += 1
    }
}
