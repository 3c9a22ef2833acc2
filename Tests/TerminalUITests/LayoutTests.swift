import Testing
import TerminalUI
import TestSupport

@Suite struct LayoutTests {
    @Test func columnsTakeFixedThenRatiosThenFill() {
        let parts = Rect(x: 2, y: 1, width: 20, height: 5).columns([.fixed(4), .ratio(1, 2), .fill])
        #expect(parts == [
            Rect(x: 2, y: 1, width: 4, height: 5), Rect(x: 6, y: 1, width: 8, height: 5), Rect(x: 14, y: 1, width: 8, height: 5),
        ])
    }

    @Test func rowsGiveRoundingLeftoversToTheLastFlexiblePart() {
        let parts = Rect(x: 0, y: 0, width: 3, height: 10).rows([.ratio(1, 3), .ratio(1, 3), .fixed(1)])
        #expect(parts.map(\.height) == [3, 6, 1])
        #expect(parts.map(\.y) == [0, 3, 9])
    }

    @Test func fixedSizesAreClippedWhenSpaceRunsOut() {
        let parts = Rect(x: 0, y: 0, width: 5, height: 1).columns([.fixed(4), .fixed(4), .fill])
        #expect(parts.map(\.width) == [4, 1, 0])
        let none = Rect(x: 0, y: 0, width: 0, height: 0).columns([.fill, .fixed(2)])
        #expect(none.map(\.width) == [0, 0])
    }

    @Test func centeredClipsToTheRectangle() {
        #expect(Rect(x: 10, y: 10, width: 10, height: 4).centered(width: 4, height: 2) == Rect(x: 13, y: 11, width: 4, height: 2))
        #expect(Rect(x: 0, y: 0, width: 3, height: 3).centered(width: 9, height: 9) == Rect(x: 0, y: 0, width: 3, height: 3))
    }

    @Test func panelDrawsABoxWithTitleAndReturnsItsInside() {
        var buffer = CellBuffer(width: 12, height: 4)
        let inner = Panel(title: "Loss", theme: TestThemes.plainUnicode).draw(in: buffer.area, into: &buffer)
        #expect(inner == Rect(x: 1, y: 1, width: 10, height: 2))
        expectBuffer(buffer, lines: [
            "┌─ Loss ───┐",
            "│          │",
            "│          │",
            "└──────────┘",
        ])
    }

    @Test func asciiPanelTruncatesALongTitle() {
        let buffer = CellBuffer.drawing(Panel(title: "Decision map", theme: TestThemes.plainASCII), width: 10, height: 3)
        expectBuffer(buffer, lines: [
            "+- Dec~ -+",
            "|        |",
            "+--------+",
        ])
    }

    @Test func panelTooSmallForABoxDrawsNothing() {
        var buffer = CellBuffer(width: 3, height: 3)
        let inner = Panel(title: "T", theme: TestThemes.plainUnicode).draw(in: Rect(x: 1, y: 1, width: 1, height: 2), into: &buffer)
        #expect(inner.isEmpty)
        expectBuffer(buffer, lines: ["   ", "   ", "   "])
    }
}
