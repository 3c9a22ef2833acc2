import Foundation
import SwiftProtobuf
import Testing
import TestSupport
import Training
@testable import Watch

/// TensorBoard scalars get the JSONL reader's checks: a record with an accuracy outside 0…1 is a
/// bad record, skipped whole and counted, with a message naming the file, step and tag.
@Suite struct TensorBoardRangeTests {
    /// One framed event record of `step` with the scalars `values` (tag, value).
    static func record(step: Int64, _ values: [(String, Float)]) throws -> [UInt8] {
        var summary = Tensorboard_Summary()
        summary.value = values.map { tag, number in
            var value = Tensorboard_Summary.Value()
            value.tag = tag
            value.simpleValue = number
            return value
        }
        var event = Tensorboard_Event()
        event.step = step
        event.summary = summary
        let bytes: [UInt8] = try event.serializedBytes()
        return TFRecordSplitter.frame(bytes)
    }

    @Test func anAccuracyOutsideZeroToOneIsABadRecord() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-tb-range")
        let file = folder.file("events.out.tfevents.test")
        let bytes = try Self.record(step: 1, [("loss", 0.5), ("accuracy", 0.75)])
            + Self.record(step: 2, [("loss", 0.4), ("accuracy", 7)])
            + Self.record(step: 3, [("loss", 0.3), ("accuracy", .nan)])
            + Self.record(step: 4, [("loss", 0.2), ("acc/val", -0.5)])
            + [UInt8](TFRecordSplitter.frame([0xFF, 0xFF]))
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let batch = SourceReader(options: .init(path: folder.path, format: .tensorboard)).poll(arrival: nil)
        var run = WatchedRun(source: folder.path, format: "tensorboard")
        batch.apply(to: &run)
        #expect(run.facts.skipped == 3)
        #expect(run.facts.firstSkip == "\(file): step 2: \"accuracy\" is 7.0, outside 0…1 (an accuracy is a fraction)")
        let trainLoss = run.state.history.trainLoss.buckets.map { [$0.firstEpoch, Int($0.sum * 10)] }
        #expect(trainLoss == [[1, 5], [3, 3]], "steps 2 and 4 are skipped whole")
        #expect(run.state.history.trainAccuracy.buckets.map(\.firstEpoch) == [1])
    }
}
