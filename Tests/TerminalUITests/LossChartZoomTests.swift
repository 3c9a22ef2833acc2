import Testing
import TerminalUI
import TestSupport

/// Zooming into an epoch range, the read-out cursor, and the smoothed line over its band.
@Suite struct LossChartZoomTests {
    /// Loss falling by 0.1 an epoch from 1 at epoch 0 to 0 at epoch 10.
    let falling = (0...10).map { LossPoint(epoch: Double($0), value: 1 - Double($0) / 10) }

    @Test func aZoomedChartShowsOnlyItsEpochsAndFitsTheAxisToThem() {
        var chart = LossChart(train: falling, test: [], theme: TestThemes.plainASCII)
        chart.epochWindow = 4...8
        // The x axis runs 4…8 and the y axis fits 0.2…0.6, the values inside the window.
        expectBuffer(.drawing(chart, width: 24, height: 8), lines: [
            "* train 0  o test       ",
            "0.6+***                 ",
            "   |   *****            ",
            "0.4+        ****        ",
            "   |            *****   ",
            "0.2+                 ***",
            "   ++---------+--------+",
            "    4         6        8",
        ])
    }

    @Test func aWindowCutsLinesAtItsEdgesAtTheirTrueHeight() {
        var chart = LossChart(train: [LossPoint(epoch: 0, value: 0), LossPoint(epoch: 10, value: 1)], test: [],
                              theme: TestThemes.plainASCII)
        chart.epochWindow = 2...4
        // Between the two points only: from 0.2 at epoch 2 to 0.4 at epoch 4 (no point lies inside).
        expectBuffer(.drawing(chart, width: 20, height: 7), lines: [
            "* train 1  o test   ",
            "0.4+             ***",
            "0.3+        *****   ",
            "   |   *****        ",
            "0.2+***             ",
            "   ++-------+------+",
            "    2       3      4",
        ])
    }

    @Test func theReadOutListsEveryRunsTrainAndTestLossAtTheCursor() {
        var chart = LossChart(train: falling, test: falling.map { LossPoint(epoch: $0.epoch, value: $0.value + 0.1) },
                              theme: TestThemes.plainASCII)
        chart.readout = LossReadout(epoch: 8, rows: [
            .init(name: "1 main", style: .init(), marker: "*", train: 0.2, test: 0.3),
            .init(name: "2* lr=0.3", style: .init(), marker: "#", train: 0.05, test: nil),
        ])
        // The cursor (`:`) stands at epoch 8, in the right half: the box sits top left, clear of it.
        expectBuffer(.drawing(chart, width: 50, height: 9), lines: [
            "* train 0  o test 0.1                             ",
            "1.5+ epoch 8                            :         ",
            "   | * 1 main     train 0.2  test 0.3   :         ",
            "  1+ # 2* lr=0.3  train 0.05  test -    :         ",
            "0.5+            *****o*o*o*o*oooo       :         ",
            "   |                         ****o*o*o*o:o*oooo   ",
            "  0+                                    :  ****o*o",
            "   ++----------------------+---------------------+",
            "    0                      5                    10",
        ])
    }

    /// The read-out of a 2×2 grid in an 80-column screen's loss panel (42 cells inside): the long
    /// form does not fit, so the names are cut and every loss is written whole.
    @Test func aNarrowReadOutCutsTheNamesNotTheLosses() {
        var chart = LossChart(train: falling, test: falling.map { LossPoint(epoch: $0.epoch, value: $0.value + 0.1) },
                              theme: TestThemes.plainASCII)
        chart.readout = LossReadout(epoch: 8, rows: [
            .init(name: "1 lr=0.03,optimizer=sgd", style: .init(), marker: "*", train: 0.004309, test: 0.006771,
                  shortName: "1 0.03 sgd"),
            .init(name: "2 lr=0.03,optimizer=adam", style: .init(), marker: "#", train: 7.4e-5, test: 0.0123),
            .init(name: "3 lr=0.3,optimizer=sgd", style: .init(), marker: "@", train: 0.25, test: nil),
            .init(name: "4 lr=0.3,optimizer=adam", style: .init(), marker: "%", train: nil, test: nil),
        ])
        expectBuffer(.drawing(chart, width: 42, height: 9), lines: [
            "* train 0  o test 0.1                     ",
            "1.5+ epoch 8, train/test                  ",
            "   | * 1 0.03 sgd           4.3e-3/6.8e-3 ",
            "  1+ # 2 lr=0.03,optimize~  7.4e-5/0.0123 ",
            "0.5+ @ 3 lr=0.3,optimizer~  0.25/-        ",
            "   | % 4 lr=0.3,optimizer~  -/-           ",
            "  0+                              : ***o*o",
            "   ++------------------+-----------------+",
            "    0                  5                10",
        ])
        // Narrower still, the short names are cut too: the losses stay whole. (Runs 2–4 have no
        // short name here, so the compact form cuts their full names.)
        expectBuffer(.drawing(chart, width: 30, height: 9), lines: [
            "* train 0  o test 0.1         ",
            "1.5+ epoch 8, train/test      ",
            "   | * 1 0.03~  4.3e-3/6.8e-3 ",
            "  1+ # 2 lr=0~  7.4e-5/0.0123 ",
            "0.5+ @ 3 lr=0~  0.25/-        ",
            "   | % 4 lr=0~  -/-           ",
            "  0+                    : ***o",
            "   ++------------+-----------+",
            "    0            5          10",
        ])
    }

    /// A flat loss with one spike: smoothed, the line barely lifts, but the band of the bucket
    /// holding the spike (`.`) still reaches the top, and the faint raw line rises to its mean.
    @Test func theSmoothedLineKeepsASpikeVisibleInItsBand() {
        let points: [LossPoint] = (0..<12).map { (index: Int) -> LossPoint in
            let spike = index == 6
            return LossPoint(epoch: Double(index * 4 + 2), value: spike ? 1.75 : 1, minimum: 1, maximum: spike ? 4 : 1)
        }
        var chart = LossChart(train: points, test: [], theme: TestThemes.plainASCII)
        chart.smoothing = 0.9
        expectBuffer(.drawing(chart, width: 40, height: 9), lines: [
            "* train 1  o test                       ",
            "4+                    .                 ",
            " |                    .                 ",
            "3+                    .                 ",
            "2+                    .                 ",
            " |                   ...                ",
            "1+**************************************",
            " +---------------+----------------+-----",
            "                20               40     ",
        ])
    }
}
