import Testing
import MLPEngine
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

@Suite struct MetricHistoryResamplingTests {
    @Test func meansSpanTheWholeRunAtTheRequestedWidth() {
        var history = MetricHistory(capacity: 64)
        for epoch in 1...100_000 { history.append(epoch: epoch, value: Double(epoch)) }
        let means = history.means(resampledTo: 10)
        #expect(means.count == 10)
        // Each point is the mean epoch of its tenth of the run, up to the resolution of buckets of
        // 2,048 epochs split by overlap (an error of about span²/(8·10,000) ≈ 52 at most).
        #expect(history.span == 2_048)
        for (index, mean) in means.enumerated() {
            let middle = (Double(index) + 0.5) * 10_000 + 0.5
            #expect(abs(mean - middle) < 60, "point \(index): \(mean) vs about \(middle)")
        }
        #expect(zip(means, means.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test func shortHistoriesGiveTheirBucketMeans() {
        var history = MetricHistory(capacity: 64)
        for epoch in 1...5 { history.append(epoch: epoch, value: Double(epoch * epoch)) }
        #expect(history.means(resampledTo: 30) == [1, 4, 9, 16, 25])
        #expect(history.means(resampledTo: 0) == [])
    }
}

@Suite struct TrainerStateGradientHistoryTests {
    static let network = try! Network(sizes: [2, 4, 1], hidden: .tanh, output: .sigmoid, loss: .bce, seed: 3)

    static func report(epoch: Int) -> EpochReport {
        EpochReport(epoch: epoch, trainLoss: 0.5, testLoss: nil, trainAccuracy: 0.5, testAccuracy: nil, learningRate: 0.1,
                    gradientNorms: [GradientNorm(weights: 1 / Double(epoch), biases: 0),
                                    GradientNorm(weights: 2 / Double(epoch), biases: 0)],
                    seconds: 0, samplesPerSecond: 0)
    }

    @Test func gradientNormsAreKeptForTheWholeRunInBoundedMemory() {
        var state = TrainerState(network: Self.network, learningRate: 0.1, targetEpochs: 0, epoch: 0, status: .running)
        for epoch in 1...200_000 { state.record(Self.report(epoch: epoch), network: Self.network) }
        for (layer, history) in state.gradientNormHistory.enumerated() {
            #expect(history.buckets.count <= TrainerState.gradientHistoryCapacity)
            #expect(history.buckets.first?.firstEpoch == 1)
            #expect(history.buckets.first?.maximum == Double(layer + 1))
            #expect(history.buckets.last?.lastEpoch == 200_000)
        }
    }

    @Test func gradientHistoriesSurviveStateJSON() throws {
        var state = TrainerState(network: Self.network, learningRate: 0.1, targetEpochs: 0, epoch: 0, status: .running)
        for epoch in 1...1_000 { state.record(Self.report(epoch: epoch), network: Self.network) }
        state.epochsPerSecond = 300
        let text = state.json.formatted()
        let restored = try TrainerState(json: JSONParser.parse(text), network: Self.network)
        #expect(restored.gradientNormHistory == state.gradientNormHistory)
        // Restored for `show`: paused, so not training at the speed the run had when saved.
        #expect(restored.status == .paused && restored.epochsPerSecond == 0)
    }

    /// A test loss or gradient norm that overflowed is written as null (JSON has no `inf`) and read
    /// back as NaN; the rest of state.json survives.
    @Test func measurementsThatOverflowedSurviveStateJSONAsNaN() throws {
        var state = TrainerState(network: Self.network, learningRate: 0.1, targetEpochs: 0, epoch: 0, status: .running)
        for epoch in 1...3 {
            var report = Self.report(epoch: epoch)
            report.testLoss = epoch == 2 ? .infinity : 0.25
            report.testAccuracy = 0.5
            report.gradientNorms[1].weights = epoch == 2 ? .infinity : 1
            state.record(report, network: Self.network)
        }
        state.epochsPerSecond = .infinity
        let text = state.json.formatted()
        #expect(!text.contains("inf"))
        let restored = try TrainerState(json: JSONParser.parse(text), network: Self.network)
        #expect(restored.history.testLoss.buckets.map(\.maximum.isNaN) == [false, true, false])
        #expect(restored.gradientNormHistory[1].buckets[1].maximum.isNaN)
        #expect(restored.gradientNormHistory[0] == state.gradientNormHistory[0])
        #expect(restored.metrics.rows.map(\.epoch) == [1, 2, 3])
        #expect(restored.metrics.rows[1].testLoss == nil && restored.metrics.rows[1].gradientNorms[1].weights.isNaN)
        #expect(restored.latest?.testLoss == 0.25)
        #expect(restored.epochsPerSecond == 0)
    }
}
