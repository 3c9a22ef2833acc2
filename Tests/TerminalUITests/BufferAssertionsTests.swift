import Testing
import TerminalUI
import TestSupport

@Suite struct BufferAssertionsTests {
    @Test func matchingBufferHasNoMismatch() {
        var buffer = CellBuffer(width: 3, height: 1)
        buffer.put("ab", x: 0, y: 0)
        #expect(bufferMismatch(buffer, lines: ["ab "]) == nil)
    }

    @Test func mismatchNamesTheFirstDifferingCell() {
        var buffer = CellBuffer(width: 3, height: 2)
        buffer.put("abc", x: 0, y: 1)
        let message = bufferMismatch(buffer, lines: ["   ", "abd"])
        #expect(message?.hasPrefix("cell (x: 2, y: 1): expected \"d\", got \"c\"\n") == true)
    }

    @Test func sizeMismatchesAreReported() {
        let buffer = CellBuffer(width: 2, height: 1)
        #expect(bufferMismatch(buffer, lines: []) == "buffer has 1 rows, expected 0\n  \"  \"")
        #expect(bufferMismatch(buffer, lines: ["   "])?.hasPrefix("expected row 0 is 3 cells wide, buffer is 2") == true)
    }

    /// The issue lands on the caller's line. Checked through `record`, so a green run shows no
    /// failure text (a `withKnownIssue` here printed `expected "x", got " "`, which reads as a failure).
    @Test func expectBufferRecordsAnIssueAtTheCallersLine() {
        let buffer = CellBuffer(width: 1, height: 1)
        var recorded: [(comment: Comment, location: SourceLocation)] = []
        expectBuffer(buffer, lines: ["x"]) { recorded.append(($0, $1)) }
        #expect(recorded.count == 1)
        #expect(recorded.first?.location.fileName == "BufferAssertionsTests.swift")
        #expect(recorded.first?.location.line == 30)
        #expect(recorded.first?.comment.rawValue.hasPrefix("cell (x: 0, y: 0): expected \"x\", got \" \"") == true)
        expectBuffer(buffer, lines: [" "]) { recorded.append(($0, $1)) }
        #expect(recorded.count == 1, "a matching buffer records nothing")
    }
}
