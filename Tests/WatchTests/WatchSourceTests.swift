import Foundation
import Testing
import TestSupport
import Training
@testable import Watch

/// The watch thread against a writer appending, while the monitor's side reads and sends (run
/// under ThreadSanitizer in CI).
@Suite struct WatchSourceTests {
    func waitFor(_ what: String, timeout: Double = 20, _ condition: () -> Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition(), Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(condition(), "\(what)")
    }

    @Test func aLogLastWrittenLongAgoIsQuietAsSoonAsItIsRead() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-source")
        let log = folder.file("run.jsonl")
        try "{\"epoch\": 1, \"train_loss\": 0.5}\n{\"epoch\": 2, \"train_loss\": 0.4}\n"
            .write(toFile: log, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -600)], ofItemAtPath: log)
        let started = Date()
        let source = WatchSource(.init(path: log, format: .jsonl, pollInterval: 0.005))
        defer { source.stop() }
        waitFor("QUIET") { source.state.watched?.quiet == true }
        #expect(Date().timeIntervalSince(started) < WatchSource.quietAfter, "quiet at once, not after \(WatchSource.quietAfter) s")
        #expect(source.state.epoch == 2)
    }

    @Test func followsAWriterWhileTheMonitorReadsAndSends() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-source")
        let log = folder.file("run.jsonl")
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let source = WatchSource(.init(path: log, format: .jsonl, pollInterval: 0.005))
        defer { source.stop() }
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: log)!
            for epoch in 1...2000 {
                // Lines torn across writes, as a writer mid-line leaves them.
                let line = "{\"epoch\": \(epoch), \"train_loss\": \(1.0 / Double(epoch)), \"lr\": 0.1}\n"
                let cut = line.index(line.startIndex, offsetBy: line.count / 2)
                handle.write(Data(line[..<cut].utf8))
                handle.write(Data(line[cut...].utf8))
            }
            handle.closeFile()
        }
        writer.start()
        var reads = 0
        while source.state.epoch < 2000, reads < 200_000 {
            reads += 1
            if reads % 500 == 0 { source.send(.scaleLearningRate(2)) }
            _ = source.state.history.trainLoss.buckets.count
        }
        waitFor("every epoch read") { source.state.epoch == 2000 }
        let state = source.state
        #expect(state.history.trainLoss.epochCount == 2000)
        #expect(state.watched?.skipped == 0, "no torn line was taken as bad")
        #expect(state.watched?.steerable == true)
        let control = try String(contentsOfFile: log + ".control", encoding: .utf8)
        #expect(control.split(separator: "\n").allSatisfy { $0.contains("\"scale_lr\"") })
    }

    @Test func startsAgainAfterATruncationAndSaysSo() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-source")
        let log = folder.file("run.jsonl")
        try (1...50).map { "{\"epoch\": \($0), \"train_loss\": 1}\n" }.joined().write(toFile: log, atomically: false, encoding: .utf8)
        let source = WatchSource(.init(path: log, format: .jsonl, steer: false, pollInterval: 0.005))
        defer { source.stop() }
        waitFor("the first run read") { source.state.epoch == 50 }
        let handle = FileHandle(forWritingAtPath: log)!
        handle.truncateFile(atOffset: 0)
        handle.write(Data((1...10).map { "{\"epoch\": \($0), \"train_loss\": 2}\n" }.joined().utf8))
        handle.closeFile()
        waitFor("the new run read, after the old on the axis") { source.state.epoch == 60 }
        let texts = source.state.messages.map(\.text)
        #expect(texts.contains("\(log) was truncated: reading it from the start"))
        #expect(texts.contains("the log started again at epoch 1 (after epoch 50): a new segment"))
        #expect(source.state.watched?.restarts == [50])
    }

    @Test func standardInputIsReadOnly() {
        let source = WatchSource(.init(path: "-", format: .jsonl))
        defer { source.stop() }
        source.send(.togglePause)
        #expect(source.state.watched?.steerable == false)
        #expect(source.state.messages.last?.text == "this source is read-only (only a JSONL file has a control file)")
    }

    @Test func aFinishedLogIsNotAskedToPauseAndQuittingTakesTheLockAway() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-source")
        let log = folder.file("run.jsonl")
        _ = FileManager.default.createFile(atPath: log, contents: Data("{\"epoch\": 1, \"train_loss\": 0.5}\n".utf8))
        // Last written ten minutes ago: no writer is there.
        var times = [timeval(tv_sec: time(nil) - 600, tv_usec: 0), timeval(tv_sec: time(nil) - 600, tv_usec: 0)]
        #expect(utimes(log, &times) == 0)
        let source = WatchSource(.init(path: log, format: .jsonl, pollInterval: 0.005))
        waitFor("the log read") { source.state.epoch == 1 }
        #expect(source.state.watched?.steerable == true)
        source.send(.togglePause)
        source.send(.scaleLearningRate(2))
        let texts = source.state.messages.suffix(2).map(\.text)
        #expect(texts == ["pause not sent: no writer (run.jsonl unchanged for 10 min); again to send anyway",
                          "lr change not sent: no writer (run.jsonl unchanged for 10 min); again to send anyway"])
        #expect(source.state.watched?.pauseRequested == false)
        #expect(source.state.status == .running)
        #expect(!FileManager.default.fileExists(atPath: log + ".control"))
        #expect(FileManager.default.fileExists(atPath: log + ".control.lock"))
        // The same key again: sent anyway, and not taken for answered (no line has come since).
        source.send(.scaleLearningRate(2))
        source.send(.togglePause)
        #expect(source.state.watched?.pauseRequested == false, "another key came between: refused again")
        source.send(.togglePause)
        #expect(source.state.messages.last?.text
                == "pause sent anyway (PAUSED only once a writer logs and stops)")
        #expect(source.state.watched?.pauseRequested == true && source.state.watched?.pauseUnanswered == true)
        #expect(try String(contentsOfFile: log + ".control", encoding: .utf8)
                == "{\"id\": 1, \"command\": \"scale_lr\", \"factor\": 2.0}\n{\"id\": 2, \"command\": \"pause\"}\n")
        // A line logged after it: a writer is there.
        let handle = try #require(FileHandle(forWritingAtPath: log))
        handle.seekToEndOfFile()
        handle.write(Data("{\"epoch\": 2, \"train_loss\": 0.4}\n".utf8))
        handle.closeFile()
        waitFor("the line read") { source.state.epoch == 2 }
        #expect(source.state.watched?.pauseUnanswered == false)
        source.stop()
        #expect(!FileManager.default.fileExists(atPath: log + ".control.lock"), "the watcher made it, and takes it away")
        #expect(FileManager.default.fileExists(atPath: log))
    }

    @Test func aGrowingLogIsAskedToPause() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-source")
        let log = folder.file("run.jsonl")
        _ = FileManager.default.createFile(atPath: log, contents: Data("{\"epoch\": 1, \"train_loss\": 0.5}\n".utf8))
        let source = WatchSource(.init(path: log, format: .jsonl, pollInterval: 0.005))
        defer { source.stop() }
        waitFor("the log read") { source.state.epoch == 1 }
        source.send(.togglePause)
        #expect(source.state.messages.last?.text == "asked the writer to pause (PAUSED once its log stops growing)")
        #expect(source.state.watched?.pauseRequested == true)
        #expect(try String(contentsOfFile: log + ".control", encoding: .utf8) == "{\"id\": 1, \"command\": \"pause\"}\n")
    }

    @Test("quitting takes back a pause this watcher asked for: the writer goes on, as q's help says")
    func quittingResumesAWriterPausedFromHere() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-source")
        let log = folder.file("run.jsonl")
        _ = FileManager.default.createFile(atPath: log, contents: Data("{\"epoch\": 1, \"train_loss\": 0.5}\n".utf8))
        let source = WatchSource(.init(path: log, format: .jsonl, pollInterval: 0.005))
        waitFor("the log read") { source.state.epoch == 1 }
        source.send(.togglePause)
        source.stop()
        source.stop()
        #expect(try String(contentsOfFile: log + ".control", encoding: .utf8)
            == "{\"id\": 1, \"command\": \"pause\"}\n{\"id\": 2, \"command\": \"resume\"}\n")
        // Not paused from here: quitting writes nothing.
        let other = folder.file("other.jsonl")
        _ = FileManager.default.createFile(atPath: other, contents: Data("{\"epoch\": 1, \"train_loss\": 0.5}\n".utf8))
        let quiet = WatchSource(.init(path: other, format: .jsonl, pollInterval: 0.005))
        waitFor("the log read") { quiet.state.epoch == 1 }
        quiet.stop()
        let written = (try? String(contentsOfFile: other + ".control", encoding: .utf8)) ?? ""
        #expect(written.isEmpty)
    }

    @Test func durations() {
        #expect(WatchSource.durationText(3) == "3 s")
        #expect(WatchSource.durationText(600) == "10 min")
        #expect(WatchSource.durationText(4 * 3600) == "4 h")
        #expect(WatchSource.durationText(3 * 86400) == "3 days")
    }
}
