import Testing
import TerminalUI
import TestSupport

/// Non-finite, huge, tiny and inconsistent inputs draw something (or nothing) but never trap.
@Suite struct HostileInputTests {
    let theme = TestThemes.plainASCII

    @Test func lossChartWithNonFiniteAndExtremeValues() {
        let train: [(epoch: Double, value: Double)] = [(0, .nan), (1, .infinity), (2, 1e308), (3, -1e308), (.nan, 1)]
        let chart = LossChart(train: train, test: [(-1e308, Double.leastNonzeroMagnitude), (1e308, 1)], markers: [.nan, .infinity, 1e308], theme: theme)
        let buffer = CellBuffer.drawing(chart, width: 30, height: 10)
        #expect(buffer.lines.joined().contains("*"))
        var log = chart
        log.logScale = true
        let logBuffer = CellBuffer.drawing(log, width: 30, height: 10)
        #expect(logBuffer.lines[0].hasPrefix("* train"))
    }

    @Test func axisScaleWithBadEnds() {
        let infinite = AxisScale(minimum: -.infinity, maximum: .nan, logarithmic: false, tickCount: 4, roundOutward: true)
        #expect(infinite.low == 0 && infinite.high == 1)
        let nonPositiveLog = AxisScale(minimum: -5, maximum: 0, logarithmic: true, tickCount: 4, roundOutward: true)
        #expect(nonPositiveLog.high > nonPositiveLog.low)
        #expect(!nonPositiveLog.ticks.isEmpty)
    }

    @Test func heatmapWithNonFiniteValues() {
        let heatmap = Heatmap(rows: 1, columns: 4, values: [.nan, .infinity, -1, 1], bias: [.nan], theme: theme)
        expectBuffer(.drawing(heatmap, width: 12, height: 2), lines: [
            "..#@|.      ",
            "-1 #=-.+*@ +",
        ])
    }

    @Test func decisionMapWithNonFiniteProbabilitiesAndBounds() {
        let map = DecisionMap(gridWidth: 2, gridHeight: 1, classCount: 2, probabilities: [.nan, .infinity],
                              xRange: 0...Double.infinity, yRange: -1...1,
                              points: [DataPoint(x: .nan, y: 0, label: -3, isTest: false)], theme: theme)
        expectBuffer(.drawing(map, width: 4, height: 1), lines: ["    "])
    }

    @Test func decisionMapFromNestedArrays() {
        let nested = DecisionMap(gridWidth: 2, gridHeight: 1, classProbabilities: [[1, 0, 0], [0, 0, 1]],
                                 xRange: 0...2, yRange: 0...1, points: [], theme: theme)
        expectBuffer(.drawing(nested, width: 2, height: 1), lines: ["-\""])
        let ragged = DecisionMap(gridWidth: 2, gridHeight: 1, classProbabilities: [[1, 0], [0]],
                                 xRange: 0...2, yRange: 0...1, points: [], theme: theme)
        expectBuffer(.drawing(ragged, width: 2, height: 1), lines: ["  "])
    }

    @Test func numberFormatsOfSubnormalsAndExtremes() {
        #expect(NumberFormat.compact(Double.leastNonzeroMagnitude) == "4.9e-324")
        #expect(NumberFormat.scientific(1e308) == "1.0e308")
        #expect(NumberFormat.compact(1e300) == "1e300")
        #expect(NumberFormat.engineering(Double.leastNonzeroMagnitude) == "4.94e-324")
    }
}
