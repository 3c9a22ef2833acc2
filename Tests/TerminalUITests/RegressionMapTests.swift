import Testing
import TerminalUI
import TestSupport

@Suite struct RegressionMapTests {
    /// Four samples across, −1, −0.4, 0.4 and 1 of a scale of 1: the signed ramp's ends and its
    /// first steps; points take their target's sign for the glyph.
    @Test func predictedValuesOnTheSignedRampWithPointsByTarget() {
        var negative = DataPoint(x: 0.5, y: 0.5, label: 0, isTest: false)
        negative.value = -0.8
        var positive = DataPoint(x: 3.5, y: 0.2, label: 1, isTest: true)
        positive.value = 0.9
        let map = RegressionMap(gridWidth: 4, gridHeight: 1, values: [-1, -0.4, 0.4, 1], scale: 1, xRange: 0...4,
                                yRange: 0...1, points: [negative, positive], theme: TestThemes.plainASCII)
        expectBuffer(.drawing(map, width: 8, height: 2), lines: [
            "##--++@@",
            "#o--++@X",
        ])
    }

    @Test func valuesBeyondTheScaleClampAndABadScaleIsOne() {
        let map = RegressionMap(gridWidth: 2, gridHeight: 1, values: [-5, 5], scale: 0, xRange: 0...2, yRange: 0...1,
                                points: [], theme: TestThemes.plainASCII)
        #expect(map.scale == 1)
        expectBuffer(.drawing(map, width: 2, height: 1), lines: ["#@"])
    }
}
