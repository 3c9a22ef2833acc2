import Foundation
import Datasets
import MLPEngine
import Testing
@testable import Training

struct TrainingRunTests {
    static func train(_ run: TrainingRun, epochs: Int) -> [EpochReport] {
        (0..<epochs).compactMap { _ in
            if case .completed(let report) = run.runEpoch() { return report }
            return nil
        }
    }

    @Test(arguments: [BatchSize.full, .samples(32)])
    func threadCountDoesNotChangeASingleBit(batch: BatchSize) {
        // Big enough that the gradient is cut into several chunks and really runs on 2 threads.
        let data = Fixtures.blobs(count: 6_000)
        let network = Fixtures.network([2, 64, 64, 1])
        #expect(ParallelGradient.chunkCount(batch: batch == .full ? 6_000 : 32, network: network) >= (batch == .full ? 2 : 1))
        let one = Fixtures.run(data: data, network: network, batch: batch, threads: 1, kind: .adam, learningRate: 0.01)
        let two = Fixtures.run(data: data, network: network, batch: batch, threads: 2, kind: .adam, learningRate: 0.01)
        let reportsOne = Self.train(one, epochs: 5), reportsTwo = Self.train(two, epochs: 5)
        #expect(one.network.parameters.map(\.bitPattern) == two.network.parameters.map(\.bitPattern))
        #expect(reportsOne.map(\.trainLoss.bitPattern) == reportsTwo.map(\.trainLoss.bitPattern))
    }

    @Test func fullBatchEpochEqualsOneEngineStepByHand() {
        let data = Fixtures.blobs(count: 300)
        let network = Fixtures.network([2, 8, 1])
        let run = Fixtures.run(data: data, network: network, kind: .momentum, learningRate: 0.05)
        var byHand = network
        var optimizer = Optimizer(settings: OptimizerSettings(kind: .momentum, learningRate: 0.05),
                                  parameterCount: network.parameters.count)
        for _ in 0..<20 {
            let batch = byHand.batchGradient(features: data.features, labels: data.labels,
                                             shardSize: ParallelGradient.shardCapacity(for: byHand))
            optimizer.update(&byHand.parameters, gradient: batch.gradient)
        }
        _ = Self.train(run, epochs: 20)
        #expect(run.network.parameters.map(\.bitPattern) == byHand.parameters.map(\.bitPattern))
        #expect(run.epoch == 20)
    }

    @Test func miniBatchesCoverEverySampleOncePerEpoch() {
        let run = Fixtures.run(data: Fixtures.blobs(count: 100), batch: .samples(32))
        let reports = Self.train(run, epochs: 3)
        #expect(reports.count == 3)
        #expect(run.optimizer.step == 3 * 4) // ⌈100 / 32⌉ steps per epoch
        #expect(reports.allSatisfy { $0.trainAccuracy >= 0 && $0.trainAccuracy <= 1 })
    }

    @Test func learnsTheBlobs() {
        let run = Fixtures.run(kind: .adam, learningRate: 0.02)
        let reports = Self.train(run, epochs: 200)
        #expect(reports.last!.trainLoss < reports.first!.trainLoss / 2)
        #expect(reports.last!.trainAccuracy > 0.9)
    }

    @Test func divergenceRestoresTheLastFiniteWeights() {
        let run = Fixtures.run(network: try! Network(sizes: [2, 8, 1], hidden: .tanh, output: .linear, loss: .mse, seed: 1),
                               learningRate: 0.01)
        _ = Self.train(run, epochs: 3)
        run.learningRate = 1e308
        var divergence: Divergence?
        var lastGood = run.network
        for _ in 0..<10 {
            lastGood = run.network
            if case .diverged(let d) = run.runEpoch() { divergence = d; break }
        }
        guard let divergence else {
            Issue.record("10 epochs with lr 1e308 did not diverge")
            return
        }
        #expect(divergence.learningRate == 1e308)
        #expect(run.network == lastGood)
        #expect(run.network.parameters.allSatisfy { $0.isFinite })
        #expect(run.epoch == divergence.epoch - 1)
        #expect(divergence.description.hasPrefix("\(divergence.what) at epoch \(run.epoch + 1) with lr 1e+308; restored weights of epoch \(run.epoch)"))
        #expect(["loss became NaN", "loss became infinite", "gradient became NaN", "gradient became infinite",
                 "weights became NaN", "weights became infinite"].contains(divergence.what))
    }

    @Test func aLossThatOverflowsDivergesAtOnceAndKeepsTheInitialWeights() {
        let data = Dataset(name: "huge", featureNames: ["x1", "x2"], features: [1e200, 1e200, -1e200, 1e200],
                           labels: [0, 1], classCount: 2)
        let network = try! Network(sizes: [2, 1], hidden: .linear, output: .linear, loss: .mse, seed: 2)
        let run = Fixtures.run(data: data, network: network)
        // The weights restored are the initial ones: sane, so nothing says they blew up.
        #expect(run.runEpoch() == .diverged(Divergence(epoch: 1, what: "loss became infinite", learningRate: 0.1)))
        #expect(run.network == network)
        #expect(run.epoch == 0)
    }

    @Test func weightsThatBlewUpBeforeTheLossOverflowedAreReportedPastSaving() throws {
        // A linear net with lr 50 grows its weights for a few epochs before the loss turns NaN.
        let data = Fixtures.blobs(count: 200)
        let network = try Network(sizes: [2, 16, 16, 1], activations: [.linear, .linear, .sigmoid], loss: .bce, seed: 1)
        let run = Fixtures.run(data: data, network: network, learningRate: 50)
        var outcome = run.runEpoch()
        while case .completed = outcome, run.epoch < 1_000 { outcome = run.runEpoch() }
        guard case .diverged(let divergence) = outcome else { Issue.record("did not diverge: \(outcome)"); return }
        let largest = try #require(divergence.unusableLargestWeight)
        #expect(largest > Divergence.unusableWeight)
        #expect(largest == run.network.parameters.map(abs).max())
        #expect(divergence.description.hasSuffix(", already blown up (|w| up to \(String(format: "%.2g", largest)))"))
    }
}

/// An Adam step on a gradient past 1e154 leaves the weights finite but the second moment infinite:
/// a state no snapshot can hold, so the epoch counts as diverged.
@Test func anOptimiserStateThatOverflowsIsADivergence() {
    let data = Dataset(name: "huge", featureNames: ["x1", "x2"], features: [1e160, 1, -1e160, 1], labels: [0, 1],
                       classCount: 2)
    let run = Fixtures.run(data: data, network: Fixtures.network([2, 1]), kind: .adam, learningRate: 0.01)
    let before = run.network
    guard case .diverged(let divergence) = run.runEpoch() else {
        Issue.record("the epoch completed with an infinite optimiser state")
        return
    }
    #expect(divergence.what == "optimiser state became infinite")
    #expect(run.network == before && run.epoch == 0 && run.optimizer.step == 0)
}

/// The inspector's numbers are the trainer's own.
@Suite struct StepRecordTests {
    @Test func theFullBatchGradientIsBitForBitTheOneAFullBatchStepApplies() throws {
        let data = Fixtures.blobs(count: 4000)
        // Big enough that the trainer cuts the batch into several chunks across 2 threads.
        let run = Fixtures.run(data: data, network: Fixtures.network([2, 32, 32, 1]), threads: 2)
        run.recordsLastStep = true
        _ = run.runEpoch()
        let before = run.network
        _ = run.runEpoch()
        let step = try #require(run.lastStep)
        let computed = TrainingRun.fullBatchGradient(network: before, dataset: data, threads: 1)
        #expect(step.gradient == computed.gradient)
        #expect(step.before == before.parameters)
        #expect(step.epoch == 2 && step.batchSize == data.count)
        // sgd: the change is −α·g, to the rounding of the addition.
        for i in step.change.indices {
            #expect(step.change[i] == run.network.parameters[i] - before.parameters[i])
            #expect(abs(step.change[i] + 0.1 * step.gradient[i]) <= 1e-15 * max(1, abs(before.parameters[i])))
        }
    }

    @Test func aMomentumStepKeepsTheBufferBeforeItSoTheInspectorCanShowTheUpdate() throws {
        let run = Fixtures.run(data: Fixtures.blobs(count: 100), network: Fixtures.network([2, 4, 1]), kind: .momentum)
        run.recordsLastStep = true
        for _ in 0..<3 { _ = run.runEpoch() }
        let step = try #require(run.lastStep)
        let mu = step.optimizer.settings.momentum
        for i in step.gradient.indices {
            #expect(step.optimizer.firstMoment[i] == step.previousFirstMoment[i] * mu + step.gradient[i])
        }
    }

    @Test func runsRecordNoStepUnlessAsked() throws {
        let run = Fixtures.run(data: Fixtures.blobs(count: 100), network: Fixtures.network([2, 4, 1]), batch: .samples(16))
        _ = run.runEpoch()
        #expect(run.lastStep == nil)
        run.recordsLastStep = true
        _ = run.runEpoch()
        // The last mini-batch of 100 by 16 holds 4 samples.
        #expect(run.lastStep?.batchSize == 4)
    }
}

/// L1 regularisation: λ·sign(w) joins each weight's gradient, biases untouched, sign(0) = 0.
@Suite struct L1RegularisationTests {
    @Test func oneSGDStepAddsLambdaSignOfEachWeightAndLeavesBiasesAlone() throws {
        var network = Fixtures.network([2, 3, 1])
        network.parameters[1] = 0  // a weight at exactly 0 gets no L1 push
        let data = Fixtures.blobs(count: 40)
        let gradient = TrainingRun.fullBatchGradient(network: network, dataset: data).gradient
        let lambda = 0.01, rate = 0.1
        let empty = Dataset(name: "none", featureNames: data.featureNames, features: [], labels: [], classCount: 2)
        let run = TrainingRun(network: network,
                              optimizer: Optimizer(settings: OptimizerSettings(learningRate: rate, l1: lambda),
                                                   parameterCount: network.parameters.count),
                              trainingSet: data, testSet: empty, batchSize: .full, threads: 1, generator: SeededGenerator(seed: 1))
        _ = run.runEpoch()
        for (layer, shape) in network.shapes.enumerated() {
            for i in shape.weightOffset..<shape.endOffset {
                let w = network.parameters[i]
                let push = i < shape.biasOffset ? (w > 0 ? lambda : w < 0 ? -lambda : 0) : 0
                #expect(run.network.parameters[i] == w + -rate * (gradient[i] + push), "layer \(layer) parameter \(i)")
            }
        }
    }

    @Test func theSettingRoundTripsThroughRunJSONAndIsValidated() throws {
        var configuration = RunConfiguration()
        configuration.optimizer.l1 = 0.003
        #expect(configuration.optimizer.json["l1"]?.doubleValue == 0.003)
        configuration.optimizer.l1 = -1
        #expect(throws: (any Error).self) { try configuration.validate() }
    }
}
