import ArgumentParser
import Datasets
import Foundation
import MLPEngine
import Training

/// `mlptop grads`: the loss and backpropagated gradient of a model on a CSV, full batch, written
/// in the `mlptop.grads/v1` layout, so they can be compared with an independent implementation
/// (the PyTorch reference's `mlp_ref.py grads` writes the same format). The data goes through the
/// model's stored features and standardisation first, as in training.
struct GradsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grads",
        abstract: "Write the loss and gradient of a model on a CSV data set (mlptop.grads/v1).",
        shouldDisplay: false
    )

    @Option(help: "The model file (mlptop.model/v1).")
    var model: String

    @Option(help: "The data set CSV (all rows form one batch, in file order).")
    var data: String

    @Option(help: "Where to write the gradients ('-' for standard output).")
    var out = "-"

    func run() throws {
        try ReportedFailure.reportingFailures {
            let file = try FileIO.readModel(model)
            let task: LearningTask? = file.network.loss == .squaredError ? .regression : nil
            let raw = try CSVDatasetReader.read(path: data, options: CSVReadOptions(task: task)).dataset
            // The model's stored features and standardisation, as in training: raw columns would
            // give another loss altogether.
            let dataset = try ModelInputTransform.networkData(model: file, modelPath: model, dataset: raw, dataPath: data)
            let result = file.network.batchGradient(features: dataset.features, labels: dataset.labels)
            // JSON has no form for NaN or infinity: say so instead of writing a file no reader accepts.
            guard result.loss.isFinite, result.gradient.allSatisfy(\.isFinite) else {
                throw ReportedFailure(message: "\(model): the loss or gradient on \(data) is not finite (values too large "
                                      + "for a Double)", exitStatus: 65)
            }
            var gradients = file.network
            gradients.parameters = result.gradient
            guard case .object(var members) = ModelFile(network: gradients).json else { return }
            members[0].value = .string("mlptop.grads/v1")
            members.insert(("loss_value", .number(result.loss)), at: 2)
            members.insert(("samples", .number(dataset.count)), at: 3)
            let text = JSONValue.object(members).formatted() + "\n"
            if out == "-" {
                StandardStreams.raw(text)
            } else {
                try FileIO.writeAtomically(text, to: out)
            }
        }
    }
}
