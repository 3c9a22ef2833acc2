import Testing
import TerminalUI
import TestSupport

/// Every widget at tiny, odd and ordinary sizes: no crash, and nothing drawn outside its area.
@Suite struct ClippingTests {
    static let sizes: [(width: Int, height: Int)] = [
        (0, 0), (0, 5), (5, 0), (1, 1), (1, 4), (4, 1), (2, 2), (3, 3), (7, 4), (13, 6), (30, 12),
    ]

    @Test(arguments: TestThemes.all)
    func widgetsStayInsideTheirArea(theme: Theme) {
        for (name, widget) in SampleWidgets.all(theme: theme) {
            for size in Self.sizes {
                var buffer = CellBuffer(width: 36, height: 16)
                let area = Rect(x: 3, y: 2, width: size.width, height: size.height)
                widget.render(in: area, into: &buffer)
                let before = buffer
                expectBlankOutside(area, in: buffer)
                if size.width == 0 || size.height == 0 {
                    #expect(buffer == CellBuffer(width: 36, height: 16), "\(name) drew into an empty \(area)")
                }
                #expect(before == buffer)
            }
        }
    }

    @Test func oneByOneAreasDrawSomethingSensible() {
        let theme = TestThemes.plainASCII
        let spark = CellBuffer.drawing(Sparkline(values: [1, 2, 3], glyphs: .ascii), width: 1, height: 1)
        expectBuffer(spark, lines: ["_"])
        let status = CellBuffer.drawing(StatusBar(left: [StatusSegment("epoch")], theme: theme), width: 1, height: 1)
        expectBuffer(status, lines: ["~"])
        let chart = CellBuffer.drawing(LossChart(train: [(0, 1.0)], test: [], theme: theme), width: 1, height: 1)
        expectBuffer(chart, lines: ["*"])
        let heatmap = CellBuffer.drawing(Heatmap(rows: 1, columns: 1, values: [-2], theme: theme), width: 1, height: 1)
        expectBuffer(heatmap, lines: ["#"])
    }
}
