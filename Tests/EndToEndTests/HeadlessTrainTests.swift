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
        #expect(result.standardOutput.contains("mlptop: loss became NaN at epoch 9 with lr 50; restored weights of epoch 8"),
                "\(result.standardOutput)")
        #expect(result.standardOutput.contains("diverged: 8 epochs in "), "\(result.standardOutput)")
        #expect(!result.standardOutput.contains("-nan"), "\(result.standardOutput)")
        // Diverging on the very first epoch still ends with a summary line (and 70).
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-huge")
        let rows = (0..<10).map { i in "\(i % 2 == 0 ? "" : "-")1e200,\(i % 4 < 2 ? "" : "-")1e200,\(i % 3 == 0 ? 0 : 1)" }
        try (["x1,x2,label"] + rows).joined(separator: "\n").write(toFile: scratch.file("huge.csv"), atomically: true, encoding: .utf8)
        let first = try Self.mlptop(["train", "--dataset", scratch.file("huge.csv"), "--activation", "linear", "--lr", "1e308",
                                     "--epochs", "10"])
        #expect(first.status == 70, "\(first.standardOutput)\(first.standardError)")
        #expect(first.standardOutput.contains("diverged: 0 epochs in "), "\(first.standardOutput)")
    }

    /// `mlptop ARGS` through the shell, for redirections.
    static func shell(_ command: String) throws -> ProcessResult {
        let path = try #require(ProcessRunner.builtProduct(named: "mlptop"), "mlptop binary not found")
        return try ProcessRunner.run("/bin/sh", ["-c", "'\(path)' " + command], environment: ProcessInfo.processInfo.environment,
                                     timeout: .seconds(60))
    }

    @Test(arguments: ["dataset moons > /dev/full", "dataset moons >&-", "train --dataset xor --epochs 5 > /dev/full",
                      "train --dataset xor --epochs 5 >&-"])
    func aFailedStandardOutputIsReportedWithStatus74(_ command: String) throws {
        let result = try Self.shell(command)
        #expect(result.status == 74, "\(command): \(result.standardError)")
        #expect(result.standardError.contains("mlptop: standard output: cannot write: "), "\(result.standardError)")
        #expect(!result.standardError.contains("Fatal error"))
    }

    @Test func aClosedPipeEndsQuietly() throws {
        let result = try Self.shell("dataset moons --n 200000 | head -c 10 > /dev/null; echo \"status ${PIPESTATUS:-}\"")
        #expect(!result.standardError.contains("Fatal error"), "\(result.standardError)")
        #expect(result.standardError.isEmpty, "\(result.standardError)")
    }

    @Test func outputsThatWouldOverwriteAnInputOrEachOtherAreRefused() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-paths")
        let data = scratch.file("data.csv"), model = scratch.file("model.json")
        #expect(try Self.mlptop(["dataset", "moons", "--n", "40", "-o", data]).status == 0)
        let original = try String(contentsOfFile: data, encoding: .utf8)
        for (arguments, message) in [
            (["--dataset", data, "--log", data], "--log \(data) is also the --dataset file: it would be overwritten"),
            (["--dataset", data, "--save", scratch.file("./data.csv")], "is also the --dataset file"),
            (["--save", model, "--log", model], "--log \(model) is also the --save file"),
        ] {
            let result = try Self.mlptop(["train", "--epochs", "2"] + arguments)
            #expect(result.status == 64, "\(arguments): \(result.standardError)")
            #expect(result.standardError.contains(message), "\(result.standardError)")
        }
        #expect(try String(contentsOfFile: data, encoding: .utf8) == original)
        // Saving over the model a run started from is allowed: it was read first.
        #expect(try Self.mlptop(["train", "--epochs", "2", "--save", model]).status == 0)
        #expect(try Self.mlptop(["train", "--epochs", "4", "--init-from", model, "--save", model]).status == 0)
        #expect(try Self.mlptop(["train", "--epochs", "6", "--init-from", model, "--log", model]).status == 64)
    }

    @Test func savingThroughASymbolicLinkKeepsTheLink() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-link")
        let target = scratch.file("real.json"), link = scratch.file("link.json")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.json")
        let result = try Self.mlptop(["train", "--dataset", "xor", "--epochs", "3", "--save", link])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.json")
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("\"epoch\": 3"))
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

    @Test func speedZeroMeansNoLimit() throws {
        let result = try Self.mlptop(["train", "--dataset", "xor", "--epochs", "3000", "--speed", "0"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("done: 3000 epochs"), "\(result.standardOutput)")
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
        (["train", "--speed", "-1"], 64, "--speed must be 0 (no limit) or a positive number of epochs per second, not -1.0"),
        (["train", "--save", ""], 64, "--save needs a file name"),
        (["train", "--dataset", "moon"], 66,
         "mlptop: moon: cannot open: no such file, and no built-in data set of that name (xor, circle, gauss, spiral, spiral3, moons, plane, multigauss)"),
        (["train", "--hidden", "-3"], 64, "--hidden: \"-3\" is not a layer size"),
        (["train", "--lr", "-1"], 64, "--lr must be a positive number, not -1.0"),
        (["train", "--momentum", "0.5"], 64, "--momentum applies to --optimizer momentum only"),
        (["train", "--optimizer", "momentum", "--beta1", "0.8"], 64, "--beta1 applies to --optimizer adam only"),
        (["train", "--dataset", "/nonexistent/d.csv", "--n", "50"], 64, "--n applies to built-in data sets only"),
        (["train", "--paused", "--headless"], 64, "--paused applies to the monitor, and --headless has none"),
        (["train", "--save", "/dev/full"], 73, "mlptop: /dev/full: cannot write: not a regular file"),
        (["train", "--save", "/"], 73, "mlptop: /: cannot write: is a directory"),
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
        // The run goes on and saves; the failure is announced, then decides the exit status.
        let reason = "snapshot failed: \(blocker)/snaps: cannot create: a part of the path is not a directory"
        #expect(result.standardOutput.contains("mlptop: " + reason))
        #expect(result.standardOutput.contains("done: 30 epochs"))
        #expect(FileManager.default.fileExists(atPath: scratch.file("m.json")))
        #expect(result.status == 73, "\(result.standardError)")
        #expect(result.standardError.contains("mlptop: " + reason), "\(result.standardError)")
    }
}
