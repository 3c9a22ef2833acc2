import Testing
import TerminalUI
import TestSupport

@Suite struct LossChartTests {
    let descending: [(epoch: Double, value: Double)] = [(0, 1.0), (1, 0.75), (2, 0.5), (3, 0.25), (4, 0.0)]

    @Test func straightDescendingLineInBraille() {
        let chart = LossChart(train: descending, test: [], theme: TestThemes.plainUnicode)
        expectBuffer(.drawing(chart, width: 16, height: 7), lines: [
            "• train 0  ∘ tes",
            "  1┤⠑⠢⣀         ",
            "   │   ⠑⠢⣀      ",
            "0.5┤      ⠑⠢⢄   ",
            "  0┤         ⠉⠢⢄",
            "   └┬─────┬────┬",
            "    0     2    4",
        ])
    }

    @Test func straightDescendingLineInASCII() {
        let chart = LossChart(train: descending, test: [], theme: TestThemes.plainASCII)
        expectBuffer(.drawing(chart, width: 16, height: 7), lines: [
            "* train 0  o tes",
            "  1+**          ",
            "   |  ***       ",
            "0.5+     *****  ",
            "  0+          **",
            "   ++-----+----+",
            "    0     2    4",
        ])
    }

    @Test func logScaleWithBandsMarkersAndBothSeries() {
        let train = [
            LossPoint(epoch: 0, value: 2, minimum: 1.5, maximum: 2.5), LossPoint(epoch: 10, value: 0.1, minimum: 0.05, maximum: 0.2),
            LossPoint(epoch: 20, value: 0.01),
        ]
        let test = [LossPoint(epoch: 0, value: 2.2), LossPoint(epoch: 10, value: 0.3), LossPoint(epoch: 20, value: 0.2)]
        let chart = LossChart(train: train, test: test, markers: [10], logScale: true, theme: TestThemes.plainASCII)
        expectBuffer(.drawing(chart, width: 30, height: 9), lines: [
            "* train 0.01  o test 0.2  log ",
            "  10+            :            ",
            "    |*o*         :            ",
            "   1+   o*o*o*   :            ",
            " 0.1+         o*o*o*oooooooooo",
            "    |            .  ******    ",
            "0.01+            :        ****",
            "    ++-----------+-----------+",
            "     0          10          20",
        ])
    }

    /// Where the two lines share cells, every other column shows the test line's look, so it
    /// does not vanish behind the train line (it did: every shared cell took the train style).
    @Test func curvesThatShareCellsBothStayVisible() {
        let same: [(epoch: Double, value: Double)] = [(0, 1.0), (4, 0.0)]
        let chart = LossChart(train: same, test: same, theme: TestThemes.paletteUnicode)
        let buffer = CellBuffer.drawing(chart, width: 16, height: 7)
        expectBuffer(buffer, lines: [
            "• train 0  ∘ tes",
            "  1┤⠑⠢⣀         ",
            "   │   ⠑⠢⣀      ",
            "0.5┤      ⠉⠢⢄   ",
            "  0┤         ⠉⠢⢄",
            "   └┬─────┬────┬",
            "    0     2    4",
        ])
        let theme = TestThemes.paletteUnicode
        // Plot columns start at x 4: even plot columns show the train line, odd ones the test line.
        expectStyles(buffer, [(4, 1, theme.trainSeries), (5, 1, theme.testSeries), (6, 1, theme.trainSeries),
                              (7, 2, theme.testSeries), (8, 2, theme.trainSeries), (15, 4, theme.testSeries)])
        let ascii = CellBuffer.drawing(LossChart(train: same, test: same, theme: TestThemes.plainASCII), width: 16, height: 7)
        #expect(ascii.lines[1] == "  1+*o          ", "\(ascii.lines)")
    }

    /// Each learning-rate mark says what the rate changed to, beside it on the top row (left of
    /// it at the right edge; left out where it would overlap the label before).
    @Test func markersCarryTheirLabels() {
        var chart = LossChart(train: descending, test: [], markers: [1, 1.5, 4], theme: TestThemes.plainASCII)
        chart.markerLabels = ["lr 0.05", "lr 0.1", "lr 1"]
        expectBuffer(.drawing(chart, width: 24, height: 7), lines: [
            "* train 0  o test       ",
            "  1+***  :lr 0.05  lr 1:",
            "   |   *****           :",
            "0.5+     : :*********  :",
            "  0+     : :         ***",
            "   ++---------+--------+",
            "    0         2        4",
        ])
    }

    @Test func logScaleSkipsNonPositiveValues() {
        let chart = LossChart(train: [(0, 0), (1, -1), (2, 0.5), (3, 0.05)], test: [], logScale: true, theme: TestThemes.plainASCII)
        expectBuffer(.drawing(chart, width: 14, height: 6), lines: [
            "* train 0.05  ",
            "   1+****     ",
            "    |    *****",
            "0.01+         ",
            "    ++---+---+",
            "     2  2.5  3",
        ])
    }

    @Test func emptySeriesSaysSo() {
        let chart = LossChart(train: [LossPoint](), test: [], theme: TestThemes.plainUnicode)
        expectBuffer(.drawing(chart, width: 13, height: 5), lines: [
            "• train  ∘ te",
            "             ",
            " no data yet ",
            "             ",
            "             ",
        ])
    }

    @Test func onePointAndConstantSeriesDraw() {
        let one = LossChart(train: [(3, 0.5)], test: [], theme: TestThemes.plainASCII)
        expectBuffer(.drawing(one, width: 12, height: 6), lines: [
            "* train 0.5 ",
            "0.6+        ",
            "0.5+*       ",
            "0.4+        ",
            "   ++---+--+",
            "    3  3.5 4",
        ])
        let constant = LossChart(train: [(0, 2), (1, 2), (2, 2)], test: [(0, 2)], theme: TestThemes.plainASCII)
        expectBuffer(.drawing(constant, width: 12, height: 6), lines: [
            "* train 2  o",
            "2.5+        ",
            "  2+********",
            "1.5+        ",
            "   ++---+--+",
            "    0   1  2",
        ])
    }

    @Test func seriesAndMarkersUseThemeStyles() {
        let theme = TestThemes.paletteUnicode
        let chart = LossChart(train: descending, test: [(0, 0.5), (4, 0.5)], markers: [2], theme: theme)
        let buffer = CellBuffer.drawing(chart, width: 16, height: 7)
        #expect(buffer[10, 1].character == "┊")
        #expect(buffer[6, 3].character == "⠉")
        expectStyles(buffer, [
            (x: 0, y: 0, style: theme.trainSeries), (x: 4, y: 1, style: theme.trainSeries),
            (x: 6, y: 3, style: theme.testSeries), (x: 10, y: 1, style: theme.eventMarker),
            (x: 3, y: 1, style: theme.axis), (x: 2, y: 1, style: theme.muted),
        ])
    }

    /// Braille dots set in `line`'s cells.
    static func dotCount(_ line: String) -> Int {
        line.unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }.map { ($0.value - 0x2800).nonzeroBitCount }.reduce(0, +)
    }

    @Test func withoutColourTheTestLineIsDotted() {
        let train: [(epoch: Double, value: Double)] = [(0, 1), (100, 1)]
        let test: [(epoch: Double, value: Double)] = [(0, 0), (100, 0)]
        let plain = LossChart(train: train, test: test, theme: TestThemes.plainUnicode)
        let lines = CellBuffer.drawing(plain, width: 40, height: 8).lines
        let trainDots = Self.dotCount(lines[1]), testDots = Self.dotCount(lines[lines.count - 3])
        #expect(trainDots >= 60, "a solid line: \(lines[1])")
        #expect(testDots * 2 <= trainDots + 2 && testDots * 2 >= trainDots - 2, "every other dot: \(lines[lines.count - 3])")
        // With colour, both are solid.
        let coloured = CellBuffer.drawing(LossChart(train: train, test: test, theme: TestThemes.paletteUnicode), width: 40, height: 8).lines
        #expect(Self.dotCount(coloured[coloured.count - 3]) == Self.dotCount(coloured[1]))
    }

    @Test func theLegendShowsTheLatestValuesWhenGiven() {
        var chart = LossChart(train: descending, test: [], theme: TestThemes.plainUnicode)
        chart.latestTrain = 0.0123
        #expect(CellBuffer.drawing(chart, width: 30, height: 7).lines[0].hasPrefix("• train 0.0123"))
    }
}

/// Smoothing draws a moving average over the raw values, which stay visible: a spike is never hidden.
@Suite struct LossChartSmoothingTests {
    @Test func theMovingAverageIsBiasCorrected() {
        let points = [1.0, 1.0, 1.0, 4.0].enumerated().map { LossPoint(epoch: Double($0.offset + 1), value: $0.element) }
        let smoothed = LossChart.smoothed(points, weight: 0.5).map(\.value)
        // Debiased, a constant stays itself from the first point; the spike moves it only part way.
        #expect(smoothed[0] == 1 && smoothed[1] == 1 && smoothed[2] == 1)
        #expect(abs(smoothed[3] - (0.5 * 0.875 + 0.5 * 4) / 0.9375) < 1e-12)
        #expect(smoothed[3] < 4)
    }

    @Test func aSingleSpikeStaysVisibleUnderTheSmoothedLine() {
        // A flat series at 1 with one spike to 10 at epoch 20.
        let points = (1...40).map { LossPoint(epoch: Double($0), value: $0 == 20 ? 10 : 1) }
        var chart = LossChart(train: points, test: [], theme: TestThemes.plainUnicode)
        chart.smoothing = 0.9
        let smoothed = CellBuffer.drawing(chart, width: 40, height: 12)
        chart.smoothing = nil
        let raw = CellBuffer.drawing(chart, width: 40, height: 12)
        // The top plot row (where only the spike reaches) has dots in both pictures.
        let topRow = { (buffer: CellBuffer) in buffer.lines[1].unicodeScalars.filter { (0x2801...0x28FF).contains($0.value) }.count }
        #expect(topRow(raw) > 0)
        #expect(topRow(smoothed) > 0, "the spike vanished under smoothing:\n\(smoothed.lines.joined(separator: "\n"))")
        #expect(smoothed.lines != raw.lines, "smoothing changed nothing")
    }
}
