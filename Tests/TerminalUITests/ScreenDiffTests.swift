import Testing
import TerminalUI

/// The text of each run, as `row:column:text`, for compact expectations.
private func describe(_ runs: [CellRun]) -> [String] {
    runs.map { run in
        var text = String.UnicodeScalarView()
        text.append(contentsOf: run.cells.map(\.character))
        return "\(run.row):\(run.column):\(String(text))"
    }
}

/// A buffer whose rows are `lines` (all the same length), in the plain style.
private func buffer(_ lines: [String]) -> CellBuffer {
    var result = CellBuffer(width: lines.first?.unicodeScalars.count ?? 0, height: lines.count)
    for (row, line) in lines.enumerated() { result.put(line, x: 0, y: row) }
    return result
}

@Suite("ScreenDiff")
struct ScreenDiffTests {
    @Test("identical buffers produce no runs")
    func identicalBuffersProduceNothing() {
        let frame = buffer(["abc", "def"])
        #expect(ScreenDiff.runs(from: frame, to: frame).isEmpty)
    }

    @Test("no previous frame redraws every row")
    func noPreviousFrameIsFullRedraw() {
        #expect(describe(ScreenDiff.runs(from: nil, to: buffer(["ab", "cd"]))) == ["0:0:ab", "1:0:cd"])
    }

    @Test("a size change redraws every row of the new buffer")
    func sizeChangeIsFullRedraw() {
        let old = buffer(["abc", "def"])
        #expect(describe(ScreenDiff.runs(from: old, to: buffer(["abcd", "defg"]))) == ["0:0:abcd", "1:0:defg"])
        #expect(describe(ScreenDiff.runs(from: old, to: buffer(["abc"]))) == ["0:0:abc"])
    }

    @Test("adjacent changes join into one run, separated ones stay apart")
    func runsJoinAdjacentChanges() {
        let old = buffer(["abcdefgh", "12345678"])
        let new = buffer(["aXYdefZh", "12345678"])
        #expect(describe(ScreenDiff.runs(from: old, to: new)) == ["0:1:XY", "0:6:Z"])
    }

    @Test("runs never span rows, even when the change wraps round the edge")
    func runsStopAtRowEnd() {
        let old = buffer(["abc", "def"])
        let new = buffer(["abX", "Yef"])
        #expect(describe(ScreenDiff.runs(from: old, to: new)) == ["0:2:X", "1:0:Y"])
    }

    @Test("a style change alone counts as a change")
    func styleChangeIsAChange() {
        let old = buffer(["abc"])
        var new = old
        new[1, 0] = Cell("b", style: CellStyle(foreground: .ansi(1), attributes: .bold))
        let runs = ScreenDiff.runs(from: old, to: new)
        #expect(describe(runs) == ["0:1:b"])
        #expect(runs.first?.cells.first?.style.attributes == .bold)
    }

    @Test("first and last cells of the screen are found")
    func cornersAreFound() {
        let old = buffer(["abc", "def"])
        let new = buffer(["Xbc", "deY"])
        #expect(describe(ScreenDiff.runs(from: old, to: new)) == ["0:0:X", "1:2:Y"])
    }

    @Test("empty and one-cell buffers")
    func tinyBuffers() {
        #expect(ScreenDiff.runs(from: nil, to: CellBuffer(width: 0, height: 3)).isEmpty)
        #expect(ScreenDiff.runs(from: nil, to: CellBuffer(width: 4, height: 0)).isEmpty)
        let one = buffer(["a"])
        #expect(ScreenDiff.runs(from: one, to: one).isEmpty)
        #expect(describe(ScreenDiff.runs(from: one, to: buffer(["b"]))) == ["0:0:b"])
    }

    @Test("applying the runs to the previous frame gives the next frame")
    func applyingRunsReproducesNextFrame() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func nextIndex() -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % 4)
        }
        let alphabet: [Unicode.Scalar] = ["a", "b", "⠿", " "]
        for _ in 0..<50 {
            var old = CellBuffer(width: 7, height: 5)
            var new = CellBuffer(width: 7, height: 5)
            for y in 0..<5 {
                for x in 0..<7 {
                    old[x, y] = Cell(alphabet[nextIndex()])
                    new[x, y] = Cell(alphabet[nextIndex()])
                }
            }
            var screen = old
            for run in ScreenDiff.runs(from: old, to: new) {
                for (offset, cell) in run.cells.enumerated() { screen[run.column + offset, run.row] = cell }
            }
            #expect(screen == new)
        }
    }
}
