import Foundation
import Testing
import TestSupport

/// `mlptop compare` without --headless: the grid side by side in the monitor.
@Suite("compare in the monitor", .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct CompareMonitorEndToEndTests {
    typealias Monitor = MonitorEndToEndTests

    @Test("the grid's runs train side by side, each named by what varies in the loss chart's legend")
    func aGridSideBySide() throws {
        let path = try #require(ProcessRunner.builtProduct(named: "mlptop"))
        let session = try TmuxSession(command: [path, "compare", "--vary", "lr=0.1,0.3", "--vary", "optimizer=sgd,momentum",
                                                "--dataset", "moons", "--no-color"], width: 120, height: 40)
        var screen = try session.waitUntil(timeout: .seconds(60), "the runs") { Monitor.shows("┌─ Loss: run 1 of 4, lr=0.1,optimizer=sgd", on: $0) }
        // The legend names the others by what differs from run 1; too long, by the values only, cut
        // to fit the panel if need be: none vanishes.
        let legend = screen.first { $0.contains("• train") } ?? ""
        #expect(["• 2 mo", "• 3 0.3", "• 4 0.3"].allSatisfy(legend.contains), "\(legend)")
        try session.sendKeys("4")
        screen = try session.waitUntil("run 4 on show") { Monitor.shows("┌─ Loss: run 4 of 4", on: $0) }
        #expect(Monitor.learningRate(on: screen) == "0.3")
        #expect(screen[0].contains("lr 0.3 momentum"), "\(screen[0])")
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("--snapshot-dir is where s writes the comparison snapshot of the grid's runs")
    func snapshotDirectoryTakesTheComparisonSnapshot() throws {
        let path = try #require(ProcessRunner.builtProduct(named: "mlptop"))
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-compare-snapshot")
        let snapshots = scratch.file("cs")
        let session = try TmuxSession(command: [path, "compare", "--vary", "lr=0.03,0.3", "--dataset", "moons",
                                                "--no-color", "--snapshot-dir", snapshots], width: 120, height: 40)
        try session.waitUntil(timeout: .seconds(60), "the runs") { Monitor.shows("┌─ Loss: run 1 of 2, lr=0.03", on: $0) }
        try session.sendKeys("s")
        try session.waitUntil(timeout: .seconds(30), "the snapshot") { Monitor.shows("snapshot of 2 runs written to", on: $0) }
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
        let entries = try FileManager.default.contentsOfDirectory(atPath: snapshots)
        let folder = try #require(entries.first { $0.contains("-compare-") }, "\(entries)")
        for file in ["summary.json", "loss.svg"] {
            #expect(FileManager.default.fileExists(atPath: "\(snapshots)/\(folder)/\(file)"), "\(file)")
        }
    }
    @Test("x then s: every run's folder records the slice on screen; with run 2 on show, s says so on its line")
    func comparisonSnapshotsKeepTheSliceAndSpeakOnEveryRun() throws {
        let path = try #require(ProcessRunner.builtProduct(named: "mlptop"))
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-compare-slice")
        let snapshots = scratch.file("cs")
        let iris = WatchEndToEndTests.root + "/datasets/iris.csv"
        let session = try TmuxSession(command: [path, "compare", "--vary", "lr=0.03,0.3", "--dataset", iris, "--standardize",
                                                "--no-color", "--snapshot-dir", snapshots], width: 120, height: 40)
        try session.waitUntil(timeout: .seconds(60), "the runs") { Monitor.shows("┌─ Loss: run 1 of 2, lr=0.03", on: $0) }
        try session.sendKeys("2", "x")
        try session.waitUntil("run 2, the map moved") {
            Monitor.shows("run 2 of 2", on: $0) && Monitor.shows("Slice x: petal_length, y: sepal_width", on: $0)
        }
        try session.sendKeys("s")
        try session.waitUntil(timeout: .seconds(30), "the message on run 2's line") { Monitor.shows("snapshot of 2 runs written to", on: $0) }
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
        let entries = try FileManager.default.contentsOfDirectory(atPath: snapshots)
        let folder = try #require(entries.first { $0.contains("-compare-") }, "\(entries)")
        let runs = try FileManager.default.contentsOfDirectory(atPath: "\(snapshots)/\(folder)").filter { $0.hasPrefix("lr=") }
        #expect(runs.count == 2, "\(runs)")
        for run in runs {
            let json = try String(contentsOfFile: "\(snapshots)/\(folder)/\(run)/run.json", encoding: .utf8)
            #expect(json.contains(#""horizontal": "petal_length""#), "\(run): \(json)")
            let screen = try String(contentsOfFile: "\(snapshots)/\(folder)/\(run)/screen.txt", encoding: .utf8)
            #expect(screen.contains("Slice x: petal_length, y: sepal_width"), "\(run)")
        }
    }
}
