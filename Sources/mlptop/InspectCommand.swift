import ArgumentParser
import Datasets
import Foundation
import MLPEngine
import Training

/// `mlptop inspect`: one sample's forward and backward pass through a saved model, every z, a, δ
/// and ∂E/∂w, beside the gradient of the whole CSV as one batch — as chain-rule lines to read, or
/// as `mlptop.inspect/v1` JSON for scripts and tests. The model's stored `features` and
/// `standardize` are applied first, exactly as training applied them.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show one sample's forward and backward pass through a model, every number of the chain rule.",
        discussion: """
            Prints, for sample I (0-based row of the CSV) after the model's stored features and \
            standardisation: each layer's z = Σ w·a + b and a = f(z), the error E, each δ = ∂E/∂z and \
            ∂E/∂w = δ·a for this sample (a batch of one), and beside them the mean gradient of the \
            whole file as one batch (what a full-batch training step applies). --json writes the \
            same numbers as mlptop.inspect/v1.
            """
    )

    @Option(help: "The model file (mlptop.model/v1).")
    var model: String

    @Option(help: "The data set CSV; all its rows form the batch.")
    var data: String

    @Option(parsing: .unconditional, help: "The sample to trace: a 0-based row of the CSV.")
    var sample = 0

    @Flag(help: "Write mlptop.inspect/v1 JSON instead of chain-rule lines.")
    var json = false

    @Flag(help: "Spell the lines in ASCII (delta, dE/dw); the default when the locale is not UTF-8.")
    var ascii = false

    func validate() throws {
        guard sample >= 0 else { throw ValidationError("--sample must be 0 or more, not \(sample)") }
    }

    func run() throws {
        try ReportedFailure.reportingFailures {
            let file = try FileIO.readModel(model)
            // Labels map to the model's classes (by name when it stores them), as training mapped them;
            // a regression model's are real targets.
            let options = file.network.loss == .squaredError ? CSVReadOptions(modelName: model, task: .regression)
                : CSVReadOptions(classes: try file.classNames(path: model), modelName: model)
            let raw = try CSVDatasetReader.read(path: data, options: options).dataset
            guard sample < raw.count else {
                throw ReportedFailure(message: "\(data): no sample \(sample): the file has \(raw.count) rows (0 to "
                                      + "\(raw.count - 1))", exitStatus: 65)
            }
            let inputs = try ModelInputTransform.networkData(model: file, modelPath: model, dataset: raw, dataPath: data)
            let report = InspectReport(network: file.network, data: inputs, sample: sample)
            // JSON has no form for NaN or infinity: say so instead of writing what no reader accepts.
            guard report.isFinite else {
                throw ReportedFailure(message: "\(model): the numbers of sample \(sample) of \(data) are not finite "
                                      + "(values too large for a Double)", exitStatus: 65)
            }
            if json {
                StandardStreams.raw(report.json.formatted() + "\n")
            } else {
                let notation = ascii ? .ascii : ChainRuleNotation.forLocale(environment: ProcessInfo.processInfo.environment)
                StandardStreams.raw(report.text(notation: notation))
            }
        }
    }
}
