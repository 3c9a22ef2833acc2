import Testing
import TerminalUI
import TestSupport

@Suite struct GradientNormTableTests {
    let rows = [
        GradientNormRow(name: "dense1", history: [1e-3, 1e-2, 1e-1]),
        GradientNormRow(name: "dense2", history: [1e-6, 1e-8]),
        GradientNormRow(name: "out", history: [10, 5e3]),
    ]

    @Test func rowsShowLatestNormFlagAndHistory() {
        let table = GradientNormTable(rows: rows, theme: TestThemes.plainASCII)
        expectBuffer(.drawing(table, width: 32, height: 4), lines: [
            "layer     |dW|         history  ",
            "dense1  1.0e-1         .--      ",
            "dense2  1.0e-8 vanish  __       ",
            "out      5.0e3 explode -^       ",
        ])
    }

    @Test func flagsUseTheWarningStyle() {
        let theme = TestThemes.ansiUnicode
        let buffer = CellBuffer.drawing(GradientNormTable(rows: rows, theme: theme), width: 32, height: 4)
        #expect(buffer.lines[0].hasPrefix("layer     ‖∂W‖"))
        expectStyles(buffer, [
            (x: 8, y: 1, style: theme.label), (x: 8, y: 2, style: theme.warning), (x: 15, y: 2, style: theme.warning),
            (x: 15, y: 3, style: theme.warning), (x: 23, y: 1, style: theme.trainSeries),
        ])
    }

    @Test func noHeaderWhenRowsFillTheAreaAndNaNIsBad() {
        let theme = TestThemes.plainUnicode
        let table = GradientNormTable(rows: [GradientNormRow(name: "hidden", history: [.nan])], theme: theme)
        let buffer = CellBuffer.drawing(table, width: 20, height: 1)
        expectBuffer(buffer, lines: ["hidden     nan nan  "])
        expectStyles(buffer, [(x: 13, y: 0, style: theme.bad), (x: 15, y: 0, style: theme.bad)])
        #expect(table.flag(for: 1e-7) == nil)
        #expect(table.flag(for: 1e3) == nil)
    }

    @Test func vanishingIsRelativeToTheOtherLayers() {
        let theme = TestThemes.plainASCII
        // A converged net: every norm tiny, none far below the others.
        let converged = GradientNormTable(rows: [GradientNormRow(name: "a", history: [7e-10]),
                                                 GradientNormRow(name: "b", history: [3e-10])], theme: theme)
        #expect(converged.rows.compactMap { $0.latest.flatMap(converged.flag(for:)) }.isEmpty)
        // The first layer learns 10⁴ times slower than the last: vanishing.
        let deep = GradientNormTable(rows: [GradientNormRow(name: "a", history: [1e-6]),
                                            GradientNormRow(name: "b", history: [1e-2])], theme: theme)
        #expect(deep.flag(for: 1e-6) == "vanish")
        #expect(deep.flag(for: 1e-2) == nil)
        // Dead layers: exactly zero.
        let dead = GradientNormTable(rows: [GradientNormRow(name: "a", history: [0]), GradientNormRow(name: "b", history: [0])],
                                     theme: theme)
        let lines = CellBuffer.drawing(dead, width: 24, height: 2).lines
        #expect(lines.allSatisfy { $0.contains(" 0 zero ") }, "\(lines)")
    }

    @Test func rowsShareOneLogScaleAndSmallChangesStayFlat() {
        // A 1% drift over the run and a layer ten times smaller: flat rows, the smaller one lower.
        let table = GradientNormTable(rows: [
            GradientNormRow(name: "a", history: [2.79e-8, 2.80e-8, 2.81e-8, 2.83e-8]),
            GradientNormRow(name: "b", history: [2.9e-9, 2.9e-9, 2.9e-9, 2.9e-9]),
        ], theme: TestThemes.plainUnicode)
        let scale = table.sharedLogScale()!
        #expect(scale.upperBound - scale.lowerBound >= 2)
        let lines = CellBuffer.drawing(table, width: 32, height: 3).lines
        let bars = lines.dropFirst().map { String($0.suffix(9).filter { "▁▂▃▄▅▆▇█".contains($0) }) }
        #expect(Set(bars[0]).count == 1, "a 1% drift is a flat line: \(bars[0])")
        #expect(Set(bars[1]).count == 1)
        #expect(bars[0].first! > bars[1].first!, "the larger layer sits higher: \(bars)")
    }
}
