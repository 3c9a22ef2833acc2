@testable import Monitor
import Training
import Testing

/// The inspector in a narrow, short panel (the network view at its 96×20 minimum): lines too
/// wide break at spaces, numbers whole, and the rows not shown are counted.
struct InspectorFitTests {
    static func lines(_ texts: [String]) -> [Inspector.Line] { texts.map { Inspector.Line(text: $0, kind: .text) } }

    @Test func aWideLineBreaksBeforeItsEqualsSignWithNumbersWhole() {
        #expect(Inspector.wrap("  w(1,3)·a3 = -0.5571 × -0.6636 = +0.3697", width: 38, ellipsis: "~")
                == ["  w(1,3)·a3 = -0.5571 × -0.6636", "    = +0.3697"])
        #expect(Inspector.wrap("  Σ w·δ = -0.534,  f′(z) = 1 − a² = +0.09", width: 30, ellipsis: "~")
                == ["  Σ w·δ = -0.534,  f′(z) = 1", "    − a² = +0.09"])
        #expect(Inspector.wrap("  z = +1.853", width: 38, ellipsis: "~") == ["  z = +1.853"])
        #expect(Inspector.wrap("sample 3 of 120 (row 3): class setosa, right, E = 0.01234", width: 50, ellipsis: "~")
                == ["sample 3 of 120 (row 3): class setosa, right,", "    E = 0.01234"])
    }

    @Test func rowsThatDoNotFitAreCounted() {
        let fitted = Inspector.fitted(Self.lines(["a = 1", "b = 2", "c = 3", "d = 4"]), width: 40, height: 3, ellipsis: "~")
        #expect(fitted.map(\.text) == ["a = 1", "b = 2", "~ 2 more lines: enlarge the window"])
        #expect(fitted.last?.kind == .note)
        #expect(Inspector.fitted(Self.lines(["a = 1", "b = 2"]), width: 40, height: 2, ellipsis: "~").map(\.text) == ["a = 1", "b = 2"])
    }
}

/// The data row the inspector names for a training sample is the row the split took it from.
struct TrainingRowsTests {
    @Test func theRowsGiveTheTrainingSetAndADifferentSplitGivesNone() throws {
        var configuration = RunConfiguration()
        configuration.sampleCount = 120
        let run = try configuration.prepare()
        let rows = try #require(MonitorRunInfo(prepared: run).trainingRows)
        #expect(run.rawData.selecting(rows: rows) == run.rawTrainingSet)
        #expect(rows != Array(0..<rows.count))
        // A split made otherwise (here: the test set trains) names no rows.
        let swapped = try configuration.prepare(split: (train: run.rawTestSet, test: run.rawTrainingSet))
        #expect(MonitorRunInfo(prepared: swapped).trainingRows == nil)
    }
}
