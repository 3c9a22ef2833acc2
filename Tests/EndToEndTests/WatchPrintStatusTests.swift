import Foundation
import Testing
import TestSupport

/// `mlptop watch --print` does not claim RUNNING for a log nothing has added to for a while: it
/// shows `QUIET`, as the live screen does once a log has not grown for 3 seconds.
@Suite struct WatchPrintStatusTests {
    static func log(in folder: ProcessScratchDirectory, age: TimeInterval) throws -> String {
        let log = folder.file("run.jsonl")
        try (1...5).map { "{\"epoch\": \($0), \"train_loss\": \(1.0 / Double($0)), \"time\": \(1_700_000_000 + $0)}" }
            .joined(separator: "\n").appending("\n").write(toFile: log, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -age)], ofItemAtPath: log)
        return log
    }

    /// The first line `watch --print` shows for a 5-epoch log last written `age` seconds ago.
    static func statusLine(age: TimeInterval) throws -> String {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-watch-print")
        let result = try WatchEndToEndTests.mlptop(["watch", try Self.log(in: folder, age: age), "--print"])
        #expect(result.status == 0, "\(result.standardError)")
        return String(try #require(result.standardOutput.split(separator: "\n").first))
    }

    @Test func aLogUnchangedForMinutesIsQuietNotRunning() throws {
        let first = try Self.statusLine(age: 600)
        #expect(first.hasPrefix(" QUIET      epoch 5 "), "\(first)")
        #expect(!first.contains("epochs/s"), "no speed for a log that does not grow")
    }

    @Test func aLogJustWrittenMayStillBeRunning() throws {
        let first = try Self.statusLine(age: 0)
        #expect(first.hasPrefix(" RUNNING    epoch 5 "), "\(first)")
    }

    @Test func aTensorBoardDirectoryIsAsOldAsItsNewestEventFile() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-watch-print")
        let fixture = WatchEndToEndTests.root + "/Tests/WatchTests/Fixtures/tensorboard"
        let copy = folder.file("runs")
        try FileManager.default.copyItem(atPath: fixture, toPath: copy)
        let old = Date(timeIntervalSinceNow: -600)
        for file in try FileManager.default.subpathsOfDirectory(atPath: copy) + [""] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: copy + "/" + file)
        }
        let result = try WatchEndToEndTests.mlptop(["watch", copy, "--print"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.hasPrefix(" QUIET "), "\(result.standardOutput.prefix(120))")
    }
}
