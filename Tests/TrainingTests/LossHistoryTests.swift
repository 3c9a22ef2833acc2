import Testing
@testable import Training

struct LossHistoryTests {
    @Test func aMillionEpochsStayInBoundedMemoryAndKeepBothEnds() {
        var history = MetricHistory(capacity: 512)
        for epoch in 1...1_000_000 { history.append(epoch: epoch, value: 1 / Double(epoch)) }
        #expect(history.buckets.count <= 512)
        #expect(history.buckets.first!.firstEpoch == 1)
        #expect(history.buckets.first!.maximum == 1)
        #expect(history.buckets.last!.lastEpoch == 1_000_000)
        #expect(history.epochCount == 1_000_000)
        #expect(history.buckets.reduce(0) { $0 + $1.count } == 1_000_000)
        // Buckets are contiguous and in order.
        for (a, b) in zip(history.buckets, history.buckets.dropFirst()) { #expect(a.lastEpoch + 1 == b.firstEpoch) }
    }

    @Test func bucketsKeepMinMeanMax() {
        var history = MetricHistory(capacity: 2)
        for (epoch, value) in [(1, 4.0), (2, 2.0), (3, 6.0)] { history.append(epoch: epoch, value: value) }
        #expect(history.span == 2)
        #expect(history.buckets.map(\.count) == [2, 1])
        #expect(history.buckets[0].minimum == 2 && history.buckets[0].maximum == 4 && history.buckets[0].mean == 3)
    }
}
