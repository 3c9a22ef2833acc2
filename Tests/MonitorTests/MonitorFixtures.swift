import Datasets
import MLPEngine
import Monitor
import TerminalUI
@testable import Training

/// Known states, runs and fakes for the monitor tests.
enum MonitorFixtures {
    static let network = try! Network(sizes: [2, 16, 16, 1], hidden: .tanh, output: .sigmoid, loss: .bce, seed: 7)

    /// Two points of each class at the corners of the unit square, one of each held out.
    static let rawTrain = Dataset(name: "corners", featureNames: ["x1", "x2"], features: [-1, -1, 1, 1, -1, 1, 1, -1],
                                  labels: [0, 1, 0, 1], classCount: 2)
    static let rawTest = Dataset(name: "corners", featureNames: ["x1", "x2"], features: [0, 0, 0.5, 0.5],
                                 labels: [0, 1], classCount: 2)

    /// Run information for the corners data, inputs passed through unchanged.
    static func runInfo(datasetName: String = "spiral") -> MonitorRunInfo {
        MonitorRunInfo(datasetName: datasetName, architecture: network.architecture, optimizer: "sgd", seed: 1,
                       rawTrainingSet: rawTrain, rawTestSet: rawTest, networkInput: { $0 })
    }

    /// A report of `epoch` with round numbers.
    static func report(epoch: Int, trainLoss: Double = 0.2345, learningRate: Double = 0.03) -> EpochReport {
        EpochReport(epoch: epoch, trainLoss: trainLoss, testLoss: 0.2567, trainAccuracy: 0.912, testAccuracy: 0.9,
                    learningRate: learningRate, gradientNorms: [GradientNorm(weights: 3.1e-4, biases: 1e-4),
                                                                GradientNorm(weights: 2e-3, biases: 1e-3),
                                                                GradientNorm(weights: 0.05, biases: 0.01)],
                    seconds: 0.001, samplesPerSecond: 320_000)
    }

    /// A running state at epoch 1234 (loss falling linearly over epochs 1…1234), lr 0.03,
    /// 8234 epochs/s.
    static func state(status: RunStatus = .running, epochs: Int = 1234) -> TrainerState {
        var state = TrainerState(network: network, learningRate: 0.03, targetEpochs: 0, epoch: 0, status: status)
        for epoch in 1...epochs {
            state.record(report(epoch: epoch, trainLoss: 0.7 - 0.4655 * Double(epoch) / Double(epochs)), network: network)
        }
        state.epochsPerSecond = 8234
        return state
    }

    /// `state` after the trainer said `text`.
    static func saying(_ text: String, in state: TrainerState) -> TrainerState {
        var state = state
        state.say(text)
        return state
    }
}

/// A trainer stand-in: a settable state and the commands it was sent.
final class FakeTrainer: TrainerConnection {
    var state: TrainerState
    private(set) var sent: [TrainerCommand] = []

    init(state: TrainerState) {
        self.state = state
    }

    func send(_ command: TrainerCommand) {
        sent.append(command)
    }
}

/// A three-feature data set (no decision map).
enum Datasets3D {
    static let data = Dataset(name: "cube", featureNames: ["a", "b", "c"], features: [0, 0, 0, 1, 1, 1],
                              labels: [0, 1], classCount: 2)
}
