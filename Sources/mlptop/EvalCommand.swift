import ArgumentParser
import Datasets
import Foundation
import MLPEngine
import Training

/// `mlptop eval`: a saved model applied to a CSV — its stored features, standardisation and class
/// names first — with the loss, accuracy, confusion matrix and per-class precision, recall and F1
/// (as text, or `mlptop.eval/v1` JSON), and optionally every sample's prediction as CSV.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Apply a trained model to a CSV: loss, accuracy, confusion matrix, per-class scores, predictions.",
        discussion: """
            The model's stored features and standardisation are applied to the CSV's columns, and its \
            labels are mapped to the model's classes by name (or number), exactly as training did. A CSV \
            with only the model's input columns (no label column) gets predictions only: printed after \
            the report as CSV, unless --predictions writes them to a file. Columns that \
            do not fit the model (their count, or their names when the model recorded them) are an \
            error (status 65).
            """
    )

    @Option(help: "The model file (mlptop.model/v1).")
    var model: String

    @Option(help: "The data CSV: the model's input columns, then (optionally) the label.")
    var data: String

    @Flag(help: "Write mlptop.eval/v1 JSON instead of text.")
    var json = false

    @Option(help: ArgumentHelp("Write each sample's class probabilities and predicted class to this CSV.",
                               valueName: "out.csv"))
    var predictions: String?

    func run() throws {
        try ReportedFailure.reportingFailures {
            let file = try FileIO.readModel(model)
            if file.network.loss == .squaredError { return try evaluateRegression(file) }
            let classes = try file.classNames(path: model)
            let read = try CSVDatasetReader.read(path: data, options: readOptions(file, classes: classes))
            let inputs = try ModelInputTransform(model: file, path: model, dataPath: data,
                                                 rawFeatureCount: read.dataset.featureCount).apply(to: read.dataset)
            let report = EvaluationReport(network: file.network, data: inputs, hasLabels: read.hasLabels)
            guard report.isFinite else {
                throw ReportedFailure(message: "\(model): the outputs on \(data) are not finite (values too large for a "
                                      + "Double)", exitStatus: 65)
            }
            if let predictions { try FileIO.writeAtomically(report.predictionsCSV, to: predictions) }
            if json {
                StandardStreams.raw(report.json.formatted() + "\n")
            } else {
                StandardStreams.raw(report.text(dataPath: data, modelPath: model, architecture: file.network.architecture))
                // Without labels the predictions are all there is to show: here, unless a file takes them.
                if !read.hasLabels, predictions == nil { StandardStreams.raw("\n" + report.predictionsCSV) }
            }
        }
    }

    /// The model's classes and raw input columns: their names when it recorded them, else their
    /// count when it has no feature map (the network's inputs are the columns).
    private func readOptions(_ file: ModelFile, classes: ClassNames?, task: LearningTask? = nil) -> CSVReadOptions {
        let names = file[metadata: "input_names"]?.arrayValue?.compactMap(\.stringValue)
        let count = names?.count ?? (file[metadata: "features"] == nil ? file.network.inputCount : nil)
        return CSVReadOptions(classes: classes, inputColumnCount: count, inputColumnNames: names, modelName: model,
                              task: task)
    }

    /// A regression model (squared error): the CSV's last column read as targets, MSE and R²,
    /// predicted values.
    private func evaluateRegression(_ file: ModelFile) throws {
        let read = try CSVDatasetReader.read(path: data, options: readOptions(file, classes: nil, task: .regression))
        let inputs = try ModelInputTransform(model: file, path: model, dataPath: data,
                                             rawFeatureCount: read.dataset.featureCount).apply(to: read.dataset)
        let report = RegressionEvaluation(network: file.network, data: inputs, hasLabels: read.hasLabels)
        guard report.isFinite else {
            throw ReportedFailure(message: "\(model): the outputs on \(data) are not finite (values too large for a "
                                  + "Double)", exitStatus: 65)
        }
        if let predictions { try FileIO.writeAtomically(report.predictionsCSV, to: predictions) }
        StandardStreams.raw(json ? report.json.formatted() + "\n"
                            : report.text(dataPath: data, modelPath: model, architecture: file.network.architecture))
        if !json, !read.hasLabels, predictions == nil { StandardStreams.raw("\n" + report.predictionsCSV) }
    }
}
