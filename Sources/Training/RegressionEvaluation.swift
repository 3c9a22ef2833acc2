import Datasets
import MLPEngine

/// A regression model applied to a data set (`mlptop eval` on a model trained with squared error):
/// each sample's predicted value and, when the file had targets, MSE and R².
///
/// MSE is the engine's mean loss over the samples (`Loss.squaredError`); R² = 1 − MSE/Var(y) with
/// the population variance of these targets (`coefficientOfDetermination`).
public struct RegressionEvaluation: Sendable, Equatable {
    public var samples: Int
    /// The network's output for each sample.
    public var predicted: [Double]
    /// Each sample's target (nil without a label column).
    public var targets: [Double]?
    public var meanSquaredError: Double?
    public var rSquared: Double?

    /// `network` (one output, squared error) on `data` (network inputs, targets as labels).
    public init(network: Network, data: Dataset, hasLabels: Bool) {
        precondition(data.featureCount == network.inputCount && network.outputCount == 1, "the data must fit the network")
        samples = data.count
        predicted = network.outputs(features: data.features)
        guard hasLabels, data.count > 0 else { return }
        targets = data.targets
        let mse = network.meanLoss(features: data.features, labels: data.labels)
        meanSquaredError = mse
        rSquared = coefficientOfDetermination(meanSquaredError: mse, targetVariance: data.targetVariance)
    }

    /// Whether every prediction is finite.
    public var isFinite: Bool { predicted.allSatisfy(\.isFinite) }

    /// `{"format": "mlptop.eval/v1", "task": "regression", "samples": n, "loss": …, "mse": …, "r2": …}`
    /// (the loss is the MSE; the last three only with targets).
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("format", .string("mlptop.eval/v1")), ("task", .string("regression")), ("samples", .number(samples)),
        ]
        if let meanSquaredError, let rSquared {
            members += [("loss", .measurement(meanSquaredError)), ("mse", .measurement(meanSquaredError)),
                        ("r2", .measurement(rSquared))]
        }
        return .object(members)
    }

    /// The report to read: data, model, then MSE and R² (or that there were no targets).
    public func text(dataPath: String, modelPath: String, architecture: String) -> String {
        var lines = ["\(dataPath): \(samples) samples; model \(modelPath) (\(architecture), squared-error); regression"]
        if let meanSquaredError, let rSquared {
            lines.append("mse \(meanSquaredError)  r2 \(rSquared)")
        } else {
            lines.append("no target column: predictions only")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `row,target,predicted` (no `target` column without targets), one line per sample.
    public var predictionsCSV: String {
        var text = (targets == nil ? "row,predicted" : "row,target,predicted") + "\n"
        for s in 0..<samples {
            text += String(s) + (targets.map { ",\($0[s].description)" } ?? "") + ",\(predicted[s].description)\n"
        }
        return text
    }
}
