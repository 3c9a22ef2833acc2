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

    @Test func expectBufferRecordsAnIssueAtTheCallersLine() {
        let buffer = CellBuffer(width: 1, height: 1)
        withKnownIssue {
            expectBuffer(buffer, lines: ["x"])
        } matching: { issue in
            issue.sourceLocation?.fileName == "BufferAssertionsTests.swift" && issue.sourceLocation?.line == 28
        }
    }
}
