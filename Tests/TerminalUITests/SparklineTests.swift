import Testing
import TerminalUI
import TestSupport

@Suite struct SparklineTests {
    @Test func eightLevelsInUnicodeAndASCII() {
        let values = (0..<8).map(Double.init)
        expectBuffer(.drawing(Sparkline(values: values, glyphs: .unicode), width: 10, height: 1), lines: ["▁▂▃▄▅▆▇█  "])
        expectBuffer(.drawing(Sparkline(values: values, glyphs: .ascii), width: 8, height: 1), lines: ["__..--=^"])
    }

    @Test func showsTheLatestValuesThatFit() {
        let values = [7.0, 0, 7, 0, 3.5]
        expectBuffer(.drawing(Sparkline(values: values, glyphs: .unicode), width: 3, height: 1), lines: ["█▁▅"])
    }

    @Test func logScaleSpacesDecadesEvenlyAndBlanksNonPositiveValues() {
        let values = [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 0, -1, .nan]
        expectBuffer(.drawing(Sparkline(values: values, logScale: true, glyphs: .unicode), width: 11, height: 1),
                     lines: ["▁▂▃▄▅▆▇█   "])
        expectBuffer(.drawing(Sparkline(values: values, logScale: false, glyphs: .unicode), width: 11, height: 1),
                     lines: ["▂▂▂▂▂▂▂█▂▁ "])
    }

    @Test func constantSeriesDrawsTheLowestBar() {
        expectBuffer(.drawing(Sparkline(values: [2, 2, 2], glyphs: .unicode), width: 3, height: 1), lines: ["▁▁▁"])
    }

    @Test func usesTheGivenStyle() {
        let style = CellStyle(foreground: .ansi(2))
        let buffer = CellBuffer.drawing(Sparkline(values: [1, 2], style: style, glyphs: .unicode), width: 2, height: 1)
        expectStyles(buffer, [(x: 0, y: 0, style: style), (x: 1, y: 0, style: style)])
    }
}
