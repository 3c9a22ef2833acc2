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

    @Test func aLongListScrollsAPageAtATime() {
        let entries = (1...8).map { KeyHelp(key: "k\($0)", description: "key number \($0)") }
        var help = HelpOverlay(entries: entries, theme: TestThemes.plainUnicode)
        help.firstEntry = 3
        expectBuffer(CellBuffer.drawing(help, width: 34, height: 7), lines: [
            " ┌─ Keys ──────────────────────┐  ",
            " │ … 3 above (Up, PageUp)      │  ",
            " │ k4  key number 4            │  ",
            " │ k5  key number 5            │  ",
            " │ k6  key number 6            │  ",
            " │ … 2 more (Down, PageDown)   │  ",
            " └─────────────────────────────┘  ",
        ])
        help.firstEntry = 100
        expectBuffer(CellBuffer.drawing(help, width: 34, height: 7), lines: [
            " ┌─ Keys ──────────────────────┐  ",
            " │ … 4 above (Up, PageUp)      │  ",
            " │ k5  key number 5            │  ",
            " │ k6  key number 6            │  ",
            " │ k7  key number 7            │  ",
            " │ k8  key number 8            │  ",
            " └─────────────────────────────┘  ",
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
