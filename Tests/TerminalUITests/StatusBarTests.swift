import Testing
import TerminalUI
import TestSupport

@Suite struct StatusBarTests {
    let theme = TestThemes.plainUnicode

    @Test func leftAndRightSegmentsOnAFullBar() {
        let bar = StatusBar(left: [StatusSegment("epoch 12"), StatusSegment("running")], right: [StatusSegment("q quit")], theme: theme)
        let buffer = CellBuffer.drawing(bar, width: 26, height: 1)
        expectBuffer(buffer, lines: ["epoch 12 running    q quit"])
        expectStyles(buffer, [(x: 17, y: 0, style: theme.statusBar), (x: 0, y: 0, style: theme.statusBar)])
    }

    @Test func leftTextIsTruncatedBeforeRightText() {
        let bar = StatusBar(left: [StatusSegment("epoch 12"), StatusSegment("running")], right: [StatusSegment("q quit")], theme: theme)
        expectBuffer(.drawing(bar, width: 14, height: 1), lines: ["epoch … q quit"])
        expectBuffer(.drawing(bar, width: 20, height: 1), lines: ["epoch 12 run… q quit"])
    }

    @Test func rightTextAloneTooWideIsTruncated() {
        let bar = StatusBar(left: [StatusSegment("a")], right: [StatusSegment("loss 0.25")], theme: TestThemes.plainASCII)
        expectBuffer(.drawing(bar, width: 6, height: 1), lines: ["loss ~"])
    }

    @Test func segmentsKeepTheirOwnStyle() {
        let style = TestThemes.ansiUnicode.good
        let bar = StatusBar(left: [StatusSegment("ok", style: style)], theme: theme)
        let buffer = CellBuffer.drawing(bar, width: 4, height: 1)
        expectStyles(buffer, [(x: 0, y: 0, style: style), (x: 3, y: 0, style: theme.statusBar)])
    }
}
