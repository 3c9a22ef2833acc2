import Testing
import TerminalUI
import TestSupport

@Suite struct HelpOverlayTests {
    let pairs: [(key: String, description: String)] = [("q", "quit"), ("Space", "pause/resume"), ("l", "log scale")]

    @Test func centredBoxOverTheScreen() {
        var buffer = CellBuffer(width: 26, height: 7, fill: Cell("x"))
        HelpOverlay(pairs, theme: TestThemes.plainASCII).render(in: buffer.area, into: &buffer)
        expectBuffer(buffer, lines: [
            "xxxxxxxxxxxxxxxxxxxxxxxxxx",
            "x+- Keys --------------+xx",
            "x| q      quit         |xx",
            "x| Space  pause/resume |xx",
            "x| l      log scale    |xx",
            "x+---------------------+xx",
            "xxxxxxxxxxxxxxxxxxxxxxxxxx",
        ])
    }

    @Test func tooManyEntriesEndWithACount() {
        let buffer = CellBuffer.drawing(HelpOverlay(pairs, theme: TestThemes.plainUnicode), width: 14, height: 4)
        expectBuffer(buffer, lines: [
            "┌─ Keys ─────┐",
            "│ q      qu… │",
            "│ … 2 more   │",
            "└────────────┘",
        ])
    }
}
