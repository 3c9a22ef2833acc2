import TerminalUI
import TestSupport
import Testing

/// A one-input function over its data: the points as dots, the curve as a line, the ranges at
/// the edges.
@Suite struct FunctionPlotTests {
    /// y = x on 0…1 with three points on it and one (a test point) off it.
    static func plot(_ theme: Theme, samples: Int) -> FunctionPlot {
        let points = [DataPoint(x: 0.1, y: 0.1, label: 0, isTest: false), DataPoint(x: 0.5, y: 0.5, label: 0, isTest: false),
                      DataPoint(x: 0.9, y: 0.9, label: 0, isTest: false), DataPoint(x: 0.8, y: 0.2, label: 0, isTest: true)]
        let curve = (0..<samples).map { (Double($0) + 0.5) / Double(samples) }
        return FunctionPlot(points: points, curve: curve, xRange: 0...1, yRange: 0...1, theme: theme)
    }

    @Test("braille: the line y = x, the points on and off it, y's ends at the left, x's under the plot")
    func braille() {
        let plot = Self.plot(TestThemes.plainUnicode, samples: 36)
        #expect(plot.sampleCount(in: Rect(x: 0, y: 0, width: 20, height: 6)) == 36)
        expectBuffer(.drawing(plot, width: 20, height: 6), lines: [
            "1┤              ⢀⡠⠒⠉",
            " │           ⡠⠔⠊⠁   ",
            " │       ⣀⠤⠒⠉       ",
            " │   ⢀⡠⠔⠊       ⡀   ",
            "0┤⣀⠴⠊⠁              ",
            "  0                1",
        ])
    }

    @Test("ASCII: one marker a cell, the points' own glyphs where the line does not cover them")
    func ascii() {
        let plot = Self.plot(TestThemes.plainASCII, samples: 18)
        expectBuffer(.drawing(plot, width: 20, height: 6), lines: [
            "1+              ****",
            " |           ***    ",
            " |       ****       ",
            " |    ***       O   ",
            "0+****              ",
            "  0                1",
        ])
    }

    @Test("a prediction outside the y range breaks the line; too small an area draws nothing")
    func edges() {
        var plot = Self.plot(TestThemes.plainASCII, samples: 18)
        plot.curve = plot.curve.map { $0 > 0.5 ? 7 : $0 }
        expectBuffer(.drawing(plot, width: 20, height: 6), lines: [
            "1+                o ",
            " |                  ",
            " |       **o        ",
            " |    ***       O   ",
            "0+****              ",
            "  0                1",
        ])
        expectBuffer(.drawing(plot, width: 4, height: 2), lines: ["    ", "    "])
    }
}
