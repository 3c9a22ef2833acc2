import Datasets
import Foundation
import MLPEngine
@testable import Monitor
import TerminalUI
import TestSupport
import Testing
@testable import Training

/// The map panel of a regression on one input column (a CSV `x,y`): the data (x, target) as dots
/// and the network's prediction ŷ(x) as a line over the x range.
@Suite struct OneInputRegressionMapTests {
    static let data = Dataset(name: "sin", featureNames: ["x"], features: [0, 1, 2, 3], targets: [0, 0.8, 0.9, 0.1])

    static func dashboard() -> Dashboard {
        let run = MonitorRunInfo(datasetName: "sin", architecture: "1-8-1", optimizer: "adam", seed: 1,
                                 rawTrainingSet: data, rawTestSet: data, networkInput: { $0 })
        return Dashboard(run: run, theme: Theme(colorMode: .none, glyphs: .ascii))
    }

    @Test("one input, regression: the data as points and the prediction as a line, titled Prediction")
    func theCurveOverTheData() {
        let dashboard = Self.dashboard()
        #expect(dashboard.run.hasCurve)
        var buffer = CellBuffer(width: 40, height: 9)
        // The prediction at the 31 sample columns (x from -0.24 to 3.24): a hump like the targets'.
        let curve = (0..<31).map { i -> Double in
            let x = -0.24 + (Double(i) + 0.5) / 31 * 3.48
            return 0.9 * sin(x * 1.1)
        }
        dashboard.renderMap(DecisionSamples(width: 31, height: 1, probabilities: curve, classCount: 2), in: buffer.area, into: &buffer)
        expectBuffer(buffer, lines: [
            "+- Prediction over the data -----------+",
            "| 0.972+           ********O           |",
            "|      |        ***        **          |",
            "|      |      **             **        |",
            "|      |     *                 **      |",
            "|      |   **                    **    |",
            "|-0.072+ **                        *O  |",
            "|       -0.24                      3.24|",
            "+--------------------------------------+",
        ])
    }

    @Test("the grid samples the network once per dot column along x, at the columns' centres")
    func samplesAlongX() throws {
        let dashboard = Self.dashboard()
        var grid = DecisionGrid(run: dashboard.run)
        let network = try Network(sizes: [1, 3, 1], activations: [.tanh, .linear], loss: .mse, seed: 1)
        let state = TrainerState(network: network, learningRate: 0.1, targetEpochs: 0, epoch: 0, status: .paused)
        let sampled = grid.samples(for: state, width: 4, height: 1, now: 0)
        let samples = try #require(sampled)
        let range = dashboard.run.xRange
        #expect(abs(range.lowerBound + 0.24) < 1e-12 && abs(range.upperBound - 3.24) < 1e-12, "x's extent and 8 % margins")
        let xs = (0..<4).map { range.lowerBound + (Double($0) + 0.5) * ((range.upperBound - range.lowerBound) / 4) }
        #expect(samples.width == 4 && samples.height == 1)
        #expect(samples.probabilities == network.outputs(features: xs))
    }
}
