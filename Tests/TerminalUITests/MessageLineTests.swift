import Testing
import TerminalUI
import TestSupport

@Suite struct MessageLineTests {
    @Test func messageClearsTheRestOfTheLineAndTakesItsKindsStyle() {
        let theme = TestThemes.ansiUnicode
        var buffer = CellBuffer(width: 10, height: 1, fill: Cell("x"))
        MessageLine("saved", kind: .warning, theme: theme).render(in: buffer.area, into: &buffer)
        expectBuffer(buffer, lines: ["saved     "])
        expectStyles(buffer, [(x: 0, y: 0, style: theme.warning)])
        MessageLine("error: no such file", kind: .error, theme: theme).render(in: buffer.area, into: &buffer)
        expectBuffer(buffer, lines: ["error: no…"])
        expectStyles(buffer, [(x: 0, y: 0, style: theme.bad)])
    }
}
