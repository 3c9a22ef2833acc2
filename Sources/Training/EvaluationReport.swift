import Datasets
import MLPEngine

/// What `mlptop eval` reports: a trained network applied to a data set — each sample's class
/// probabilities and predicted class, and, when the data has labels, the mean loss, the accuracy,
/// the confusion matrix and per-class precision, recall and F1.
///
/// The numbers are the engine's: the loss is `Network.meanLoss` (the mean the trainer reports),
/// the outputs `Network.outputs`, the predicted class the engine's accuracy rule. The data are
/// the network's inputs, after the model's `ModelInputTransform`. A value type, `Sendable`.
public struct EvaluationReport: Sendable, Equatable {
    /// The model's classes.
    public var classes: ClassNames
    /// The loss the network was trained with.
    public var loss: Loss
    /// The number of samples.
    public var samples: Int
    /// Each sample's probability of each class, sample-major (`samples × K`): a softmax output as
    /// it is, one sigmoid unit as (1 − a, a). For an `mse` model of K units, the K outputs.
    public var probabilities: [Double]
    /// Each sample's predicted class.
    public var predicted: [Int]
    /// The true classes, when the data has labels.
    public var labels: [Int]?
    /// The mean loss over the samples, when the data has labels.
    public var meanLoss: Double?
    /// Predictions against labels, when the data has labels.
    public var confusion: ConfusionMatrix?

    /// The report of `network` on `data` (network inputs, classes the model's); `hasLabels`
    /// false when the data's labels mean nothing (a file without the label column).
    /// O(weights × samples).
    public init(network: Network, data: Dataset, hasLabels: Bool) {
        precondition(data.featureCount == network.inputCount && data.classCount == network.classCount,
                     "the data must fit the network")
        classes = data.classes
        loss = network.loss
        samples = data.count
        let outputs = network.outputs(features: data.features)
        predicted = ConfusionMatrix.predictedClasses(outputs: outputs, units: network.outputCount)
        probabilities = network.outputCount == 1 ? outputs.flatMap { [1 - $0, $0] } : outputs
        guard hasLabels, data.count > 0 else { return }
        labels = data.labels
        meanLoss = network.meanLoss(features: data.features, labels: data.labels)
        confusion = ConfusionMatrix(classes: data.classes, labels: data.labels, predicted: predicted)
    }

    /// The share of samples predicted right, when the data has labels.
    public var accuracy: Double? { confusion?.accuracy }

    /// Whether every output is finite (JSON and CSV readers need numbers).
    public var isFinite: Bool { probabilities.allSatisfy(\.isFinite) }
}
