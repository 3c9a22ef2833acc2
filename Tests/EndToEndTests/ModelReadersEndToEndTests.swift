import Foundation
import Testing
import TestSupport

/// Every reader of a model file feeds it the inputs it was trained on, and `--init-from` carries
/// the model's settings on: run as real processes.
@Suite("readers of a model file")
struct ModelReadersEndToEndTests {
    static func mlptop(_ arguments: [String]) throws -> ProcessResult {
        try HeadlessTrainTests.mlptop(arguments)
    }

    /// The repository's root folder (this file is in Tests/EndToEndTests).
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// The last `train_loss` in a `--log` file.
    static func lastTrainLoss(_ log: String) throws -> Double {
        let last = try #require(try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").last)
        let range = try #require(last.range(of: "\"train_loss\": "))
        return try #require(Double(last[range.upperBound...].prefix { $0 != "," }))
    }

    /// `grads` on a model trained with features and standardisation reports the loss training
    /// reports for the same weights on the same data (before the fix: raw inputs, a loss 100× off).
    @Test func gradsAppliesTheModelsFeaturesAndStandardisation() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-grads")
        let data = scratch.file("data.csv"), model = scratch.file("m.json"), log = scratch.file("run.jsonl")
        // Shifted and scaled far from 0, so that standardising matters.
        let rows = (0..<60).map { i in "\(100 + Double(i % 10) * 7),\(-50 + Double(i / 10) * 3),\(i % 3 == 0 ? 1 : 0)" }
        try (["a,b,label"] + rows).joined(separator: "\n").write(toFile: data, atomically: true, encoding: .utf8)
        let trained = try Self.mlptop(["train", "--dataset", data, "--features", "x1,x2,x1*x2", "--standardize",
                                       "--test-fraction", "0", "--epochs", "50", "--save", model])
        #expect(trained.status == 0, "\(trained.standardError)")
        // One more full-batch epoch from the saved weights: its train loss is theirs on all the data.
        let continued = try Self.mlptop(["train", "--init-from", model, "--dataset", data, "--test-fraction", "0",
                                         "--epochs", "51", "--log", log])
        #expect(continued.status == 0, "\(continued.standardError)")
        let expected = try Self.lastTrainLoss(log)
        let grads = try Self.mlptop(["grads", "--model", model, "--data", data])
        #expect(grads.status == 0, "\(grads.standardError)")
        let range = try #require(grads.standardOutput.range(of: "\"loss_value\": "))
        let loss = try #require(Double(grads.standardOutput[range.upperBound...].prefix { $0 != "," && $0 != "\n" }))
        #expect(abs(loss - expected) <= 1e-12 * expected, "grads says \(loss), training said \(expected)")
        #expect(expected < 0.7, "the trained model should beat chance: \(expected)")
    }

    /// A model whose stored standardisation does not fit its features is refused, not silently
    /// trained without it.
    @Test func aStandardisationOfTheWrongWidthIsAnError() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-grads")
        let model = scratch.file("m.json")
        try """
        {"format": "mlptop.model/v1", "loss": "bce", "standardize": {"means": [0], "deviations": [1]},
         "layers": [{"activation": "sigmoid", "weights": [[1, 2]], "biases": [0]}]}
        """.write(toFile: model, atomically: true, encoding: .utf8)
        let message = "mlptop: \(model): \"standardize\" has 1 means and 1 deviations for 2 features\n"
        let train = try Self.mlptop(["train", "--dataset", "moons", "--init-from", model, "--epochs", "1"])
        #expect(train.status == 65)
        #expect(train.standardError == message)
        let grads = try Self.mlptop(["grads", "--model", model, "--data", Self.repository + "/datasets/moons.csv"])
        #expect(grads.status == 65)
        #expect(grads.standardError == message)
    }
}
