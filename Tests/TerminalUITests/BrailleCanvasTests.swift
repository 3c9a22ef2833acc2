import Testing
import TerminalUI
import TestSupport

@Suite struct BrailleCanvasTests {
    @Test func eachDotSetsItsBit() {
        for x in 0..<2 {
            for y in 0..<4 {
                var canvas = BrailleCanvas(width: 1, height: 1)
                canvas.plot(x: x, y: y, style: .plain)
                #expect(canvas.masks == [BrailleCanvas.dotBits[x][y]])
            }
        }
        #expect(BrailleCanvas.character(mask: 0xFF) == "⣿")
        #expect(BrailleCanvas.character(mask: 0x01) == "⠁")
    }

    @Test func diagonalLineAcrossTwoCells() {
        var canvas = BrailleCanvas(width: 2, height: 1)
        canvas.drawLine(from: (0, 0), to: (3, 3), style: .plain, marker: "*")
        var buffer = CellBuffer(width: 3, height: 2)
        canvas.render(in: Rect(x: 1, y: 1, width: 2, height: 1), into: &buffer)
        expectBuffer(buffer, lines: ["   ", " ⠑⢄"])
    }

    @Test func dotsOutsideTheGridAreIgnoredAndEmptyCellsAreNotDrawn() {
        var canvas = BrailleCanvas(width: 2, height: 1)
        canvas.plot(x: -1, y: 0, style: .plain)
        canvas.plot(x: 4, y: 0, style: .plain)
        canvas.plot(x: 3, y: 3, style: CellStyle(attributes: .bold))
        var buffer = CellBuffer(width: 2, height: 1, fill: Cell("x"))
        canvas.render(in: buffer.area, into: &buffer)
        expectBuffer(buffer, lines: ["x⢀"])
        expectStyles(buffer, [(x: 1, y: 0, style: CellStyle(attributes: .bold))])
    }

    @Test func renderClipsToTheArea() {
        var canvas = BrailleCanvas(width: 3, height: 2)
        canvas.drawLine(from: (0, 7), to: (5, 7), style: .plain, marker: "*")
        var buffer = CellBuffer(width: 4, height: 3)
        canvas.render(in: Rect(x: 0, y: 0, width: 2, height: 2), into: &buffer)
        expectBuffer(buffer, lines: ["    ", "⣀⣀  ", "    "])
    }

    @Test func markerCanvasPlotsOneMarkerPerCell() {
        var canvas = MarkerCanvas(width: 4, height: 2)
        canvas.drawLine(from: (0, 1), to: (3, 0), style: .plain, marker: "*")
        canvas.plot(x: 3, y: 0, style: .plain, marker: "o")
        let buffer = CellBuffer.drawing(canvas, width: 4, height: 2)
        expectBuffer(buffer, lines: ["  *o", "**  "])
    }
}
