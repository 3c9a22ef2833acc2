import Testing
import Training
@testable import Watch

/// A source none of whose lines is a record is refused; one with some bad lines is followed.
@Suite struct WatchedFactsUnreadableTests {
    @Test func onlyBadLinesMakeTheSourceUnreadable() {
        var run = WatchedRun(source: "fruit.csv", format: "csv")
        #expect(run.facts.unreadableReason == nil)
        run.skip("fruit.csv:1: the header has no \"epoch\" or \"step\" column")
        run.skip("fruit.csv:2: no header")
        #expect(run.facts.unreadableReason
                == "fruit.csv:1: the header has no \"epoch\" or \"step\" column; nothing in it could be read as a metrics log (2 bad lines)")
    }

    @Test func oneRecordIsEnoughToFollowTheSource() {
        var run = WatchedRun(source: "run.jsonl", format: "jsonl")
        run.skip("run.jsonl:1:1: not a JSON object")
        run.absorb(WatchRecord(epoch: 1, trainLoss: 0.5), arrival: nil)
        #expect(run.facts.unreadableReason == nil)
        #expect(run.facts.firstSkip == "run.jsonl:1:1: not a JSON object")
    }
}
