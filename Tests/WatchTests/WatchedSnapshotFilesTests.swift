import Testing
@testable import Training
@testable import Watch

/// A watch snapshot's metrics.csv and loss.svg after a restart in the log: the log's own epochs,
/// each segment on its own, only the values each record gave.
@Suite struct WatchedSnapshotFilesTests {
    /// Epochs 1–4 (train loss, accuracy, lr, two gradient norms; test loss at epoch 2 only), then
    /// epochs 1–3 again with a train loss only.
    static func restarted() -> WatchedRun {
        var run = WatchedRun(source: "seg.jsonl", format: "jsonl")
        for epoch in 1...4 {
            run.absorb(WatchRecord(epoch: epoch, trainLoss: 1 / Double(epoch), testLoss: epoch == 2 ? 0.75 : nil,
                                   trainAccuracy: 0.5, learningRate: 0.1, gradientNorms: [0.25, 0.5]), arrival: nil)
        }
        for epoch in 1...3 { run.absorb(WatchRecord(epoch: epoch, trainLoss: 4 / Double(epoch)), arrival: nil) }
        return run
    }

    @Test func metricsCarryTheLogsEpochsItsSegmentsAndOnlyWhatWasLogged() {
        let run = Self.restarted()
        #expect(run.facts.restarts == [4] && run.facts.restartOffsets == [4])
        #expect(SnapshotWriter.watchedMetricsCSV(run.state.metrics, facts: run.facts) == """
            segment,epoch,train_loss,test_loss,train_accuracy,test_accuracy,lr,grad_norm_w0,grad_norm_w1
            1,1,1.0,,0.5,,0.1,0.25,0.5
            1,2,0.5,0.75,0.5,,0.1,0.25,0.5
            1,3,0.3333333333333333,,0.5,,0.1,0.25,0.5
            1,4,0.25,,0.5,,0.1,0.25,0.5
            2,1,4.0,,,,,,
            2,2,2.0,,,,,,
            2,3,1.3333333333333333,,,,,,

            """)
    }

    /// Every extra field logged gets a column, in the order first seen, empty where a record did
    /// not log it (or before it was first logged); a name with a comma is quoted.
    @Test func everyExtraFieldGetsAColumn() {
        var run = WatchedRun(source: "x.jsonl", format: "jsonl")
        run.absorb(WatchRecord(epoch: 1, trainLoss: 0.5, extras: [.init(name: "val_f1", value: 0.25)]), arrival: nil)
        run.absorb(WatchRecord(epoch: 2, trainLoss: 0.25), arrival: nil)
        run.absorb(WatchRecord(epoch: 3, extras: [.init(name: "a,b", value: 2), .init(name: "val_f1", value: 0.75)]),
                   arrival: nil)
        #expect(SnapshotWriter.watchedMetricsCSV(run.state.metrics, facts: run.facts) == """
            epoch,train_loss,test_loss,train_accuracy,test_accuracy,lr,val_f1,"a,b"
            1,0.5,,,,,0.25,
            2,0.25,,,,,,
            3,,,,,,0.75,2.0

            """)
    }

    /// The extra log keeps the metrics log's rows through its thinning (repeated epochs too), so
    /// metrics.csv's extra columns stay on their records.
    @Test func theExtraLogKeepsTheMetricsLogsRowsWhenThinned() {
        var metrics = MetricsLog(capacity: 4)
        var extras = WatchedExtraLog(capacity: 4)
        for epoch in [1, 2, 3, 3, 4, 5, 6, 8, 8, 9, 10, 11, 12, 13] {
            metrics.record(EpochReport(epoch: epoch, trainLoss: Double(epoch), testLoss: nil, trainAccuracy: .nan,
                                       testAccuracy: nil, learningRate: .nan, gradientNorms: [], seconds: 0,
                                       samplesPerSecond: 0))
            extras.record(.init(epoch: epoch, values: [Double(epoch)]))
            #expect(extras.rowsForExport.map(\.epoch) == metrics.rowsForExport.map(\.epoch))
        }
        #expect(extras.stride == 4 && extras.rowsForExport.map(\.epoch) == [4, 8, 8, 12, 13])
    }

    /// watch.json's `logged` is every field the whole log gave (what metrics.csv has values of),
    /// not only the current segment's: after the restart the first segment's accuracy, lr and
    /// gradient norms are still in metrics.csv.
    @Test func watchJSONsLoggedAgreesWithMetricsCSVAfterARestart() {
        let run = Self.restarted()
        #expect(run.facts.logged == ["train_loss"])
        let logged = SnapshotWriter.watchJSON(run.state, facts: run.facts)["logged"]?.arrayValue?.compactMap(\.stringValue)
        #expect(logged == ["grad_norms", "lr", "test_loss", "train_accuracy", "train_loss"])
    }

    @Test func withoutARestartTheRowsAreAsATrainedRunsWithNoSegmentColumn() {
        var run = WatchedRun(source: "s.jsonl", format: "jsonl")
        run.absorb(WatchRecord(epoch: 5, step: 50, trainLoss: 0.5), arrival: nil)
        run.absorb(WatchRecord(epoch: 6, step: 60, testLoss: .nan), arrival: nil)
        #expect(SnapshotWriter.watchedMetricsCSV(run.state.metrics, facts: run.facts) == """
            epoch,train_loss,test_loss,train_accuracy,test_accuracy,lr
            5,0.5,,,,
            6,,,,,

            """)
    }

    @Test func lossSVGMarksTheRestartAndSmoothsEachSegmentOnItsOwn() throws {
        let run = Self.restarted()
        let title = SnapshotWriter.watchedTitle(run.state, facts: run.facts)
        #expect(title == "seg.jsonl, epoch 3 (segment 2)")
        let svg = SnapshotPictures.loss(history: run.state.history, learningRateChanges: [], title: title,
                                        restarts: run.facts.restarts)
        #expect(svg.contains(">seg.jsonl, epoch 3 (segment 2)</text>"))
        #expect(svg.components(separatedBy: "class=\"restart\"").count - 1 == 2, "one mark per panel")
        #expect(svg.components(separatedBy: ">restart</text>").count - 1 == 2)
        // The train curve: one path per panel, two pieces; the second piece starts at its own
        // first value (4.0 at chart epoch 5), not pulled towards the first segment's average.
        let linear = try #require(svg.split(separator: "\n").first {
            $0.hasPrefix("<path") && $0.contains("data-series=\"train\"") && $0.contains("data-panel=\"linear\"")
        })
        let pieces = linear.split(separator: "M").dropFirst()
        #expect(pieces.count == 2)
        let rawLines = svg.split(separator: "\n").filter {
            $0.contains("class=\"raw\"") && $0.contains("data-series=\"train\"") && $0.contains("data-panel=\"linear\"")
        }
        #expect(rawLines.count == 2)
        let secondRawStart = try #require(rawLines.last?.split(separator: "\"")[1].split(separator: " ").first)
        let secondPieceStart = try #require(pieces.last?.split(separator: "L").first)
        #expect(secondPieceStart.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: ",")
                == String(secondRawStart))
    }
}
