import Datasets
import MLPEngine
@testable import Monitor
import Testing
import Training

/// The inspector's update section against the trainer's own record of a step: the 2-2-1
/// sigmoid/MSE network of `InspectorTests` trained on four samples.
@Suite struct InspectorUpdateTests {
    static let features = [0.05, 0.10, 0.9, 0.2, 0.3, 0.8, 0.6, 0.4]
    static let labels = [1, 0, 1, 0]

    /// A run of `kind` with mini-batches of `batch` (nil: full batch) after `epochs` epochs.
    static func run(_ kind: OptimizerKind, batch: Int? = nil, epochs: Int = 1) throws -> TrainingRun {
        let network = try InspectorTests.network()
        let data = Dataset(name: "four", featureNames: ["x1", "x2"], features: features, labels: labels, classCount: 2)
        let optimizer = Optimizer(settings: OptimizerSettings(kind: kind, learningRate: 0.5), parameterCount: network.parameters.count)
        let run = TrainingRun(network: network, optimizer: optimizer, trainingSet: data, testSet: data,
                              batchSize: batch.map { .samples($0) } ?? .full, threads: 1, generator: .init(seed: 1))
        run.recordsLastStep = true
        for _ in 0..<epochs { _ = run.runEpoch() }
        return run
    }

    /// The update section's lines for the selection (`input` 2 of layer 1 is the bias).
    static func update(_ run: TrainingRun, layer: Int = 1, neuron: Int = 0, input: Int) -> [String] {
        let network = run.network
        var selection = NetworkViewState(sizes: network.sizes, sampleCount: 4)
        selection.move(dx: layer - selection.layer, dy: neuron)
        selection.input = input
        let inspector = Inspector(network: network, trace: network.trace(input: [0.05, 0.10], label: 1), selection: selection,
                                  lastStep: run.lastStep, inputNames: ["x1", "x2"], ascii: false)
        let lines = inspector.lines.map(\.text)
        return Array(lines.suffix(from: lines.firstIndex { $0.hasPrefix("update") } ?? lines.endIndex))
    }

    @Test(arguments: [OptimizerKind.sgd, .momentum, .adam])
    func aBiasUpdateIsWrittenInB(kind: OptimizerKind) throws {
        let lines = Self.update(try Self.run(kind, epochs: 2), input: 2)
        #expect(lines.contains { $0.hasPrefix("  g = ∂E/∂b (batch mean) = ") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("  Δb = −α·") }, "\(lines)")
        #expect(!lines.contains { $0.contains("∂E/∂w") || $0.contains("Δw") }, "\(lines)")
        #expect(lines.last?.hasPrefix("  b(1): ") == true, "\(lines)")
        // No two signs meet: a negative number after an operator is in parentheses, a positive one bare.
        #expect(!lines.contains { $0.contains("(+") || $0.contains("·-") || $0.contains("·+") }, "\(lines)")
    }

    @Test func aWeightUpdateIsWrittenInW() throws {
        let lines = Self.update(try Self.run(.sgd), input: 0)
        #expect(lines.contains { $0.hasPrefix("  g = ∂E/∂w (batch mean) = ") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("  Δw = −α·g = ") }, "\(lines)")
    }
}

/// After a weight is set at the prompt, the inspector says so and marks the step and the check
/// as of the weights before the edit, until the next step.
@Suite struct InspectorEditTests {
    /// `edits`: the trainer's edit count, which `TrainerState.record` also stamps on the step.
    static func lines(_ run: TrainingRun, edit: ParameterEdit?, edits: Int, stepEdits: Int) -> [String] {
        let network = run.network
        var selection = NetworkViewState(sizes: network.sizes, sampleCount: 4)
        selection.move(dx: 1 - selection.layer, dy: 0)
        selection.edit = edit
        var step = run.lastStep
        step?.parameterEdits = stepEdits
        var inspector = Inspector(network: network, trace: network.trace(input: [0.05, 0.10], label: 1), selection: selection,
                                  lastStep: step, inputNames: ["x1", "x2"], ascii: false)
        inspector.parameterEdits = edits
        return inspector.lines.map(\.text)
    }

    @Test func anEditSinceTheLastStepIsSaidAndTheStepMarked() throws {
        let run = try InspectorUpdateTests.run(.sgd)
        let index = run.network.parameterIndex(layer: 1, neuron: 0, input: 0)
        let old = run.network.parameters[index]
        run.setParameter(index, to: 0.5)
        let edit = ParameterEdit(index: index, name: "layer 2 w(1,1)", from: old, to: 0.5, parameterEdits: 1)
        let lines = Self.lines(run, edit: edit, edits: 1, stepEdits: 0)
        #expect(lines[2] == "edited: layer 2 w(1,1) \(String(format: "%.8g", old)) → 0.5, not yet trained on")
        let update = try #require(lines.firstIndex { $0.hasPrefix("update") })
        #expect(lines[update + 1] == "  (made before the edit of layer 2 w(1,1), from the weights before it)")
        #expect(lines.contains("  (epoch 1, m = 4, weights before it, before the edit of layer 2 w(1,1))"), "\(lines)")
        // The next step starts from the edit: nothing is marked any more.
        _ = run.runEpoch()
        #expect(!Self.lines(run, edit: edit, edits: 1, stepEdits: 1).contains { $0.contains("edit") })
    }

    @Test func aCheckOfTheWeightsBeforeAnEditIsMarked() {
        let check = GradientCheckSummary(epoch: 3, parameterEdits: 0, worstRelativeError: 1e-9, worstLayer: 0,
                                         numeric: [0.25], analytic: [0.25], samples: 4, seconds: 0.1)
        let marked = Inspector.checkLines(check, index: 0, ascii: false, beforeEdit: true).map(\.text)
        #expect(marked.prefix(2) == ["gradient check (4 samples, epoch 3)", "  (of the weights before the edit: g checks again)"])
        #expect(Inspector.checkLines(check, index: 0, ascii: false).count == 3)
    }
}

/// Mini-batches: the update section says it shows the epoch's last step, and follows the weight
/// over the whole epoch, so that one `n` after another can be followed.
@Suite struct InspectorMiniBatchTests {
    @Test func theLastStepIsNamedAndTheEpochsMoveShown() throws {
        let run = try InspectorUpdateTests.run(.momentum, batch: 2)
        let index = run.network.parameterIndex(layer: 1, neuron: 0, input: 0)
        let start = try InspectorUpdateTests.run(.momentum, batch: 2, epochs: 0).network.parameters[index]
        let first = InspectorUpdateTests.update(run, input: 0)
        #expect(first[0] == "update  momentum, α = 0.5, last step, 2 of 2 in epoch 1")
        let end = run.network.parameters[index]
        let shown = Inspector.aligned([start, end])
        #expect(first.last == "  over the epoch's 2 steps: \(shown[0]) → \(shown[1])")
        // The next epoch starts where this one ended.
        _ = run.runEpoch()
        let second = InspectorUpdateTests.update(run, input: 0)
        #expect(second[0] == "update  momentum, α = 0.5, last step, 2 of 2 in epoch 2")
        #expect(second.last?.hasPrefix("  over the epoch's 2 steps: \(shown[1]) → ") == true)
    }

    @Test func aFullBatchStepIsTheEpochsOnlyOne() throws {
        let lines = InspectorUpdateTests.update(try InspectorUpdateTests.run(.sgd), input: 0)
        #expect(lines[0] == "update  sgd, α = 0.5, epoch 1")
        #expect(!lines.contains { $0.contains("over the epoch") })
    }
}

/// Values read side by side have the same decimals.
@Suite struct InspectorAlignedTests {
    @Test func beforeAndAfterHaveTheSameDecimals() {
        #expect(Inspector.aligned([0.66196602, 0.6620126]) == ["0.66196602", "0.66201260"])
        #expect(Inspector.aligned([-12.5, 3]) == ["-12.500000", "3.000000"])
        // Too small or too large for fixed decimals: significant digits each.
        #expect(Inspector.aligned([1e-9, 2e-9]) == ["1e-09", "2e-09"])
        #expect(Inspector.aligned([0, 0]) == ["0.00000000", "0.00000000"])
    }
}
