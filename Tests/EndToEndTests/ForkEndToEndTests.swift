import Foundation
import Testing
import TestSupport

/// Forks side by side (`f`, `1`…`6`, `a`): the real binary in tmux.
@Suite("forks in tmux", .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct ForkEndToEndTests {
    typealias Monitor = MonitorEndToEndTests

    @Test("f with lr=0.3 adds a run and a legend entry; 2 shows it; a bad change is refused with the flag's message")
    func forkASecondRun() throws {
        let session = try Monitor.start(["--dataset", "moons", "--no-color", "--speed", "200"])
        try session.waitUntil("some epochs") { (Monitor.epoch(on: $0) ?? 0) > 20 }
        try session.sendKeys("f")
        try session.waitUntil("the fork prompt") { $0[38].hasPrefix("fork with one change") }
        try session.sendKeys("l", "r", "=", "-", "1", "Enter")
        try session.waitUntil("the refusal") { $0[38].hasPrefix("fork refused: --lr must be a positive number, not -1.0") }
        // A setting the run's optimiser (sgd) ignores is refused as train refuses it.
        try session.sendKeys("f", "m", "o", "m", "e", "n", "t", "u", "m", "=", "0", ".", "5", "Enter")
        try session.waitUntil("the momentum refusal") { $0[38].hasPrefix("fork refused: --momentum applies to --optimizer momentum only") }
        try session.sendKeys("f", "l", "r", "=", "0", ".", "3", "Enter")
        var screen = try session.waitUntil("the second run") { $0[38].hasPrefix("run 2: lr=0.3, forked from run 1") }
        screen = try session.waitUntil("its legend entry") { Monitor.shows("2 lr=0.3", on: $0) }
        #expect(Monitor.learningRate(on: screen) == "0.1")
        try session.sendKeys("2")
        screen = try session.waitUntil("run 2 on show") { Monitor.learningRate(on: $0) == "0.3" }
        #expect(Monitor.shows("1 main", on: screen), "the first run is now an overlay")
        #expect(Monitor.shows("┌─ Loss: run 2 of 2, lr=0.3", on: screen))
        try session.sendKeys("3")
        try session.waitUntil("no run 3") { $0[38].hasPrefix("no run 3: 2 running") }
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("s then q at once with two runs: quitting waits for the comparison snapshot, which is whole")
    func quittingRightAfterAComparisonSnapshotKeepsIt() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-fork-snapshot")
        let snapshots = scratch.file("snapshots")
        let session = try Monitor.start(["--dataset", "moons", "--no-color", "--speed", "0", "--snapshot-dir", snapshots])
        try session.waitUntil("some epochs") { (Monitor.epoch(on: $0) ?? 0) > 20 }
        try session.sendKeys("f")
        try session.waitUntil("the fork prompt") { $0[38].hasPrefix("fork with one change") }
        try session.sendKeys("l", "r", "=", "0", ".", "3", "Enter")
        try session.waitUntil("the second run") { Monitor.shows("run 2: lr=0.3, forked from run 1", on: $0) }
        try session.sendKeys("s", "q")
        #expect(try session.waitForExit() == 0)
        let entries = try FileManager.default.contentsOfDirectory(atPath: snapshots)
        #expect(!entries.contains { $0.hasPrefix(".") }, "a partial folder was left: \(entries)")
        let folder = try #require(entries.first { $0.contains("-compare-") }, "\(entries)")
        for file in ["summary.json", "loss.svg", "main/model.json", "lr=0.3/screen.txt"] {
            #expect(FileManager.default.fileExists(atPath: "\(snapshots)/\(folder)/\(file)"), "\(file)")
        }
    }
}

