import Foundation
import MLPEngine
import Monitor
import Testing
import Training

/// A regression run's inspector speaks of a target and a prediction, not of classes.
@Suite struct InspectorRegressionTests {
    @Test func theSampleLineGivesTargetPredictionAndError() throws {
        var network = try Network(sizes: [2, 2, 1], activations: [.tanh, .linear], loss: .squaredError)
        network.parameters = [0.15, 0.20, 0.25, 0.30, 0.35, 0.35, 0.40, 0.45, 0.60]
        let trace = network.trace(input: [0.05, 0.10], label: RegressionTarget.word(1.252))
        let selection = NetworkViewState(sizes: network.sizes, sampleCount: 1)
        let inspector = Inspector(network: network, trace: trace, selection: selection, lastStep: nil,
                                  inputNames: ["x1", "x2"], ascii: false)
        // ŷ = 0.40·tanh(0.3775) + 0.45·tanh(0.3925) + 0.60 = 0.91229, E = (ŷ − 1.252)² = 0.1154.
        let prediction = try #require(trace.layers.last?.a.first)
        #expect(abs(prediction - 0.91229) < 1e-5)
        #expect(inspector.lines.map(\.text)[1]
            == "sample 0 of 1: target +1.252, prediction +0.9123, E = 0.1154")
    }

    @Test func aNegativeTargetAfterTheMinusIsParenthesised() throws {
        var network = try Network(sizes: [2, 2, 1], activations: [.tanh, .linear], loss: .squaredError)
        network.parameters = [0.15, 0.20, 0.25, 0.30, 0.35, 0.35, 0.40, 0.45, 0.60]
        let trace = network.trace(input: [0.05, 0.10], label: RegressionTarget.word(-0.5))
        var selection = NetworkViewState(sizes: network.sizes, sampleCount: 1)
        selection.move(dx: 1, dy: 0)
        selection.phase = .loss
        let lines = Inspector(network: network, trace: trace, selection: selection, lastStep: nil,
                              inputNames: ["x1", "x2"], ascii: false).lines.map(\.text)
        // δ = 2(ŷ − y)·1 = 2(0.91229 + 0.5) = 2.8246.
        #expect(lines.contains("    = 2(0.9123 − (-0.5))·f′(z) = +2.825"), "\(lines)")
    }
}
