import Foundation
import TerminalUI

/// Every widget with realistic data, for clipping tests and render timing.
enum SampleWidgets {
    static func lossChart(theme: Theme, points: Int = 200) -> LossChart {
        let train = (0..<points).map { i in
            let mean = 2 * (1 / (1 + Double(i) * 0.1)) + 0.01
            return LossPoint(epoch: Double(i), value: mean, minimum: mean * 0.8, maximum: mean * 1.25)
        }
        let test = (0..<points).map { LossPoint(epoch: Double($0), value: 2.2 / (1 + Double($0) * 0.08) + 0.05) }
        return LossChart(train: train, test: test, markers: [Double(points / 3), Double(2 * points / 3)], logScale: true, theme: theme)
    }

    static func heatmap(theme: Theme) -> Heatmap {
        let rows = 16, columns = 64
        let values = (0..<(rows * columns)).map { Double(($0 * 37) % 101 - 50) / 60 }
        return Heatmap(rows: rows, columns: columns, values: values, bias: (0..<rows).map { Double($0) / 20 - 0.4 }, theme: theme)
    }

    static func decisionMap(theme: Theme, classes: Int = 3) -> DecisionMap {
        let width = 60, height = 40
        var probabilities: [Double] = []
        for j in 0..<height {
            for i in 0..<width {
                let scores = (0..<classes).map { k in -abs(Double(i) / 20 - Double(k)) - abs(Double(j) / 20 - 1) }
                let total = scores.map { exp($0 * 3) }.reduce(0, +)
                probabilities += scores.map { exp($0 * 3) / total }
            }
        }
        let points = (0..<200).map { n in
            DataPoint(x: Double((n * 7) % 100) / 100 * 3 - 1.5, y: Double((n * 13) % 100) / 100 * 2 - 1,
                      label: n % classes, isTest: n % 5 == 0)
        }
        return DecisionMap(gridWidth: width, gridHeight: height, classCount: classes, probabilities: probabilities,
                           xRange: -1.5...1.5, yRange: -1...1, points: points, theme: theme)
    }

    static func gradientTable(theme: Theme) -> GradientNormTable {
        let rows = (0..<4).map { layer in
            GradientNormRow(name: "dense\(layer) 16→16", history: (0..<300).map { 1e-3 * Double(layer + 1) / (1 + Double($0) * 0.01) })
        }
        return GradientNormTable(rows: rows + [GradientNormRow(name: "out", history: [1e-9, 1e-8])], theme: theme)
    }

    static let keys: [(key: String, description: String)] = [
        ("q", "quit"), ("Space", "pause"), ("l", "log scale"), ("?", "help"), ("s", "save model"), ("+/-", "learning rate"),
    ]

    /// One of each widget, named for failure messages.
    static func all(theme: Theme) -> [(name: String, widget: any Widget)] {
        [
            ("Panel", Panel(title: "Loss", theme: theme)),
            ("LossChart", lossChart(theme: theme, points: 30)),
            ("LossChart empty", LossChart(train: [LossPoint](), test: [], theme: theme)),
            ("Heatmap", heatmap(theme: theme)),
            ("DecisionMap", decisionMap(theme: theme)),
            ("DecisionMap binary", DecisionMap(gridWidth: 2, gridHeight: 2, classCount: 2, probabilities: [0.1, 0.9, 0.4, 0.6],
                                               xRange: 0...1, yRange: 0...1,
                                               points: [DataPoint(x: 1, y: 1, label: 1, isTest: true)], theme: theme)),
            ("Sparkline", Sparkline(values: [1, 5, 2, 8], logScale: true, glyphs: theme.glyphs)),
            ("GradientNormTable", gradientTable(theme: theme)),
            ("StatusBar", StatusBar(left: [StatusSegment("epoch 12")], right: [StatusSegment("running")], theme: theme)),
            ("KeyLegend", KeyLegend(keys, theme: theme)),
            ("HelpOverlay", HelpOverlay(keys, theme: theme)),
            ("MessageLine", MessageLine("saved model.json", theme: theme)),
            ("TooSmallNotice", TooSmallNotice(requiredWidth: 80, requiredHeight: 24, width: 10, height: 5, theme: theme)),
        ]
    }
}
