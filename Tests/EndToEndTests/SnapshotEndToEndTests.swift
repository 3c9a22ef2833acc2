import Foundation
import Testing
import TestSupport

/// Snapshots written by the real program: resume bit for bit, and no complete-looking partial
/// snapshot after `kill -9`.
@Suite("mlptop snapshots")
struct SnapshotEndToEndTests {
    static func mlptop(_ arguments: [String], in directory: String) throws -> ProcessResult {
        let path = try #require(ProcessRunner.builtProduct(named: "mlptop"), "mlptop binary not found")
        return try ProcessRunner.run("/bin/sh", ["-c", "cd \"$0\" && exec \"$@\"", directory, path] + arguments,
                                     environment: ProcessInfo.processInfo.environment, timeout: .seconds(120))
    }

    /// The `"layers"` part of a saved model file.
    static func layers(_ path: String) throws -> Substring {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let start = try #require(text.range(of: "\"layers\""))
        return text[start.lowerBound...]
    }

    @Test(arguments: ["full", "16"])
    func fiftyThenResumeEqualsAHundredStraight(batch: String) throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-resume")
        let common = ["train", "--dataset", "moons", "--optimizer", "adam", "--batch", batch]
        let straight = try Self.mlptop(common + ["--epochs", "100", "--save", "straight.json"], in: scratch.path)
        #expect(straight.status == 0, "\(straight.standardError)")
        let first = try Self.mlptop(common + ["--epochs", "50", "--snapshot-on-exit", "--snapshot-dir", "snaps"], in: scratch.path)
        #expect(first.status == 0, "\(first.standardError)")
        let folders = try FileManager.default.contentsOfDirectory(atPath: scratch.file("snaps"))
        #expect(folders.count == 1)
        let folder = try #require(folders.first)
        #expect(folder.hasSuffix("-moons-e000000050"))
        let resumed = try Self.mlptop(["train", "--resume", "snaps/" + folder, "--epochs", "100", "--save", "resumed.json"],
                                      in: scratch.path)
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(resumed.standardOutput.contains("done: 50 epochs"))
        #expect(try Self.layers(scratch.file("resumed.json")) == Self.layers(scratch.file("straight.json")))
    }

    @Test func aSnapshotWhoseFilesDisagreeOrAnEpochsItHasPassedIsRefused() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-resume-checks")
        let first = try Self.mlptop(["train", "--dataset", "moons", "--epochs", "20", "--snapshot-on-exit", "--snapshot-dir",
                                     "snaps", "--save", "model.json"], in: scratch.path)
        #expect(first.status == 0, "\(first.standardError)")
        let folder = "snaps/" + (try #require(try FileManager.default.contentsOfDirectory(atPath: scratch.file("snaps")).first))
        let runJSON = scratch.file(folder + "/run.json")
        let original = try String(contentsOfFile: runJSON, encoding: .utf8)
        #expect(original.contains("\"resume\": {\"epoch\": 20,"))
        for epoch in ["999", "-5"] {
            try original.replacingOccurrences(of: "\"resume\": {\"epoch\": 20,", with: "\"resume\": {\"epoch\": \(epoch),")
                .write(toFile: runJSON, atomically: true, encoding: .utf8)
            let resumed = try Self.mlptop(["train", "--resume", folder, "--epochs", "30"], in: scratch.path)
            #expect(resumed.status == 65)
            #expect(resumed.standardError == "mlptop: \(folder)/run.json: the resume epoch \(epoch) does not match "
                    + "\(folder)/model.json, which is at epoch 20\n")
            #expect(!resumed.standardOutput.contains("done:"))
        }
        try original.write(toFile: runJSON, atomically: true, encoding: .utf8)
        let short = try Self.mlptop(["train", "--resume", folder, "--epochs", "10"], in: scratch.path)
        #expect(short.status == 64)
        #expect(short.standardError == "mlptop: --epochs 10 is below the snapshot's epoch 20\n")
        let shortFromModel = try Self.mlptop(["train", "--dataset", "moons", "--init-from", "model.json", "--epochs", "10"],
                                             in: scratch.path)
        #expect(shortFromModel.status == 64)
        #expect(shortFromModel.standardError == "mlptop: --epochs 10 is below the epoch 20 of the model in model.json\n")
        let resumed = try Self.mlptop(["train", "--resume", folder, "--epochs", "25"], in: scratch.path)
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(resumed.standardOutput.contains("done: 5 epochs"))
    }

    @Test func killDuringWritesLeavesOnlyCompleteSnapshots() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-kill")
        let path = try #require(ProcessRunner.builtProduct(named: "mlptop"))
        let pid = try ProcessRunner.spawn(path, ["train", "--headless", "--dataset", "spiral", "--n", "600", "--hidden", "32,32",
                                                 "--snapshot-every", "1", "--snapshot-dir", scratch.file("snaps")],
                                          environment: ProcessInfo.processInfo.environment,
                                          stdoutPath: scratch.file("out"), stderrPath: scratch.file("err"))
        let deadline = Date().addingTimeInterval(60)
        var count = 0
        while Date() < deadline {
            count = ((try? FileManager.default.contentsOfDirectory(atPath: scratch.file("snaps"))) ?? []).count
            if count >= 5 { break }
            usleep(20_000)
        }
        kill(pid, SIGKILL)
        _ = try ProcessRunner.waitForExit(pid, timeout: .seconds(10), name: "mlptop")
        let entries = try FileManager.default.contentsOfDirectory(atPath: scratch.file("snaps"))
        let complete = entries.filter { !$0.hasPrefix(".") }
        #expect(complete.count >= 3)
        for name in complete {
            let folder = scratch.file("snaps/" + name)
            let run = try String(contentsOfFile: folder + "/run.json", encoding: .utf8)
            for file in ["model.json", "optimizer.json", "state.json", "metrics.csv", "loss.svg", "boundary.svg", "weights.svg", "network.svg"] {
                #expect(run.contains("\"\(file)\""))
                #expect(FileManager.default.fileExists(atPath: folder + "/" + file), "\(name) lacks \(file)")
            }
        }
    }
}

/// Periodic snapshots stay cheap: only the last few are kept, and a rate that would write a lot
/// is called out (39 folders, 144 MB in 4 s before).
@Suite("periodic snapshots")
struct PeriodicSnapshotTests {
    /// The snapshot folders under `directory`, sorted (oldest first).
    static func folders(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func onlyTheLastFewPeriodicSnapshotsAreKept() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-keep")
        let result = try HeadlessTrainTests.mlptop(["train", "--dataset", "xor", "--epochs", "200", "--speed", "100",
                                                    "--snapshot-every", "10", "--keep-snapshots", "2", "--snapshot-on-exit",
                                                    "--snapshot-dir", scratch.file("snaps")])
        #expect(result.status == 0, "\(result.standardError)")
        let written = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("mlptop: snapshot written to ") }
        // At least three periodic ones (and the exit one), so one had to go.
        #expect(written.count >= 4, "\(result.standardOutput)")
        let folders = try Self.folders(scratch.file("snaps"))
        // The two newest periodic ones, and the one taken on exit (never removed), at epoch 200.
        #expect(folders.count == 3, "\(folders)")
        #expect(folders.last?.contains("-e000000200") == true, "\(folders)")
        let periodic = written.dropLast().suffix(2).map { $0.split(separator: " ")[4].split(separator: "/").last.map(String.init) ?? "" }
        #expect(Array(folders.prefix(2)) == periodic, "\(folders) \(periodic)")
    }

    @Test func aRateThatWritesALotIsCalledOutOnce() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-rate")
        let result = try HeadlessTrainTests.mlptop(["train", "--epochs", "1500", "--snapshot-every", "1",
                                                    "--snapshot-dir", scratch.file("snaps")])
        #expect(result.status == 0, "\(result.standardError)")
        let warnings = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("mlptop: --snapshot-every 1 asks for ") }
        #expect(warnings.count == 1, "\(result.standardOutput)")
        #expect(warnings.first?.hasSuffix("only the last 5 are kept (--keep-snapshots): a larger --snapshot-every writes less")
                == true, "\(warnings)")
        #expect(try Self.folders(scratch.file("snaps")).count <= 5)
    }
}
