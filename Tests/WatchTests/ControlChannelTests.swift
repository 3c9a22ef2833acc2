import Foundation
import Testing
import TestSupport
@testable import Watch

@Suite struct ControlChannelTests {
    func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    @Test func appendsNumberedCommandsAndOnlyOneWatcherSteers() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-control")
        let log = folder.file("run.jsonl")
        var channel: ControlChannel? = try ControlChannel(logPath: log)
        #expect(channel!.send(.pause))
        #expect(channel!.send(.scaleLearningRate(2)))
        #expect(read(log + ".control") == """
            {"id": 1, "command": "pause"}
            {"id": 2, "command": "scale_lr", "factor": 2.0}

            """)
        #expect(throws: ControlChannel.Failure.busy(pid: Int(getpid()))) { try ControlChannel(logPath: log) }
        channel = nil
        // The lock went with the first watcher; a new one numbers on.
        let second = try ControlChannel(logPath: log)
        second.send(.snapshot)
        #expect(read(log + ".control").hasSuffix("{\"id\": 3, \"command\": \"snapshot\"}\n"))
        // The log itself was never created or touched.
        #expect(!FileManager.default.fileExists(atPath: log))
    }

    @Test func theLockFileGoesWithTheWatcherThatMadeIt() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-control")
        let log = folder.file("run.jsonl")
        let channel = try ControlChannel(logPath: log)
        #expect(channel.createdLock)
        #expect(FileManager.default.fileExists(atPath: log + ".control.lock"))
        channel.send(.pause)
        channel.release()
        #expect(!FileManager.default.fileExists(atPath: log + ".control.lock"))
        // The control file stays for the writer; nothing more is sent.
        #expect(read(log + ".control") == "{\"id\": 1, \"command\": \"pause\"}\n")
        #expect(!channel.send(.resume))
        // A lock file this watcher found (left by another) is never removed.
        _ = FileManager.default.createFile(atPath: log + ".control.lock", contents: Data("1\n".utf8))
        let second = try ControlChannel(logPath: log)
        #expect(!second.createdLock)
        second.release()
        #expect(FileManager.default.fileExists(atPath: log + ".control.lock"))
    }
}
