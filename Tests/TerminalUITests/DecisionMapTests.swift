import Testing
import TerminalUI
import TestSupport

@Suite struct DecisionMapTests {
    /// A 4×2 grid over x, y in 0…4 × 0…2: class 1 right of x = 2, confidence growing with distance.
    func separable(theme: Theme, points: [DataPoint]) -> DecisionMap {
        let columnP = [0.0, 0.3, 0.7, 1.0]
        return DecisionMap(gridWidth: 4, gridHeight: 2, classCount: 2, probabilities: columnP + columnP,
                           xRange: 0...4, yRange: 0...2, points: points, theme: theme)
    }

    let points = [
        DataPoint(x: 0.5, y: 1.5, label: 0, isTest: false), DataPoint(x: 3.5, y: 0.5, label: 1, isTest: false),
        DataPoint(x: 1.5, y: 0.2, label: 0, isTest: true), DataPoint(x: 2.5, y: 1.9, label: 1, isTest: true),
        DataPoint(x: 9, y: 1, label: 1, isTest: false),
    ]

    @Test func linearlySeparableMapWithPointsInASCII() {
        let map = separable(theme: TestThemes.plainASCII, points: points)
        expectBuffer(.drawing(map, width: 8, height: 4), lines: [
            "--..,X++",
            "-o..,,++",
            "--..,,++",
            "--.O,,+x",
        ])
    }

    @Test func flatProbabilitiesPerClassGiveTheSameMap() {
        let perClass = [1.0, 0.0, 0.7, 0.3, 0.3, 0.7, 0.0, 1.0]
        let map = DecisionMap(gridWidth: 4, gridHeight: 2, classCount: 2, probabilities: perClass + perClass,
                              xRange: 0...4, yRange: 0...2, points: [], theme: TestThemes.plainASCII)
        expectBuffer(.drawing(map, width: 4, height: 2), lines: ["-.,+", "-.,+"])
    }

    @Test func threeClassesUseThreeRamps() {
        // One row of three samples, each certain of a different class.
        let probabilities = [1.0, 0, 0, 0, 1, 0, 0, 0, 1]
        let map = DecisionMap(gridWidth: 3, gridHeight: 1, classCount: 3, probabilities: probabilities,
                              xRange: 0...3, yRange: 0...1,
                              points: [DataPoint(x: 2.5, y: 0.5, label: 2, isTest: false)], theme: TestThemes.plainASCII)
        expectBuffer(.drawing(map, width: 3, height: 1), lines: ["-+*"])
        var bare = map
        bare.points = []
        expectBuffer(.drawing(bare, width: 3, height: 1), lines: ["-+\""])
        let withTest = DecisionMap(gridWidth: 3, gridHeight: 1, classCount: 3, probabilities: probabilities,
                                   xRange: 0...3, yRange: 0...1,
                                   points: [DataPoint(x: 2.5, y: 0.5, label: 2, isTest: true)], theme: TestThemes.plainASCII)
        expectBuffer(.drawing(withTest, width: 3, height: 1), lines: ["-+#"])
    }

    @Test func palette256UsesHalfBlocksWithTwoSamplesPerCell() {
        let theme = TestThemes.paletteUnicode
        // 1×2 grid: bottom sample class 0, top sample class 1, both certain.
        let map = DecisionMap(gridWidth: 1, gridHeight: 2, classCount: 2, probabilities: [0, 1],
                              xRange: 0...1, yRange: 0...1, points: [], theme: theme)
        let buffer = CellBuffer.drawing(map, width: 1, height: 1)
        expectBuffer(buffer, lines: ["▀"])
        let top = theme.classColor(label: 1, confidence: 1)!, bottom = theme.classColor(label: 0, confidence: 1)!
        expectStyles(buffer, [(x: 0, y: 0, style: CellStyle(foreground: top, background: bottom))])
    }

    @Test func pointsKeepTheMapBackgroundAndTestPointsAreUnderlined() {
        let theme = TestThemes.paletteUnicode
        let map = separable(theme: theme, points: points)
        let buffer = CellBuffer.drawing(map, width: 8, height: 4)
        #expect(buffer[1, 1].character == "o")
        #expect(buffer[3, 3].character == "O")
        var trainStyle = theme.pointStyle(label: 0, isTest: false)
        trainStyle.background = theme.classColor(label: 0, confidence: 1)!
        expectStyles(buffer, [(x: 1, y: 1, style: trainStyle)])
        #expect(buffer[3, 3].style.attributes.contains(.underline))
    }

    @Test func missingPredictionsStillDrawPoints() {
        let map = DecisionMap(gridWidth: 4, gridHeight: 2, classCount: 3, probabilities: [0.5],
                              xRange: 0...4, yRange: 0...2, points: points, theme: TestThemes.plainASCII)
        expectBuffer(.drawing(map, width: 4, height: 2), lines: ["o X ", " O x"])
    }
}
