import Testing
import TerminalUI
import TestSupport

@Suite struct HeatmapTests {
    /// A 2×3 weight matrix with a largest magnitude of 0.83.
    let weights = [-0.83, -0.2, 0.0, 0.1, 0.5, 0.83]

    @Test func smallMatrixWithoutColourUsesTheSignedRamp() {
        let heatmap = Heatmap(rows: 2, columns: 3, values: weights, theme: TestThemes.plainASCII)
        expectBuffer(.drawing(heatmap, width: 20, height: 3), lines: [
            "#-.                 ",
            ".*@                 ",
            "-0.83 #=-.+*@ +0.83 ",
        ])
    }

    @Test func wideCellsDrawEachWeightAndTheBiasSeveralCellsAcross() {
        var heatmap = Heatmap(rows: 2, columns: 3, values: weights, bias: [0.83, 0], theme: TestThemes.plainASCII)
        heatmap.cellWidth = 2
        expectBuffer(.drawing(heatmap, width: 20, height: 3), lines: [
            "##--..|@@           ",
            "..**@@|..           ",
            "-0.83 #=-.+*@ +0.83 ",
        ])
    }

    @Test func unicodeWithoutColourStillShowsTheSign() {
        let heatmap = Heatmap(rows: 2, columns: 3, values: weights, theme: TestThemes.plainUnicode)
        expectBuffer(.drawing(heatmap, width: 20, height: 3), lines: [
            "#-·                 ",
            "·*@                 ",
            "-0.83 #=-·+*@ +0.83 ",
        ])
    }

    @Test func smallMatrixIn256ColoursUsesTheDivergingRamp() {
        let theme = TestThemes.paletteUnicode
        let buffer = CellBuffer.drawing(Heatmap(rows: 2, columns: 3, values: weights, theme: theme), width: 20, height: 3)
        expectBuffer(buffer, lines: [
            "█░·                 ",
            "·▓█                 ",
            "-0.83 … 0 … +0.83   ",
        ])
        expectStyles(buffer, [
            (x: 0, y: 0, style: CellStyle(foreground: .palette(21))),
            (x: 1, y: 0, style: CellStyle(foreground: .palette(189))),
            (x: 2, y: 0, style: CellStyle(foreground: .palette(244))),
            (x: 1, y: 1, style: CellStyle(foreground: .palette(210))),
            (x: 2, y: 1, style: CellStyle(foreground: .palette(196))),
            (x: 0, y: 2, style: CellStyle(foreground: .palette(21))),
            (x: 16, y: 2, style: CellStyle(foreground: .palette(196))),
        ])
    }

    @Test func smallMatrixIn8ColoursUsesBlueAndRed() {
        let theme = TestThemes.ansiUnicode
        let buffer = CellBuffer.drawing(Heatmap(rows: 2, columns: 3, values: weights, theme: theme), width: 20, height: 3)
        expectBuffer(buffer, lines: [
            "█░·                 ",
            "·▓█                 ",
            "-0.83 … 0 … +0.83   ",
        ])
        expectStyles(buffer, [
            (x: 0, y: 0, style: CellStyle(foreground: .ansi(4), attributes: .bold)),
            (x: 1, y: 0, style: CellStyle(foreground: .ansi(4))),
            (x: 2, y: 0, style: theme.muted),
            (x: 2, y: 1, style: CellStyle(foreground: .ansi(1), attributes: .bold)),
        ])
    }

    @Test func largeMatrixIsAveragedAndSaysSo() {
        // 4×8 of block-constant values: each 2×2 block averages to its own value.
        let values = (0..<4).flatMap { row in (0..<8).map { column in row < 2 ? (column < 4 ? -1.0 : 1.0) : 0.0 } }
        let heatmap = Heatmap(rows: 4, columns: 8, values: values, theme: TestThemes.plainASCII)
        expectBuffer(.drawing(heatmap, width: 4, height: 3), lines: [
            "##@@",
            "....",
            "4x8~",
        ])
        expectBuffer(.drawing(heatmap, width: 40, height: 3), lines: [
            "####@@@@                                ",
            "........                                ",
            "-1 #=-.+*@ +1  4x8 shown as 2x8         ",
        ])
    }

    @Test func biasColumnSitsRightOfASeparator() {
        let heatmap = Heatmap(rows: 2, columns: 2, values: [1, -1, 0, 0.5], bias: [-0.5, 2], theme: TestThemes.plainASCII)
        expectBuffer(.drawing(heatmap, width: 16, height: 3), lines: [
            "*=|-            ",
            ".+|@            ",
            "-2 #=-.+*@ +2   ",
        ])
    }

    @Test func wrongShapeSaysNoWeights() {
        let heatmap = Heatmap(rows: 2, columns: 2, values: [1, 2, 3], theme: TestThemes.plainASCII)
        expectBuffer(.drawing(heatmap, width: 12, height: 1), lines: ["no weights  "])
    }
}
