import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import MLPEngine
import Testing
@testable import Training

/// loss.svg of runs side by side, and the comparison snapshot: a folder per run, loss.svg and
/// summary.json.
@Suite struct ComparisonSnapshotTests {
    /// A history of `epochs` epochs in few buckets, falling from `start`, with one spike to 5 at `spike`.
    static func history(epochs: Int = 400, start: Double = 0.7, spike: Int? = nil) -> LossHistory {
        var history = LossHistory(capacity: 32)
        for epoch in 1...epochs {
            let loss = epoch == spike ? 5 : start * exp(-Double(epoch) / 100) + 0.01
            history.record(EpochReport(epoch: epoch, trainLoss: loss, testLoss: loss * 1.2, trainAccuracy: 0.9,
                                       testAccuracy: 0.8, learningRate: 0.1, gradientNorms: [], seconds: 0,
                                       samplesPerSecond: 0))
        }
        return history
    }

    @Test func everyRunHasItsBandRawLineAndSmoothedLinesInItsColourAndALegendEntry() throws {
        let names = ["lr=0.1", "lr=0.3", "lr=1"]
        let text = ComparisonFiles.lossPicture(names: names, histories: [Self.history(), Self.history(start: 0.5),
                                                                         Self.history(start: 0.3)], title: "Loss")
        let svg = try SVGElements(text)
        for (index, name) in names.enumerated() {
            let run = "\(index + 1) \(name)"
            let colour = SnapshotPictures.runColors[index]
            for kind in ["band", "raw", "curve"] {
                let drawn = svg.elements.filter { $0["class"] == kind && $0["data-run"] == run }
                #expect(drawn.count == 4, "\(run) \(kind): train and test in two panels")
                #expect(drawn.allSatisfy { ($0["fill"] == colour) || ($0["stroke"] == colour) }, "\(run) \(kind) colour")
            }
            #expect(svg.elements.contains { $0.name == "text" && $0.text == run }, "\(run) in the legend")
        }
        // Train solid, test dashed, and the legend says which is which.
        let curves = svg.elements.filter { $0["class"] == "curve" }
        #expect(curves.filter { $0["data-series"] == "test" }.allSatisfy { $0["stroke-dasharray"] != nil })
        #expect(curves.filter { $0["data-series"] == "train" }.allSatisfy { $0["stroke-dasharray"] == nil })
        #expect(svg.elements.contains { $0.name == "text" && $0.text == "test" })
    }

    /// A single spike inside a bucket of 16 epochs: the smoothed line stays low, the band's top
    /// reaches the spike's height.
    @Test func aSpikeStaysVisibleInTheBandUnderTheSmoothedLine() throws {
        let svg = try SVGElements(SnapshotPictures.loss(history: Self.history(spike: 200), learningRateChanges: []))
        func top(_ element: SVGElements.Element, _ attribute: String) -> Double {
            let numbers = (element[attribute] ?? "").split { " ,ML".contains($0) }.compactMap { Double($0) }
            return stride(from: 1, to: numbers.count, by: 2).map { numbers[$0] }.min() ?? .infinity
        }
        let band = try #require(svg.elements.first { $0["class"] == "band" && $0["data-series"] == "train" && $0["data-panel"] == "linear" })
        let curve = try #require(svg.elements.first { $0["class"] == "curve" && $0["data-series"] == "train" && $0["data-panel"] == "linear" })
        // Where a loss value lies on the linear panel, from two of its tick labels.
        let ticks = svg.elements.filter { $0["class"] == "y-tick" && $0["data-panel"] == "linear" }
            .compactMap { tick in Double(tick.text).map { ($0, tick.number("y") - 4) } }
        try #require(ticks.count >= 2)
        let (v0, y0) = ticks[0], (v1, y1) = ticks[ticks.count - 1]
        func y(_ value: Double) -> Double { y0 + (value - v0) / (v1 - v0) * (y1 - y0) }
        #expect(abs(top(band, "points") - y(5)) < 0.5, "the band reaches the spike (5): top at \(top(band, "points")), 5 at \(y(5))")
        #expect(top(curve, "d") > y(1), "the smoothed line stays under 1: top at \(top(curve, "d")), 1 at \(y(1))")
    }

    @Test func aComparisonSnapshotHasAFolderPerRunLossSvgAndSummary() throws {
        let (prepared, checkpoint) = try SnapshotTests.trained(epochs: 3)
        var summary = RunSummary()
        summary.record(EpochReport(epoch: 3, trainLoss: 0.4, testLoss: 0.5, trainAccuracy: 0.8, testAccuracy: 0.7,
                                   learningRate: 0.1, gradientNorms: [], seconds: 0, samplesPerSecond: 0))
        let runs = ["main", "lr=0.3", "optimizer=adam (lr 0.01)"].map { name in
            ComparisonSnapshotWriter.Run(member: ComparisonMember(name: name, settings: ComparisonMember.settings(ofName: name),
                                                                  status: "paused", epoch: 3, summary: summary),
                                         prepared: prepared, checkpoint: checkpoint, screen: ["the screen of \(name)"])
        }
        let directory = NSTemporaryDirectory() + "mlptop-compare-snapshot-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let folder = try ComparisonSnapshotWriter.write(runs, under: directory, runStarted: Date(timeIntervalSince1970: 0))
        #expect(folder.hasSuffix("/1970-01-01T00-00-00-compare-e000000003"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["loss.svg", "lr=0.3", "main", "optimizer=adam__lr_0.01_", "summary.json"])
        for run in ["main", "lr=0.3", "optimizer=adam__lr_0.01_"] {
            let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/" + run)
            #expect(files.contains("model.json") && files.contains("run.json") && files.contains("loss.svg"), "\(run): \(files)")
        }
        // Each run's folder is a whole snapshot: its own screen.txt too.
        for (run, name) in zip(["main", "lr=0.3", "optimizer=adam__lr_0.01_"], ["main", "lr=0.3", "optimizer=adam (lr 0.01)"]) {
            let screen = try String(contentsOfFile: folder + "/" + run + "/screen.txt", encoding: .utf8)
            #expect(screen.hasPrefix("the screen of \(name)\n"), "\(run): \(screen)")
        }
        let json = try JSONParser.parse(String(contentsOfFile: folder + "/summary.json", encoding: .utf8))
        #expect(json["format"]?.stringValue == "mlptop.compare/v1")
        let entries = json["runs"]?.arrayValue ?? []
        #expect(entries.map { $0["folder"]?.stringValue } == ["main", "lr=0.3", "optimizer=adam__lr_0.01_"])
        #expect(entries[1]["settings"]?["lr"]?.stringValue == "0.3")
        #expect(entries[0]["final"]?["train_loss"]?.doubleValue == 0.4)
        let picture = try SVGElements(String(contentsOfFile: folder + "/loss.svg", encoding: .utf8))
        #expect(Set(picture.elements.compactMap { $0["data-run"] }) == ["1 main", "2 lr=0.3", "3 optimizer=adam (lr 0.01)"])
        // Nothing partial is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).count == 1)
    }
}

/// Resuming or showing a comparison snapshot's own folder names the run folders inside.
struct ComparisonSnapshotResumeTests {
    @Test func aComparisonFolderIsRefusedNamingItsRuns() throws {
        let (prepared, checkpoint) = try SnapshotTests.trained(epochs: 3)
        let runs = ["main", "lr=0.3"].map { name in
            ComparisonSnapshotWriter.Run(member: ComparisonMember(name: name, settings: ComparisonMember.settings(ofName: name),
                                                                  status: "paused", epoch: 3, summary: RunSummary()),
                                         prepared: prepared, checkpoint: checkpoint)
        }
        let directory = NSTemporaryDirectory() + "mlptop-compare-resume-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let folder = try ComparisonSnapshotWriter.write(runs, under: directory, runStarted: Date(timeIntervalSince1970: 0))
        do {
            _ = try SnapshotReader.resume(folder, epochs: nil, threads: nil)
            Issue.record("a comparison folder was resumed")
        } catch {
            #expect(error.exitStatus == 66)
            #expect(error.description == "\(folder): a comparison snapshot, not one run: give one of its run folders inside (lr=0.3/, main/)")
        }
        // One of its run folders resumes.
        #expect(try SnapshotReader.resume(folder + "/main", epochs: nil, threads: nil).configuration.dataset == "moons")
    }

    @Test func aWatchSnapshotIsRefusedSayingWhatItIs() throws {
        let folder = NSTemporaryDirectory() + "mlptop-watch-snapshot-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "{}\n".write(toFile: folder + "/watch.json", atomically: true, encoding: .utf8)
        for open in [{ _ = try SnapshotReader.resume(folder, epochs: nil, threads: nil) }, { _ = try SnapshotReader.show(folder) }] {
            do {
                try open()
                Issue.record("a watch snapshot was opened as a run")
            } catch let error as RunSetupError {
                #expect(error.exitStatus == 66)
                #expect(error.description == "\(folder): a snapshot of mlptop watch (watch.json), not of a training run: "
                        + "its screen is screen.txt, its metrics metrics.csv")
            }
        }
    }
}
