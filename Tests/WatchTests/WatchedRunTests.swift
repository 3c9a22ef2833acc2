import Testing
import Training
@testable import Watch

@Suite struct WatchedRunTests {
    @Test func recordsBecomeTheTrainersHistoriesAndLatest() {
        var run = WatchedRun(source: "run.jsonl", format: "jsonl")
        for epoch in 1...4 {
            run.absorb(WatchRecord(epoch: epoch, trainLoss: 1 / Double(epoch), testLoss: epoch % 2 == 0 ? 0.5 : nil,
                                   learningRate: epoch < 3 ? 0.1 : 0.05, gradientNorms: [Double(epoch), 0.5],
                                   extras: [.init(name: "f1", value: Double(epoch) / 10)]), arrival: nil)
        }
        let state = run.state
        #expect(state.epoch == 4)
        #expect(state.history.trainLoss.buckets.map(\.mean) == [1, 0.5, 1.0 / 3, 0.25])
        // The test loss was logged every second epoch: its buckets sit at epochs 2 and 4.
        #expect(state.history.testLoss.buckets.map(\.firstEpoch) == [2, 4])
        #expect(state.latest?.testLoss == 0.5 && state.latest?.trainLoss == 0.25)
        #expect(state.learningRate == 0.05)
        #expect(state.learningRateChanges.map(\.epoch) == [2] && state.learningRateChanges.map(\.learningRate) == [0.05])
        #expect(state.gradientNormHistory.count == 2 && state.gradientNormHistory[0].buckets.last?.mean == 4)
        #expect(run.facts.extras.map(\.name) == ["f1"] && run.facts.extras[0].latest == 0.4)
        #expect(run.facts.logged == ["train_loss", "test_loss", "lr", "grad_norms"])
    }

    @Test func aRestartStartsANewSegmentAndSaysSo() {
        var run = WatchedRun(source: "run.jsonl", format: "jsonl")
        for epoch in 1...5 { run.absorb(WatchRecord(epoch: epoch, trainLoss: 1), arrival: nil) }
        for epoch in 1...3 { run.absorb(WatchRecord(epoch: epoch, trainLoss: 2), arrival: nil) }
        #expect(run.facts.restarts == [5])
        #expect(run.state.epoch == 8)
        #expect(run.state.history.trainLoss.buckets.map(\.firstEpoch) == Array(1...8))
        #expect(run.state.messages.last?.text == "the log started again at epoch 1 (after epoch 5): a new segment")
    }

    @Test func aNonFiniteLossMarksTheRunDivergedUntilAFiniteOne() {
        var run = WatchedRun(source: "run.jsonl", format: "jsonl")
        run.absorb(WatchRecord(epoch: 1, trainLoss: 0.5), arrival: nil)
        run.absorb(WatchRecord(epoch: 2, trainLoss: .nan), arrival: nil)
        #expect(run.state.status == .diverged)
        #expect(run.state.history.trainLoss.buckets.count == 1)
        run.absorb(WatchRecord(epoch: 3, trainLoss: 0.4), arrival: nil)
        #expect(run.state.status == .running)
    }

    @Test func weightsThatChainBecomeTheWeightMapsNetwork() {
        var run = WatchedRun(source: "run.jsonl", format: "jsonl")
        run.absorb(WatchRecord(epoch: 10, weights: [[[1, 2], [3, 4], [5, 6]], [[7, 8, 9]]]), arrival: nil)
        #expect(run.state.network.sizes == [2, 3, 1])
        #expect(Array(run.state.network.weights(ofLayer: 1)) == [7, 8, 9])
        #expect(run.facts.weightsEpoch == 10)
        run.absorb(WatchRecord(epoch: 20, weights: [[[1, 2]], [[1, 2, 3]]]), arrival: nil)
        #expect(run.facts.weightsEpoch == 10)
        #expect(run.state.messages.last?.text == "weights of epoch 20: layer 2 takes 3 inputs but layer 1 gives 1; not shown")
    }

    @Test func theSpeedComesFromLoggedTimes() {
        var run = WatchedRun(source: "run.jsonl", format: "jsonl")
        for epoch in 1...11 { run.absorb(WatchRecord(epoch: epoch, time: 100 + Double(epoch) * 0.01), arrival: nil) }
        #expect(abs(run.state.epochsPerSecond - 100) < 1e-6)
    }

    @Test func onlyTheFirstBadLineIsSaidTheRestCounted() {
        var run = WatchedRun(source: "run.jsonl", format: "jsonl")
        run.skip("run.jsonl:3:1: not a JSON object")
        run.skip("run.jsonl:9:1: not a JSON object")
        #expect(run.facts.skipped == 2)
        #expect(run.state.messages.map(\.text) == ["run.jsonl:3:1: not a JSON object (skipped; later bad lines are counted)"])
    }
}
