import Foundation
import Testing
import TestSupport

/// `mlptop train` without a terminal: progress, files, exit statuses and error text, run as a
/// real process.
@Suite("mlptop train, headless")
struct HeadlessTrainTests {
    static func mlptop(_ arguments: [String], timeout: Duration = .seconds(60)) throws -> ProcessResult {
        let path = try #require(ProcessRunner.builtProduct(named: "mlptop"), "mlptop binary not found")
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        return try ProcessRunner.run(path, arguments, environment: environment, timeout: timeout)
    }

    @Test func trainsToTheEpochCountAndSavesAModelThatResumes() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-train")
        let model = scratch.file("model.json"), log = scratch.file("run.jsonl")
        let result = try Self.mlptop(["train", "--dataset", "moons", "--epochs", "200", "--optimizer", "adam",
                                      "--save", model, "--log", log])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("done: 200 epochs"))
        #expect(result.standardOutput.contains("saved the model of epoch 200 to \(model)"))
        let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 200)
        #expect(lines.first?.hasPrefix("{\"epoch\": 1, \"train_loss\": ") == true)
        let saved = try String(contentsOfFile: model, encoding: .utf8)
        #expect(saved.contains("\"epoch\": 200"))
        // --epochs is the run's total: resuming at 200 with --epochs 250 trains 50 more.
        let resumed = try Self.mlptop(["train", "--dataset", "moons", "--epochs", "250", "--optimizer", "adam",
                                       "--init-from", model, "--save", model])
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(resumed.standardOutput.contains("done: 50 epochs"))
        #expect(try String(contentsOfFile: model, encoding: .utf8).contains("\"epoch\": 250"))
    }

    @Test func aDivergedRunSaysSoAndExits70() throws {
        let result = try Self.mlptop(["train", "--activation", "linear", "--lr", "50", "--epochs", "100"])
        #expect(result.status == 70, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("mlptop: loss became NaN at epoch 9 with lr 50.0; restored weights of epoch 8"),
                "\(result.standardOutput)")
        #expect(result.standardOutput.contains("diverged: 8 epochs in "), "\(result.standardOutput)")
        #expect(!result.standardOutput.contains("-nan"), "\(result.standardOutput)")
    }

    @Test func aLossThatClimbsWhileFiniteIsReported() throws {
        let result = try Self.mlptop(["train", "--lr", "50", "--epochs", "100"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("is far above its start"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("lr 50 may be too high"), "\(result.standardOutput)")
    }

    @Test func aSpeedLimitPacesAHeadlessRun() throws {
        let started = Date()
        let result = try Self.mlptop(["train", "--dataset", "xor", "--epochs", "10", "--speed", "20"])
        let seconds = Date().timeIntervalSince(started)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("done: 10 epochs"))
        // Ten epochs at 20 per second: the first at once, then one every 50 ms.
        #expect(seconds >= 0.4, "took \(seconds) s")
    }

    static let badFlags: [([String], Int32, String)] = [
        (["train", "--hidden", "16,0"], 64, "--hidden: \"0\" is not a layer size (a whole number from 1 to 100000)"),
        (["train", "--lr", "fast"], 64, "The value 'fast' is invalid for '--lr <lr>'"),
        (["train", "--lr=-1"], 64, "--lr must be a positive number, not -1.0"),
        (["train", "--activation", "gelu"], 64, "The value 'gelu' is invalid for '--activation <activation>'"),
        (["train", "--optimizer", "rmsprop"], 64, "The value 'rmsprop' is invalid for '--optimizer <optimizer>'"),
        (["train", "--batch", "0"], 64, "--batch must be a positive whole number or 'full', not \"0\""),
        (["train", "--epochs=-3"], 64, "--epochs must be 0 (until stopped) or more, not -3"),
        (["train", "--test-fraction", "1.5"], 64, "--test-fraction must be in [0, 1), not 1.5"),
        (["train", "--dataset", "/nonexistent/data.csv"], 66, "mlptop: /nonexistent/data.csv: cannot open: no such file"),
        (["train", "--init-from", "/nonexistent/model.json"], 66, "mlptop: /nonexistent/model.json: cannot open: no such file"),
        (["train", "--features", "x1,cos(x1)"], 64, "mlptop: --features: unknown feature \"cos(x1)\""),
        (["train", "--activation", "softmax"], 64, "mlptop: layer 0: softmax is only allowed on the output layer"),
        (["train", "--speed", "0"], 64, "--speed must be a positive number of epochs per second, not 0.0"),
    ]

    @Test(arguments: badFlags.indices)
    func badFlagsGetOneClearLineAndAUsageStatus(_ index: Int) throws {
        let (arguments, status, message) = Self.badFlags[index]
        let result = try Self.mlptop(arguments + (arguments.contains("--epochs=-3") ? [] : ["--epochs", "1"]))
        #expect(result.status == status, "\(result.standardError)")
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(!result.standardError.contains("Fatal error"))
    }

    @Test func aModelWhoseInputSizeDoesNotMatchTheDataIsRejected() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-train")
        let model = scratch.file("three-inputs.json")
        try """
        {"format": "mlptop.model/v1", "loss": "bce",
         "layers": [{"activation": "sigmoid", "weights": [[1, 2, 3]], "biases": [0]}]}
        """.write(toFile: model, atomically: true, encoding: .utf8)
        let save = scratch.file("out.json")
        let result = try Self.mlptop(["train", "--dataset", "moons", "--init-from", model, "--epochs", "5", "--save", save])
        #expect(result.status == 65)
        #expect(result.standardError == "mlptop: \(model): the model takes 3 inputs but the data has 2 features\n")
        #expect(!FileManager.default.fileExists(atPath: save))
    }

    @Test func dataTooLargeToStandardiseIsRefusedBeforeTraining() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-train")
        let data = scratch.file("data.csv"), save = scratch.file("model.json")
        try "x1,x2,label\n0.1,0.2,0\n0.3,1e308,1\n0.5,1e308,0\n0.2,0.9,1\n0.7,0.3,0\n0.4,0.6,1\n"
            .write(toFile: data, atomically: true, encoding: .utf8)
        let result = try Self.mlptop(["train", "--dataset", data, "--standardize", "--test-fraction", "0", "--epochs", "5",
                                      "--save", save])
        #expect(result.status == 65)
        #expect(result.standardError == "mlptop: \(data): feature x2: values too large to standardise\n")
        #expect(!result.standardOutput.contains("done:"))
        #expect(!FileManager.default.fileExists(atPath: save))
    }

    @Test func aBrokenModelFileNamesLineAndColumn() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-train")
        let model = scratch.file("broken.json")
        try "{\"format\": \"mlptop.model/v1\",\n \"loss\": \"bce\" \"layers\": []}".write(toFile: model, atomically: true, encoding: .utf8)
        let result = try Self.mlptop(["train", "--init-from", model, "--epochs", "5"])
        #expect(result.status == 65)
        #expect(result.standardError == "mlptop: \(model):2:16: expected ',' or '}' in an object\n")
    }

    @Test func saveIntoAMissingFolderFailsWith73AndLeavesNothing() throws {
        let result = try Self.mlptop(["train", "--dataset", "xor", "--epochs", "3", "--save", "/nonexistent/dir/m.json"])
        #expect(result.status == 73)
        #expect(result.standardError.contains("mlptop: /nonexistent/dir/m.json: cannot create: no such file"))
    }

    @Test func ctrlCStopsCleanlyAndStillSavesTheModel() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-sigint")
        let path = try #require(ProcessRunner.builtProduct(named: "mlptop"))
        let model = scratch.file("model.json")
        let pid = try ProcessRunner.spawn(path, ["train", "--headless", "--dataset", "moons", "--save", model],
                                          environment: ProcessInfo.processInfo.environment,
                                          stdoutPath: scratch.file("out"), stderrPath: scratch.file("err"))
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, !((try? String(contentsOfFile: scratch.file("out"), encoding: .utf8)) ?? "").contains("epoch ") {
            usleep(20_000)
        }
        kill(pid, SIGINT)
        let status = try ProcessRunner.waitForExit(pid, timeout: .seconds(30), name: "mlptop")
        #expect(status == 130)
        let output = try String(contentsOfFile: scratch.file("out"), encoding: .utf8)
        #expect(output.contains("stopped: "))
        #expect(output.contains("saved the model of epoch "))
        #expect(try String(contentsOfFile: model, encoding: .utf8).hasPrefix("{\"format\": \"mlptop.model/v1\""))
    }

    @Test func aSnapshotThatCannotBeWrittenIsReportedAndTheRunGoesOn() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-snapfail")
        let blocker = scratch.file("a-file")
        try "x".write(toFile: blocker, atomically: true, encoding: .utf8)
        let result = try Self.mlptop(["train", "--dataset", "xor", "--epochs", "30", "--snapshot-every", "10",
                                      "--snapshot-dir", blocker + "/snaps", "--save", scratch.file("m.json")])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("mlptop: snapshot failed: \(blocker)/snaps: cannot create: a part of the path is not a directory"))
        #expect(result.standardOutput.contains("done: 30 epochs"))
        #expect(FileManager.default.fileExists(atPath: scratch.file("m.json")))
    }
}
