import Foundation
import Testing
import TestSupport

/// A fork to another optimiser brings that optimiser's learning rate: the comparison snapshot
/// stores both as settings of their own (summary.json, the folder name), not a display label.
@Suite("fork settings in a comparison snapshot", .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct RunForksSettingsEndToEndTests {
    typealias Monitor = MonitorEndToEndTests

    @Test("f optimizer=adam: summary.json has optimizer adam and lr 0.01, the folder optimizer=adam,lr=0.01")
    func optimizerForkStoresItsLearningRateAsASetting() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-fork-settings")
        let snapshots = scratch.file("snapshots")
        let session = try Monitor.start(["--dataset", "moons", "--no-color", "--speed", "0", "--snapshot-dir", snapshots])
        try session.waitUntil("some epochs") { (Monitor.epoch(on: $0) ?? 0) > 20 }
        try session.sendKeys("f")
        try session.waitUntil("the fork prompt") { $0[38].hasPrefix("fork with one change") }
        try session.sendKeys("o", "p", "t", "i", "m", "i", "z", "e", "r", "=", "a", "d", "a", "m", "Enter")
        try session.waitUntil("the second run") { Monitor.shows("run 2: optimizer=adam", on: $0) }
        try session.sendKeys("s", "q")
        #expect(try session.waitForExit() == 0)
        let entries = try FileManager.default.contentsOfDirectory(atPath: snapshots)
        let folder = try #require(entries.first { $0.contains("-compare-") }, "\(entries)")
        let runs = try FileManager.default.contentsOfDirectory(atPath: "\(snapshots)/\(folder)")
        #expect(runs.contains("optimizer=adam,lr=0.01"), "\(runs)")
        let summary = try String(contentsOfFile: "\(snapshots)/\(folder)/summary.json", encoding: .utf8)
        let compact = summary.filter { !$0.isWhitespace }
        #expect(compact.contains(#""settings":{"optimizer":"adam","lr":"0.01"}"#), "\(summary)")
    }
}
