import Foundation
import Testing
import TestSupport

/// The settings panel changes a run's data to one with another number of input columns: the map's
/// slice, the snapshot and the keys follow the new data (a snapshot here crashed the monitor).
@Suite("data changed in the settings panel, in tmux", .serialized,
       .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct DataChangeEndToEndTests {
    typealias Monitor = MonitorEndToEndTests

    /// A file of the snapshot in `folder` of the data set `dataset` (its name is in the folder's).
    static func file(_ file: String, of dataset: String, in folder: String) throws -> String {
        let snapshots = try FileManager.default.contentsOfDirectory(atPath: folder)
        let snapshot = try #require(snapshots.first { $0.contains("-\(dataset)-e") }, "\(snapshots)")
        return try String(contentsOfFile: folder + "/" + snapshot + "/" + file, encoding: .utf8)
    }

    @Test("iris → xor → iris with the map moved: s writes each snapshot, x moves the new data's map")
    func snapshotsFollowTheData() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-data-change")
        let iris = WatchEndToEndTests.root + "/datasets/iris.csv"
        let snaps = scratch.file("snaps")
        // In colour (256 colours here), so screen.txt is drawn anew in text glyphs, not copied.
        let session = try Monitor.start(["--speed", "200", "--dataset", iris, "--standardize",
                                         "--snapshot-dir", snaps])
        try session.sendKeys("x")
        try session.waitUntil("the map moved") { Monitor.shows("Slice x: petal_length, y: sepal_width", on: $0) }
        // 4 → 2 columns: the dataset row's next choice is a built-in of two columns.
        try session.sendKeys("e")
        try session.waitUntil("the panel") { Monitor.shows("│ > dataset ", on: $0) }
        try session.sendKeys("Right", "y")
        try session.waitUntil("the xor run") { $0[0].contains("xor 2-16-16-1") }
        try session.sendKeys("Escape", "s")
        try session.waitUntil("the snapshot") { $0[38].contains("snapshot written to") }
        #expect(try Self.file("run.json", of: "xor", in: snaps).contains(#""horizontal": "x1""#))
        try session.sendKeys("x")
        try session.waitUntil("x refused on two columns") { Monitor.shows("for data of 3+ columns", on: $0) }
        // 2 → 4 columns: typed in the panel.
        try session.sendKeys("e", "Enter")
        for _ in 0..<3 { try session.sendKeys("BSpace") }
        try session.sendKeys(iris)
        try session.sendKeys("Enter", "y")
        try session.waitUntil("the iris run again") { $0[0].contains("iris") && $0[0].contains("4-16-16-3") }
        try session.sendKeys("Escape", "x")
        try session.waitUntil("x moves the new data's map") { Monitor.shows("Slice x: petal_length, y: sepal_width", on: $0) }
        try session.sendKeys("s")
        try session.waitUntil("a second snapshot") { _ in (try? FileManager.default.contentsOfDirectory(atPath: snaps).count) == 2 }
        try session.waitUntil("its message") { $0[38].contains("snapshot written to") && $0[38].contains("iris") }
        let run = try Self.file("run.json", of: "iris", in: snaps)
        #expect(run.contains(#""horizontal": "petal_length""#) && run.contains(#""vertical": "sepal_width""#), "\(run)")
        let screen = try Self.file("screen.txt", of: "iris", in: snaps)
        #expect(screen.contains("Slice x: petal_length, y: sepal_width"), "screen.txt shows the map on screen:\n\(screen)")
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("with a fork on screen: run 1's data and layers changed, then s writes folders show can read")
    func comparisonSnapshotDescribesRunsAsNowDefined() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-data-change-fork")
        let snaps = scratch.file("snaps")
        let session = try Monitor.start(["--no-color", "--speed", "200", "--dataset", WatchEndToEndTests.root + "/datasets/iris.csv",
                                         "--standardize", "--snapshot-dir", snaps])
        try session.sendKeys("f", "lr=0.3", "Enter")
        try session.waitUntil("the fork") { Monitor.shows("run 1 of 2", on: $0) }
        try session.sendKeys("e")
        try session.waitUntil("the panel") { Monitor.shows("│ > dataset ", on: $0) }
        // Rows: dataset, n, noise, test-fraction, features, hidden layers: one more layer.
        for _ in 0..<5 { try session.sendKeys("Down") }
        try session.sendKeys("Right", "y")
        try session.waitUntil("three hidden layers") { $0[0].contains("4-16-16-16-3") }
        try session.sendKeys("Up", "Up", "Up", "Up", "Up", "Right", "y")
        try session.waitUntil("xor data") { $0[0].contains("xor 2-16-16-16-1") }
        try session.sendKeys("Escape", "s")
        try session.waitUntil(timeout: .seconds(30), "the snapshot") { Monitor.shows("snapshot of 2 runs written to", on: $0) }
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
        let folder = snaps + "/" + (try #require(try FileManager.default.contentsOfDirectory(atPath: snaps).first))
        for run in ["main", "lr=0.3"] {
            let shown = try CommandLineTests.mlptop(["show", folder + "/" + run, "--print"])
            #expect(shown.status == 0, "\(run): \(shown.standardError)")
        }
        let main = try CommandLineTests.mlptop(["show", folder + "/main", "--print"])
        #expect(main.standardOutput.contains("xor 2-16-16-16-1"))
    }

    @Test("a classification run turned regression in the panel: c shows the confusion view without a crash")
    func confusionViewAfterTurningRegression() throws {
        let session = try Monitor.start(["--no-color", "--speed", "200", "--dataset", WatchEndToEndTests.root + "/datasets/iris.csv",
                                         "--standardize"])
        try session.sendKeys("e")
        try session.waitUntil("the panel") { Monitor.shows("│ > dataset ", on: $0) }
        try session.sendKeys("Right", "Right", "Right", "Right", "Right", "Right", "Right", "y")
        try session.waitUntil("the plane regression") { $0[0].contains("plane 2-16-16-1") && $0[0].contains("R2") }
        try session.sendKeys("Escape", "c")
        try session.waitUntil("the confusion view's legend") { $0.last?.hasPrefix("c dashboard") == true }
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }
}
