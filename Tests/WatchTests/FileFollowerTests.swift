import Foundation
import Testing
import TestSupport
@testable import Watch

/// `tail -F` semantics: appends, torn lines, truncation, replacement, a missing file.
@Suite struct FileFollowerTests {
    func append(_ text: String, to path: String) {
        let handle = FileHandle(forWritingAtPath: path)!
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        handle.closeFile()
    }

    func lines(_ follower: FileFollower, _ splitter: inout LineSplitter) -> (lines: [String], events: [FileFollower.Event]) {
        let update = follower.read()
        var lines: [String] = []
        if !update.bytesBeforeRestart.isEmpty {
            splitter.feed(update.bytesBeforeRestart) { line, _ in lines.append(String(decoding: line, as: UTF8.self)) }
        }
        if update.events.contains(.truncated) || update.events.contains(.replaced) { splitter.restart() }
        splitter.feed(update.bytes) { line, _ in lines.append(String(decoding: line, as: UTF8.self)) }
        return (lines, update.events)
    }

    @Test func followsAppendsAndWaitsForATornLine() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-follow")
        let path = folder.file("run.jsonl")
        let follower = FileFollower(path: path)
        var splitter = LineSplitter()
        #expect(lines(follower, &splitter).events == [.missing])
        #expect(lines(follower, &splitter).events == [])
        _ = FileManager.default.createFile(atPath: path, contents: Data("a\nb\r\nc".utf8))
        #expect(lines(follower, &splitter) == (["a", "b"], [.opened]))
        append("d\ne", to: path)
        #expect(lines(follower, &splitter).lines == ["cd"])
        append("\n", to: path)
        #expect(lines(follower, &splitter).lines == ["e"])
        #expect(splitter.lineNumber == 4)
    }

    @Test func startsAgainAfterATruncation() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-follow")
        let path = folder.file("run.jsonl")
        _ = FileManager.default.createFile(atPath: path, contents: Data("one\ntwo\nthree\n".utf8))
        let follower = FileFollower(path: path)
        var splitter = LineSplitter()
        _ = lines(follower, &splitter)
        let handle = FileHandle(forWritingAtPath: path)!
        handle.truncateFile(atOffset: 0)
        handle.write(Data("x\n".utf8))
        handle.closeFile()
        #expect(lines(follower, &splitter) == (["x"], [.truncated]))
        #expect(splitter.lineNumber == 1)
    }

    @Test func readsTheRestOfAReplacedFileThenTheNewOne() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-follow")
        let path = folder.file("run.jsonl")
        _ = FileManager.default.createFile(atPath: path, contents: Data("old1\n".utf8))
        let follower = FileFollower(path: path)
        var splitter = LineSplitter()
        #expect(lines(follower, &splitter).lines == ["old1"])
        append("old2\n", to: path)
        // Rotated: renamed away, a new file at the path (as logrotate or a restarted writer does).
        try FileManager.default.moveItem(atPath: path, toPath: folder.file("run.jsonl.1"))
        _ = FileManager.default.createFile(atPath: path, contents: Data("new1\n".utf8))
        #expect(lines(follower, &splitter) == (["old2", "new1"], [.replaced]))
    }

    @Test func keepsReadingAFileThatWasRemoved() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-follow")
        let path = folder.file("run.jsonl")
        _ = FileManager.default.createFile(atPath: path, contents: Data("a\n".utf8))
        let follower = FileFollower(path: path)
        var splitter = LineSplitter()
        _ = lines(follower, &splitter)
        try FileManager.default.removeItem(atPath: path)
        #expect(lines(follower, &splitter).events == [.missing])
        _ = FileManager.default.createFile(atPath: path, contents: Data("b\n".utf8))
        #expect(lines(follower, &splitter) == (["b"], [.replaced]))
    }
}
