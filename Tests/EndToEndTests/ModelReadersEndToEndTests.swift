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

    /// Runs a `sh` script in which `$MLPTOP` is the built binary.
    static func shell(_ script: String) throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        let path = try #require(ProcessRunner.builtProduct(named: "mlptop"), "mlptop binary not found")
        environment["MLPTOP"] = path
        environment["NO_COLOR"] = "1"
        return try ProcessRunner.run("/bin/sh", ["-c", script], environment: environment, timeout: .seconds(60))
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
        let message = "mlptop: \(model): \"standardize\" must hold \"means\" and \"deviations\", 2 numbers each\n"
        let train = try Self.mlptop(["train", "--dataset", "moons", "--init-from", model, "--epochs", "1"])
        #expect(train.status == 65)
        #expect(train.standardError == message)
        let grads = try Self.mlptop(["grads", "--model", model, "--data", Self.repository + "/datasets/moons.csv"])
        #expect(grads.status == 65)
        #expect(grads.standardError == message)
    }
}

extension ModelReadersEndToEndTests {
    /// `--init-from` alone continues on the model's data with its optimiser and says so; settings
    /// given again with another value are named (before the fix: the default spiral, sgd lr 0.1,
    /// without a word).
    @Test func initFromCarriesTheModelsSettingsOnAndSaysSo() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-initfrom")
        let data = scratch.file("my.csv"), model = scratch.file("m.json")
        #expect(try Self.mlptop(["dataset", "circle", "--n", "100", "-o", data]).status == 0)
        let trained = try Self.mlptop(["train", "--dataset", data, "--standardize", "--optimizer", "adam", "--lr", "0.02",
                                       "--seed", "7", "--epochs", "20", "--save", model])
        #expect(trained.status == 0, "\(trained.standardError)")
        let continued = try Self.mlptop(["train", "--init-from", model, "--epochs", "30"])
        #expect(continued.status == 0, "\(continued.standardError)")
        #expect(continued.standardOutput.contains(" on my.csv (80 train, 20 test), adam lr 0.02,"), "\(continued.standardOutput)")
        #expect(continued.standardOutput.contains("mlptop: from \(model), not given again: --dataset \(data) --seed 7 "
                                                  + "--standardize --optimizer adam --lr 0.02 --beta1 0.9 "
                                                  + "--beta2 0.999 --eps 1e-08\n"), "\(continued.standardOutput)")
        #expect(!continued.standardOutput.contains("given again, unlike"))
        // Recorded as given: from another folder, a relative data path says whose it was.
        let relative = try Self.shell("cd '\(scratch.path)' && \"$MLPTOP\" train --dataset my.csv --epochs 5 --save m2.json "
                                      + ">/dev/null && cd / && \"$MLPTOP\" train --init-from '\(scratch.path)/m2.json' --epochs 6")
        #expect(relative.status == 66)
        #expect(relative.standardError.hasPrefix("mlptop: my.csv: cannot open: no such file"))
        #expect(relative.standardError.hasSuffix("; it is the data set \(scratch.path)/m2.json records: give --dataset to "
                                                 + "use another\n"), "\(relative.standardError)")
        let changed = try Self.mlptop(["train", "--init-from", model, "--epochs", "30", "--optimizer", "sgd", "--seed", "7",
                                       "--dataset", "circle"])
        #expect(changed.status == 0, "\(changed.standardError)")
        #expect(changed.standardOutput.contains("mlptop: given again, unlike \(model): --dataset circle (\(model): \(data)), "
                                                + "--optimizer sgd (\(model): adam)\n"), "\(changed.standardOutput)")
        #expect(changed.standardOutput.contains(", sgd lr 0.1,"), "\(changed.standardOutput)")
        // A setting of the model's optimiser may be given without --optimizer; one of another kind not.
        let beta = try Self.mlptop(["train", "--init-from", model, "--epochs", "30", "--beta1", "0.8"])
        #expect(beta.status == 0, "\(beta.standardError)")
        #expect(beta.standardOutput.contains("given again, unlike \(model): --beta1 0.8 (\(model): 0.9)"), "\(beta.standardOutput)")
        let momentum = try Self.mlptop(["train", "--init-from", model, "--epochs", "30", "--momentum", "0.5"])
        #expect(momentum.status == 64)
        #expect(momentum.standardError == "mlptop: --momentum does not apply to adam, the optimizer of the model in \(model) "
                + "(give --optimizer to change it)\n")
        let loss = try Self.mlptop(["train", "--init-from", model, "--epochs", "30", "--loss", "mse"])
        #expect(loss.status == 64)
        #expect(loss.standardError == "mlptop: --loss mse differs from the loss bce of the model in \(model), whose output "
                + "layer is built for it\n")
    }
}
