import Foundation
import Testing
import TestSupport

/// The live monitor on data of one's own: a 4-column CSV shows a slice map named by its columns,
/// `x` and `y` choose them; `c` shows the confusion matrices with the class names; a regression
/// run shows R² and the predicted value.
@Suite("mlptop's monitor on your own data, in tmux", .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct OwnDataMonitorEndToEndTests {
    static let iris = InspectCommandTests.root + "/datasets/iris.csv"

    @Test("iris: a slice map of two named columns, x and y change the pair; c shows both matrices by class name")
    func sliceAndConfusion() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-slice")
        let snapshots = scratch.file("snapshots")
        let session = try MonitorEndToEndTests.start(["--dataset", Self.iris, "--standardize", "--hidden", "8",
                                                      "--optimizer", "adam", "--lr", "0.01", "--snapshot-dir", snapshots])
        var screen = try session.waitUntil("the slice map") {
            MonitorEndToEndTests.shows("Slice x: sepal_length, y: sepal_width", on: $0)
        }
        #expect(!MonitorEndToEndTests.shows("no map", on: screen))
        try session.sendKeys("x")
        // Both on one whole frame: a capture can catch a frame half drawn.
        try session.waitUntil("the next column across, and x's message") {
            MonitorEndToEndTests.shows("Slice x: petal_length, y: sepal_width", on: $0)
                && MonitorEndToEndTests.shows("map: x petal_length, y sepal_width", on: $0)
        }
        // A snapshot's boundary.svg shows the slice on screen.
        try session.sendKeys("s")
        try session.waitUntil("the snapshot") { MonitorEndToEndTests.shows("snapshot", on: $0) }
        let deadline = Date().addingTimeInterval(30)
        var svg: String?
        while svg == nil && Date() < deadline {
            let folders = (try? FileManager.default.contentsOfDirectory(atPath: snapshots))?.filter { !$0.hasPrefix(".") } ?? []
            svg = folders.first.flatMap { try? String(contentsOfFile: snapshots + "/\($0)/boundary.svg", encoding: .utf8) }
            if svg == nil { usleep(50_000) }
        }
        #expect(svg?.contains("slice: petal_length × sepal_width, the other 2 inputs at their training means") == true)
        try session.sendKeys("y")
        try session.waitUntil("the next column up") { MonitorEndToEndTests.shows("Slice x: petal_length, y: petal_width", on: $0) }
        try session.sendKeys("c")
        screen = try session.waitUntil("the confusion view") { MonitorEndToEndTests.shows("Test set: 30 samples", on: $0) }
        #expect(MonitorEndToEndTests.shows("Training set: 120 samples", on: screen))
        #expect(MonitorEndToEndTests.shows("true \\ predicted  setosa  versicolor  virginica  recall", on: screen))
        #expect(screen.contains { $0.contains("│versicolor ") })
        #expect(screen.last?.hasPrefix("c dashboard") == true)
        try session.sendKeys("c")
        try session.waitUntil("the dashboard again") { MonitorEndToEndTests.shows("Gradient norms", on: $0) }
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("plane: a regression run shows R2 in the status bar, the loss as MSE and the predicted value")
    func regression() throws {
        let session = try MonitorEndToEndTests.start(["--dataset", "plane", "--hidden", "4", "--lr", "0.03"])
        let screen = try session.waitUntil("a few epochs") { (MonitorEndToEndTests.epoch(on: $0) ?? 0) > 50 }
        #expect(screen[0].contains(" R2 "))
        #expect(!screen[0].contains(" acc "))
        #expect(MonitorEndToEndTests.shows("┌─ Loss = MSE", on: screen))
        #expect(MonitorEndToEndTests.shows("Prediction", on: screen))
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }
}
