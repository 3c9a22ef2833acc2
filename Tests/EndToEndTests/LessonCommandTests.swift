import Foundation
import Testing
import TestSupport

/// `mlptop train --config` and `--print-config`: precedence, reproduction bit for bit, snapshots
/// as lessons, and every refusal with its status.
@Suite("lesson files on the command line")
struct LessonCommandTests {
    static func mlptop(_ arguments: [String], in directory: ProcessScratchDirectory? = nil) throws -> ProcessResult {
        let path = try #require(ProcessRunner.builtProduct(named: "mlptop"), "mlptop binary not found")
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["COLUMNS"] = "80"
        return try ProcessRunner.run(path, arguments, environment: environment, timeout: .seconds(120))
    }

    /// The repository's root, two folders above this file.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func write(_ text: String, to path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test("flags on the command line override the file; --print-config prints the merge and exits 0")
    func precedence() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-lesson")
        let lesson = scratch.file("l.json")
        try Self.write(#"{"dataset": "xor", "hidden": [4], "lr": 0.5, "seed": 9, "locked": ["r"], "notes": "Hi."}"#, to: lesson)
        let result = try Self.mlptop(["train", "--config", lesson, "--lr", "0.2", "--print-config"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == """
            {"format": "mlptop.lesson/v1",
             "dataset": "xor",
             "hidden": [4],
             "activation": "tanh",
             "optimizer": "sgd",
             "lr": 0.2,
             "weight-decay": 0.0,
             "l1": 0.0,
             "epochs": 0,
             "seed": 9,
             "test-fraction": 0.2,
             "rewind-memory": 64.0,
             "snapshot-dir": "snapshots",
             "keep-snapshots": 5,
             "locked": ["r"],
             "notes": "Hi."}

            """)
    }

    @Test("--print-config then --config trains exactly the weights the flags train (the file's --save overridden)")
    func printedConfigReproducesTheRun() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-lesson")
        let flags = ["--dataset", "moons", "--hidden", "5,3", "--optimizer", "adam", "--lr", "0.02", "--batch", "32",
                     "--epochs", "40", "--seed", "7", "--l1", "0.001", "--headless"]
        let direct = try Self.mlptop(["train"] + flags + ["--save", scratch.file("flags.json")])
        #expect(direct.status == 0, "\(direct.standardError)")
        let printed = try Self.mlptop(["train"] + flags + ["--save", scratch.file("flags.json"), "--print-config"])
        #expect(printed.status == 0, "\(printed.standardError)")
        try Self.write(printed.standardOutput, to: scratch.file("lesson.json"))
        let printedAgain = try Self.mlptop(["train", "--config", scratch.file("lesson.json"), "--print-config"])
        #expect(printedAgain.standardOutput == printed.standardOutput)
        let fromFile = try Self.mlptop(["train", "--config", scratch.file("lesson.json"), "--save", scratch.file("config.json")])
        #expect(fromFile.status == 0, "\(fromFile.standardError)")
        let a = try Data(contentsOf: URL(fileURLWithPath: scratch.file("flags.json")))
        let b = try Data(contentsOf: URL(fileURLWithPath: scratch.file("config.json")))
        #expect(!a.isEmpty && a == b)
    }

    @Test("a snapshot's run.json is a lesson: it trains the snapshot's run again, to the same weights")
    func snapshotAsLesson() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-lesson")
        let flags = ["--dataset", "circle", "--hidden", "6", "--optimizer", "momentum", "--momentum", "0.8", "--epochs", "30",
                     "--seed", "4", "--headless"]
        let first = try Self.mlptop(["train"] + flags + ["--save", scratch.file("first.json"), "--snapshot-on-exit",
                                                          "--snapshot-dir", scratch.file("snaps")])
        #expect(first.status == 0, "\(first.standardError)")
        let folder = try #require(FileManager.default.contentsOfDirectory(atPath: scratch.file("snaps")).first)
        let again = try Self.mlptop(["train", "--config", scratch.file("snaps/\(folder)/run.json"), "--headless",
                                     "--save", scratch.file("again.json")])
        #expect(again.status == 0, "\(again.standardError)")
        let a = try Data(contentsOf: URL(fileURLWithPath: scratch.file("first.json")))
        let b = try Data(contentsOf: URL(fileURLWithPath: scratch.file("again.json")))
        #expect(!a.isEmpty && a == b)
    }

    @Test("bad lessons: one line naming file and field, status 65 (66 when it cannot be opened, 64 for a clash with a flag)",
          arguments: [
        (#"{"learning-rate": 0.1}"#, [String](), 65, "learning-rate: unknown field"),
        (#"{"lr": "fast"}"#, [], 65, "lr: must be a number, not a string"),
        (#"{"locked": ["r", "Z"]}"#, [], 65, "locked: \"Z\" is no key of the monitor"),
        (#"{"speed": -1}"#, [], 65, "speed: --speed must be 0 (no limit) or a positive number of epochs per second, not -1.0"),
        (#"{"lr": -1}"#, [], 65, "lr: --lr must be a positive number, not -1.0"),
        (#"{"momentum": 0.5}"#, [], 65, "momentum: --momentum applies to --optimizer momentum only"),
        (#"{"activation": "swish"}"#, [], 65, "activation: The value 'swish' is invalid for '--activation <activation>'"),
        (#"{"hidden": [0]}"#, [], 65, "hidden: --hidden: \"0\" is not a layer size (a whole number from 1 to 100000)"),
        ("{\"lr\": 0.1,,}", [], 65, ":1:12: expected a member name in quotes"),
        (#"{"optimizer": "adam"}"#, ["--momentum", "0.5"], 64, "--momentum applies to --optimizer momentum only (with "),
    ])
    func refusals(text: String, extra: [String], status: Int32, fragment: String) throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-lesson")
        let lesson = scratch.file("bad.json")
        try Self.write(text, to: lesson)
        let result = try Self.mlptop(["train", "--config", lesson, "--headless", "--epochs", "1"] + extra)
        #expect(result.status == status)
        #expect(result.standardError.hasPrefix("mlptop: " + (status == 64 ? "" : lesson)), "\(result.standardError)")
        #expect(result.standardError.contains(fragment), "\(result.standardError)")
        #expect(result.standardError.split(separator: "\n").count == 1, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }

    @Test("compare --config: the lesson is every run's base, a varied field the runs' own")
    func compareWithLesson() throws {
        let result = try Self.mlptop(["compare", "--config", Self.root + "/lessons/xor.json", "--dataset",
                                      Self.root + "/lessons/xor-corners.csv", "--vary", "seed=1,4", "--headless"])
        #expect(result.status == 0, "\(result.standardError)")
        let rows = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("1 ") || $0.hasPrefix("4 ") }
        #expect(rows.count == 2, "\(result.standardOutput)")
        // Seed 1 finds the two lines; seed 4 is stuck in a local minimum with one.
        #expect(rows.first?.contains("100.0%    100.0%") == true,
                "\(result.standardOutput)")
        #expect(rows.last?.contains("600") == true && rows.last?.contains("100.0%") == false, "\(result.standardOutput)")
    }

    @Test("the README's lesson is lessons/xor.json, byte for byte")
    func readmeShowsTheShippedLesson() throws {
        let readme = try String(contentsOfFile: Self.root + "/README.md", encoding: .utf8)
        let shipped = try String(contentsOfFile: Self.root + "/lessons/xor.json", encoding: .utf8)
        let section = try #require(readme.range(of: "## Lessons"))
        let start = try #require(readme.range(of: "```json\n", range: section.upperBound..<readme.endIndex))
        let end = try #require(readme.range(of: "```\n", range: start.upperBound..<readme.endIndex))
        #expect(String(readme[start.upperBound..<end.lowerBound]) == shipped)
    }

    @Test("every flag train --help lists is a lesson field (null: the flag's default)")
    func everyFlagIsAField() throws {
        let help = try Self.mlptop(["train", "--help"])
        #expect(help.status == 0)
        var flags: [String] = []
        for word in help.standardOutput.split(whereSeparator: { $0.isWhitespace || $0 == "," }) where word.hasPrefix("--") {
            let name = String(word.dropFirst(2).prefix { $0.isLetter || $0.isNumber || $0 == "-" })
            if !name.isEmpty, !["help", "config", "print-config", "version"].contains(name), !flags.contains(name) {
                flags.append(name)
            }
        }
        #expect(flags.count >= 30, "\(flags)")
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-lesson")
        try Self.write("{" + flags.map { "\"\($0)\": null" }.joined(separator: ", ") + "}", to: scratch.file("all.json"))
        let result = try Self.mlptop(["train", "--config", scratch.file("all.json"), "--print-config"])
        #expect(result.status == 0, "\(result.standardError)")
    }

    @Test("lessons/xor-corners.csv is what its generator writes", .enabled(if: ProcessRunner.locate("python3") != nil))
    func shippedDataIsGenerated() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-lesson")
        let python = try #require(ProcessRunner.locate("python3"))
        let result = try ProcessRunner.run(python, [Self.root + "/lessons/make-xor-corners.py", scratch.file("xor.csv")],
                                           environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 0, "\(result.standardError)")
        let made = try Data(contentsOf: URL(fileURLWithPath: scratch.file("xor.csv")))
        let shipped = try Data(contentsOf: URL(fileURLWithPath: Self.root + "/lessons/xor-corners.csv"))
        #expect(made.count > 1000 && made == shipped)
    }

    @Test("a lesson that does not exist: status 66, naming it")
    func missingLesson() throws {
        let result = try Self.mlptop(["train", "--config", "/nonexistent/l.json", "--headless"])
        #expect(result.status == 66)
        #expect(result.standardError == "mlptop: /nonexistent/l.json: cannot open: no such file\n")
    }

    @Test("the XOR lesson trains: one hidden layer of 2 neurons separates the corners, on every sample")
    func xorLesson() throws {
        let result = try Self.mlptop(["train", "--config", Self.root + "/lessons/xor.json", "--headless", "--speed", "0"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("done: 600 epochs"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("acc 100.0%  test loss"), "\(result.standardOutput)")
        #expect(result.standardOutput.hasSuffix("acc 100.0%\n"), "\(result.standardOutput)")
    }
}
