import Testing
import TerminalUI
import TestSupport

/// The loss chart's legend with several runs side by side: names are cut to fit, with an
/// ellipsis, and runs that cannot fit at all leave an ellipsis behind, never vanishing silently.
@Suite struct LossChartLegendFitTests {
    static let line: [(epoch: Double, value: Double)] = [(0, 1.0), (4, 0.0)]

    static func chart(_ names: [String]) -> LossChart {
        var chart = LossChart(train: line, test: [], theme: TestThemes.plainUnicode)
        chart.overlays = names.map {
            LossOverlay(name: $0, points: [LossPoint(epoch: 0, value: 0.5)], style: .plain, marker: "•")
        }
        return chart
    }

    static let fourRuns = ["2 activation=relu,hidden=32/32/32,optimizer=sgd",
                           "3 activation=tanh,hidden=8,optimizer=adam",
                           "4 activation=relu,hidden=8,optimizer=momentum"]

    @Test("three other runs at 120 columns: each name cut to a fair share, ending in an ellipsis")
    func fourRunsAt120() {
        expectBuffer(.drawing(Self.chart(Self.fourRuns), width: 120, height: 5), lines: [
            "• train 0  ∘ test  • 2 activation=relu,hidden=32/32…  • 3 activation=tanh,hidden=8,op…  • 4 activation=relu,hidden=8,op…",
            "1┤⠉⠉⠉⠉⠉⠉⠉⠉⠑⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠢⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀                                                           ",
            "0┤⠁                                                          ⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠢⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⢄⣀⣀⣀⣀⣀⣀⣀⣀",
            " └┬──────────────┬─────────────┬──────────────┬──────────────┬─────────────┬──────────────┬─────────────┬──────────────┬",
            "  0             0.5            1             1.5             2            2.5             3            3.5             4",
        ])
    }

    @Test("the same at 80 columns: shorter cuts, every run still named by its number")
    func fourRunsAt80() {
        expectBuffer(.drawing(Self.chart(Self.fourRuns), width: 80, height: 5), lines: [
            "• train 0  ∘ test  • 2 activation=rel…  • 3 activation=tan…  • 4 activation=rel…",
            "1┤⠉⠉⠉⠉⠉⠉⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀                                       ",
            "0┤⠁                                      ⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠉⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠒⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⠤⣀⣀⣀⣀⣀⣀",
            " └┬─────────┬────────┬─────────┬─────────┬────────┬─────────┬────────┬─────────┬",
            "  0        0.5       1        1.5        2       2.5        3       3.5        4",
        ])
    }

    @Test("the last name takes the gap nothing follows: • 2 0.03 adam whole where it fits, not • 2 0.03 …")
    func lastNameUsesTheTrailingGap() {
        var chart = Self.chart(["2 lr=0.03,optimizer=adam"])
        chart.overlays[0].shortName = "2 0.03 adam"
        expectBuffer(.drawing(chart, width: 32, height: 5), lines: [
            "• train 0  ∘ test  • 2 0.03 adam",
            "1┤⠉⠉⠑⠒⠒⠒⠢⠤⠤⠤⠤⣀⣀⣀⣀               ",
            "0┤⠁              ⠉⠉⠉⠉⠒⠒⠒⠒⠢⠤⠤⠤⢄⣀⣀",
            " └┬──────────────┬─────────────┬",
            "  0              2             4",
        ])
        // With the log scale's mark after it, the gap stays and the name is cut.
        chart.logScale = true
        #expect(CellBuffer.drawing(chart, width: 36, height: 5).lines[0] == "• train 0  ∘ test  • 2 0.03 a…  log ")
    }

    @Test("names that do not all fit whole give way to the short names, which are cut only if need be")
    func shortNames() {
        var chart = Self.chart(["2 optimizer=momentum", "3 lr=0.3", "4 lr=0.3,optimizer=momentum"])
        for (index, short) in ["2 momentum", "3 0.3", "4 0.3 momentum"].enumerated() { chart.overlays[index].shortName = short }
        expectBuffer(.drawing(chart, width: 60, height: 5), lines: [
            "• train 0  ∘ test  • 2 momentum  • 3 0.3  • 4 0.3 momentum  ",
            "1┤⠉⠉⠉⠉⠑⠒⠒⠒⠒⠒⠒⠒⠢⠤⠤⠤⠤⠤⠤⠤⠤⣀⣀⣀⣀⣀⣀⣀⣀                             ",
            "0┤⠁                            ⠉⠉⠉⠉⠉⠉⠉⠉⠒⠒⠒⠒⠒⠒⠒⠒⠢⠤⠤⠤⠤⠤⠤⠤⢄⣀⣀⣀⣀",
            " └┬─────────────┬──────────────┬─────────────┬─────────────┬",
            "  0             1              2             3             4",
        ])
    }

    @Test("runs that one row would leave out get a legend row of their own when the chart is tall enough")
    func secondRow() {
        var chart = Self.chart(["2 optimizer=adam", "3 lr=0.3", "4 lr=0.3,optimizer=adam"])
        chart.latestTrain = 0.0082
        chart.latestTest = 0.0109
        chart.test = [LossPoint(epoch: 0, value: 0.9), LossPoint(epoch: 4, value: 0.1)]
        for (index, short) in ["2 adam", "3 0.3", "4 0.3 adam"].enumerated() { chart.overlays[index].shortName = short }
        expectBuffer(.drawing(chart, width: 42, height: 9), lines: [
            "• train 8.2e-3  ∘ test 0.0109             ",
            "• 2 adam  • 3 0.3  • 4 0.3 adam           ",
            "  1┤⠍⢖⢒⢤⠤⣀⣀                               ",
            "   │    ⠁⠁⠑⠙⠙⠖⠖⢤⢤⣀⣀                       ",
            "0.5┤⠄             ⠁⠉⠙⠒⠒⠤⠤⣄⣀⢀              ",
            "   │                       ⠉⠉⠓⠓⠴⠴⣄⣄⢄⢀⢀    ",
            "  0┤                               ⠉⠉⠒⠓⠥⠵⣐",
            "   └┬──────────────────┬─────────────────┬",
            "    0                  2                 4",
        ])
        // One row short of that, the runs share the first row and an ellipsis stands for the rest.
        expectBuffer(.drawing(chart, width: 42, height: 8), lines: [
            "• train 8.2e-3  ∘ test 0.0109  • 2 adam  …",
            "  1┤⠍⢖⢒⢤⠤⣀⣀                               ",
            "   │    ⠁⠁⠑⠙⠙⠖⠖⢤⢤⣀⣀                       ",
            "0.5┤⠄             ⠁⠉⠙⠒⠒⠤⠤⣄⣀⢀              ",
            "   │                       ⠉⠉⠓⠓⠴⠴⣄⣄⢄⢀⢀    ",
            "  0┤                               ⠉⠉⠒⠓⠥⠵⣐",
            "   └┬──────────────────┬─────────────────┬",
            "    0                  2                 4",
        ])
    }

    @Test("names that fit are drawn whole; short names lend their room to long ones")
    func fitting() {
        #expect(LossChart.fitLegendNames(["2 a", "3 b"], room: 20, ellipsis: "…") == (names: ["2 a", "3 b"], dropped: 0))
        #expect(LossChart.fitLegendNames(["2 a", "3 lr=0.03,optimizer=adam"], room: 20, ellipsis: "…")
                == (names: ["2 a", "3 lr=0.0…"], dropped: 0))
    }

    @Test("too many runs for even a short name each: the first that fit, and the rest counted")
    func dropping() {
        let names = (2...9).map { "\($0) lr=0.0\($0)" }
        let fitted = LossChart.fitLegendNames(names, room: 30, ellipsis: "…")
        #expect(fitted == (names: ["2 lr…", "3 lr=…", "4 lr=…"], dropped: 5))
        #expect(LossChart.fitLegendNames(names, room: 3, ellipsis: "…") == (names: [], dropped: 8))
    }
}
