import Foundation
import Testing
import TestSupport

struct WriterFailure: Error, CustomStringConvertible {
    var description: String
}

/// `mlptop watch`: the real binary on logs a Python stand-in writes, in tmux and with --print.
@Suite("mlptop watch", .serialized)
struct WatchEndToEndTests {
    typealias Monitor = MonitorEndToEndTests
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let python = ProcessRunner.locate("python3")

    static func mlptop(_ arguments: [String]) throws -> ProcessResult {
        try CommandLineTests.mlptop(arguments)
    }

    /// The last line the writer logged, as JSON.
    static func lastLine(_ path: String) -> [String: Any]? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8),
              let line = text.split(separator: "\n").last,
              let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
        return object
    }

    /// Starts the stand-in writer (python/examples/standin_training.py) on `log`; returns its pid.
    static func startWriter(_ log: String, folder: ProcessScratchDirectory) throws -> pid_t {
        let python = try #require(Self.python, "python3 not found")
        let pid = try ProcessRunner.spawn(python, [root + "/python/examples/standin_training.py", log, "0.02"],
                                          environment: ProcessInfo.processInfo.environment,
                                          stdoutPath: folder.file("writer.out"), stderrPath: folder.file("writer.err"))
        let deadline = ContinuousClock.now + .seconds(20)
        while (lastLine(log)?["epoch"] as? Int ?? 0) < 5 {
            guard ContinuousClock.now < deadline else { throw WriterFailure(description: "the writer logged nothing: " + ((try? String(contentsOfFile: folder.file("writer.err"), encoding: .utf8)) ?? "")) }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return pid
    }

    @Test("the Python module's own tests pass (python3 -m unittest, standard library only)",
          .enabled(if: python != nil, "python3 is not installed"))
    func pythonModuleTests() throws {
        let result = try ProcessRunner.run(Self.python!, ["-m", "unittest", "discover", "-s", Self.root + "/python"],
                                           environment: ProcessInfo.processInfo.environment, timeout: .seconds(60))
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("OK"))
    }

    @Test("watch follows the writer; Space pauses and resumes it; + doubles its lr; q leaves it running",
          .enabled(if: TmuxSession.isAvailable && python != nil, "tmux or python3 is not installed"))
    func steersAPythonWriter() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-watch")
        let log = folder.file("run.jsonl")
        let writer = try Self.startWriter(log, folder: folder)
        defer { kill(writer, SIGKILL); _ = try? ProcessRunner.waitForExit(writer, timeout: .seconds(5), name: "writer") }
        let path = try #require(ProcessRunner.builtProduct(named: "mlptop"))
        let session = try TmuxSession(command: [path, "watch", log, "--no-color", "--snapshot-dir", folder.file("snaps")])
        var screen = try session.waitUntil(timeout: .seconds(60), "the watch dashboard") { Monitor.shows("Gradient norms", on: $0) }
        let first = Monitor.epoch(on: screen) ?? 0
        screen = try session.waitUntil("epochs advancing") { (Monitor.epoch(on: $0) ?? 0) > first + 10 }
        #expect(screen[0].contains("run.jsonl"))
        #expect(Monitor.shows("Metrics: margin", on: screen), "the extra field is charted")
        // Space: the writer blocks in obey(); its last logged epoch stops within a second.
        try session.sendKeys("Space")
        try session.waitUntil("the pause said") { $0[0].contains("PAUSED") }
        Thread.sleep(forTimeInterval: 0.5)
        let paused = Self.lastLine(log)?["epoch"] as? Int ?? -1
        Thread.sleep(forTimeInterval: 1.0)
        #expect(Self.lastLine(log)?["epoch"] as? Int == paused, "the writer is paused")
        try session.sendKeys("Space")
        try session.waitUntil("the writer going on") { (Monitor.epoch(on: $0) ?? 0) > paused + 5 }
        // +: the writer's optimizer gets twice the learning rate, and logs it.
        let lr = try #require(Self.lastLine(log)?["lr"] as? Double)
        try session.sendKeys("+")
        let deadline = ContinuousClock.now + .seconds(10)
        while (Self.lastLine(log)?["lr"] as? Double) != 2 * lr, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(Self.lastLine(log)?["lr"] as? Double == 2 * lr)
        try session.waitUntil("the new lr on screen") { Monitor.learningRate(on: $0) == "0.1" }
        // s: a snapshot of what is known, and the writer told.
        try session.sendKeys("s")
        try session.waitUntil("the snapshot said") { Monitor.shows("snapshot written to", on: $0) }
        let snapshots = try FileManager.default.contentsOfDirectory(atPath: folder.file("snaps"))
        let snapshot = folder.file("snaps/" + (try #require(snapshots.first)))
        for file in ["metrics.csv", "loss.svg", "screen.txt", "watch.json", "weights.svg"] {
            #expect(FileManager.default.fileExists(atPath: snapshot + "/" + file), "\(file)")
        }
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
        #expect(kill(writer, 0) == 0, "the writer goes on after q")
        #expect(!FileManager.default.fileExists(atPath: log + ".control.lock"), "the watcher took its lock file away")
        #expect(FileManager.default.fileExists(atPath: log + ".control"), "and left the writer's control file")
        let before = Self.lastLine(log)?["epoch"] as? Int ?? 0
        Thread.sleep(forTimeInterval: 0.5)
        #expect((Self.lastLine(log)?["epoch"] as? Int ?? 0) > before, "and is not paused")
        let writerOutput = (try? String(contentsOfFile: folder.file("writer.out"), encoding: .utf8)) ?? ""
        #expect(writerOutput.contains("snapshot asked at epoch"))
    }

    @Test("a second watcher of the same log only watches, and says why",
          .enabled(if: TmuxSession.isAvailable && python != nil, "tmux or python3 is not installed"))
    func onlyOneWatcherSteers() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-watch")
        let log = folder.file("run.jsonl")
        let writer = try Self.startWriter(log, folder: folder)
        defer { kill(writer, SIGKILL); _ = try? ProcessRunner.waitForExit(writer, timeout: .seconds(5), name: "writer") }
        let path = try #require(ProcessRunner.builtProduct(named: "mlptop"))
        let first = try TmuxSession(command: [path, "watch", log, "--no-color"])
        try first.waitUntil(timeout: .seconds(60), "the first watcher") { Monitor.shows("keys steer the writer", on: $0) }
        let second = try TmuxSession(command: [path, "watch", log, "--no-color"])
        try second.waitUntil(timeout: .seconds(60), "the second watcher") { Monitor.shows("read-only", on: $0) }
        try second.sendKeys("Space")
        try second.waitUntil("the refusal") { Monitor.shows("steers this run; this one only watches", on: $0) }
        #expect(!(try second.capture()[0].contains("PAUSED")))
        try second.sendKeys("q")
        #expect(try second.waitForExit() == 0)
        try first.sendKeys("q")
        #expect(try first.waitForExit() == 0)
    }

    @Test("watch - follows standard input (keys from the terminal) and says the keys that steer are read-only",
          .enabled(if: TmuxSession.isAvailable && python != nil, "tmux or python3 is not installed"))
    func followsStandardInput() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-watch")
        let log = folder.file("run.jsonl")
        let writer = try Self.startWriter(log, folder: folder)
        defer { kill(writer, SIGKILL); _ = try? ProcessRunner.waitForExit(writer, timeout: .seconds(5), name: "writer") }
        let path = try #require(ProcessRunner.builtProduct(named: "mlptop"))
        // As `ssh gpu-box tail -F run.jsonl | mlptop watch -` would.
        let session = try TmuxSession(command: ["/bin/sh", "-c", "tail -n +1 -F \(log) | \(path) watch - --no-color"])
        var screen = try session.waitUntil(timeout: .seconds(60), "the dashboard") { Monitor.shows("Gradient norms", on: $0) }
        #expect(screen[0].contains("standard input"))
        let first = Monitor.epoch(on: screen) ?? 0
        screen = try session.waitUntil("epochs advancing") { (Monitor.epoch(on: $0) ?? 0) > first + 10 }
        try session.sendKeys("Space")
        try session.waitUntil("the refusal") { Monitor.shows("this source is read-only", on: $0) }
        try session.sendKeys("q")
        try session.waitUntil("the shell prompt back or the pane gone") { !Monitor.shows("Gradient norms", on: $0) }
    }

    @Test("--print reads a Lightning metrics.csv and TensorBoard event files tensorboardX wrote")
    func printsOtherFormats() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-watch")
        let csv = folder.file("metrics.csv")
        try """
            epoch,step,train_loss,val_loss,val_acc
            0,49,0.9,,
            0,99,0.7,0.8,0.5
            1,149,0.5,,
            bad,row,,,
            1,199,0.4,0.45,0.75

            """.write(toFile: csv, atomically: true, encoding: .utf8)
        var result = try Self.mlptop(["watch", csv, "--print", "--width", "120", "--height", "30"])
        #expect(result.status == 0, "\(result.standardError)")
        var lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].contains("epoch 1 (step 199)"))
        #expect(lines[0].contains("train loss 0.4") && lines[0].contains("test loss 0.45 acc 75.0%"))
        #expect(Monitor.shows("1 bad line skipped", on: lines))
        let events = Self.root + "/Tests/WatchTests/Fixtures/tensorboard"
        result = try Self.mlptop(["watch", events, "--print", "--width", "120", "--height", "30"])
        #expect(result.status == 0, "\(result.standardError)")
        lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].contains("step 90"))
        #expect(lines[0].contains("train loss 0.1") && lines[0].contains("test loss 0.2"))
        #expect(lines[0].contains("lr 0.125"))
    }

    @Test("a missing source is status 66 without --wait; a directory that is no TensorBoard log is refused")
    func missingSources() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-watch")
        var result = try Self.mlptop(["watch", folder.file("nothing.jsonl")])
        #expect(result.status == 66)
        #expect(result.standardError == "mlptop: watch: \(folder.file("nothing.jsonl")): no such file or directory "
                + "(--wait waits for it)\n")
        result = try Self.mlptop(["watch", folder.path, "--format", "jsonl"])
        #expect(result.status == 66)
        #expect(result.standardError.hasPrefix("mlptop: watch: \(folder.path): is a directory"))
    }
}
