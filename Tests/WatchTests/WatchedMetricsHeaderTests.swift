import Testing
@testable import Training
@testable import Watch

/// metrics.csv's header names every column once: an extra field named like a built-in column
/// (`segment`, `epoch`, `grad_norm_w0`, or an earlier extra's column) is written as `extra_` + its name.
@Suite struct WatchedMetricsHeaderTests {
    @Test func anExtraNamedLikeABuiltInColumnIsPrefixed() {
        var run = WatchedRun(source: "x.jsonl", format: "jsonl")
        let extras: [WatchRecord.Extra] = [.init(name: "segment", value: 7), .init(name: "epoch", value: 8),
                                           .init(name: "grad_norm_w0", value: 9), .init(name: "extra_epoch", value: 10)]
        run.absorb(WatchRecord(epoch: 2, trainLoss: 0.5, gradientNorms: [0.25], extras: extras), arrival: nil)
        run.absorb(WatchRecord(epoch: 1, trainLoss: 0.25), arrival: nil)
        let csv = SnapshotWriter.watchedMetricsCSV(run.state.metrics, facts: run.facts)
        #expect(csv == """
            segment,epoch,train_loss,test_loss,train_accuracy,test_accuracy,lr,grad_norm_w0,extra_segment,extra_epoch,\
            extra_grad_norm_w0,extra_extra_epoch
            1,2,0.5,,,,,0.25,7.0,8.0,9.0,10.0
            2,1,0.25,,,,,,,,,

            """)
        let header = csv.split(separator: "\n")[0].split(separator: ",")
        #expect(Set(header).count == header.count)
    }
}
