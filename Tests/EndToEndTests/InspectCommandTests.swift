import Foundation
import MLPEngine
import Testing
import TestSupport

/// `mlptop inspect` run as a real process: its batch gradient is the step the trainer applies, its
/// input is the model's own transform of the CSV row, its text is the README's, and bad input ends
/// with the documented statuses.
@Suite("mlptop inspect")
struct InspectCommandTests {
    static func mlptop(_ arguments: [String], environment extra: [String: String] = [:]) throws -> ProcessResult {
        let path = try #require(ProcessRunner.builtProduct(named: "mlptop"), "mlptop binary not found")
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { $1 }
        return try ProcessRunner.run(path, arguments, environment: environment, timeout: .seconds(60))
    }

    /// The repository's root, two folders above this file.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func json(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

    static func numbers(_ value: JSONValue?) -> [Double] {
        switch value {
        case .array(let items)?: items.flatMap { numbers($0) }
        case .number?: [value!.doubleValue!]
        default: []
        }
    }

    /// The batch gradient of `inspect --json`, in the model's parameter layout (W₀, b₀, W₁, …).
    static func batchGradient(_ report: JSONValue) -> [Double] {
        let weights = report["batch"]?["weight_gradients"]?.arrayValue ?? []
        let biases = report["batch"]?["bias_gradients"]?.arrayValue ?? []
        return zip(weights, biases).flatMap { numbers($0) + numbers($1) }
    }

    /// One epoch of full-batch SGD with rate 1 from the model moves every weight by exactly
    /// −(inspect's batch gradient): `p + -1·g` is the optimiser's own expression, so the match is
    /// bit for bit. The trainer uses 2 threads, inspect 1. Also: the sample's input is the CSV row
    /// through the model's stored features and standardisation.
    @Test(arguments: [
        ["--dataset", "moons", "--features", "x1,x2,x1*x2", "--standardize", "--hidden", "5,4"],
        ["--dataset", "spiral3", "--activation", "relu", "--hidden", "6", "--loss", "mse"],
    ])
    func theBatchGradientIsTheStepTheTrainerApplies(_ shape: [String]) throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-inspect")
        let data = scratch.file("d.csv"), model = scratch.file("m.json"), stepped = scratch.file("s.json")
        #expect(try Self.mlptop(["dataset", shape[1], "--n", "90", "--seed", "3", "-o", data]).status == 0)
        let trained = try Self.mlptop(["train", "--headless", "--dataset", data] + shape.dropFirst(2)
                                      + ["--test-fraction", "0", "--epochs", "3", "--optimizer", "adam", "--save", model])
        #expect(trained.status == 0, "\(trained.standardError)")
        let inspected = try Self.mlptop(["inspect", "--model", model, "--data", data, "--sample", "7", "--json"])
        #expect(inspected.status == 0, "\(inspected.standardError)")
        let report = try Self.json(inspected.standardOutput)
        #expect(report["format"] == .string("mlptop.inspect/v1"))
        let step = try Self.mlptop(["train", "--headless", "--dataset", data, "--init-from", model, "--test-fraction", "0",
                                    "--epochs", "4", "--optimizer", "sgd", "--lr", "1", "--threads", "2", "--save", stepped])
        #expect(step.status == 0, "\(step.standardError)")
        let before = try ModelFile.decode(String(contentsOfFile: model, encoding: .utf8))
        let after = try ModelFile.decode(String(contentsOfFile: stepped, encoding: .utf8))
        let gradient = Self.batchGradient(report)
        #expect(gradient.count == before.network.parameters.count)
        let lr = 1.0
        let expected = zip(before.network.parameters, gradient).map { p, g in p + -lr * g }
        #expect(after.network.parameters == expected, "the trainer's step is −(inspect's batch gradient), bit for bit")

        // Row 7 of the CSV through the model's own features and standardisation.
        let row = try String(contentsOfFile: data, encoding: .utf8).split(separator: "\n")[8].split(separator: ",")
        let x1 = try #require(Double(String(row[0]))), x2 = try #require(Double(String(row[1])))
        var input = [x1, x2]
        if before[metadata: "features"] != nil { input.append(x1 * x2) }
        if let standardize = before[metadata: "standardize"] {
            let means = Self.numbers(standardize["means"]), deviations = Self.numbers(standardize["deviations"])
            input = input.indices.map { (input[$0] - means[$0]) / deviations[$0] }
        }
        #expect(Self.numbers(report["input"]) == input)
        #expect(report["label"]?.intValue == Int(row[2]))
    }

    /// The README's walkthrough shows this command's output verbatim.
    @Test func theReadmeWalkthroughShowsTheRealOutput() throws {
        let command = "mlptop inspect --model examples/backprop-2-2-1.json --data examples/backprop-2-2-1.csv"
        let result = try Self.mlptop(["inspect", "--model", Self.root + "/examples/backprop-2-2-1.json",
                                      "--data", Self.root + "/examples/backprop-2-2-1.csv"], environment: ["LANG": "C.UTF-8"])
        #expect(result.status == 0, "\(result.standardError)")
        let readme = try String(contentsOfFile: Self.root + "/README.md", encoding: .utf8)
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "$ " + command), "README has no line \"$ \(command)\"")
        let end = try #require(lines[(start + 1)...].firstIndex(of: "```"))
        #expect(lines[(start + 1)..<end].joined(separator: "\n") + "\n" == result.standardOutput)
    }

    @Test func aLocaleThatIsNotUTF8OrAsciiSpellsTheLinesInASCII() throws {
        let arguments = ["inspect", "--model", Self.root + "/examples/backprop-2-2-1.json",
                         "--data", Self.root + "/examples/backprop-2-2-1.csv"]
        let chosen = try Self.mlptop(arguments, environment: ["LC_ALL": "C"])
        let flagged = try Self.mlptop(arguments + ["--ascii"], environment: ["LANG": "C.UTF-8"])
        for result in [chosen, flagged] {
            #expect(result.status == 0)
            #expect(result.standardOutput.unicodeScalars.allSatisfy { $0.isASCII }, "\(result.standardOutput)")
            #expect(result.standardOutput.contains("  neuron 1  delta = (0.7513650695523157 - 0)*0.18681560180895948 = "))
            #expect(result.standardOutput.contains("    w(1,1)  dE/dw = "))
        }
        let unicode = try Self.mlptop(arguments, environment: ["LANG": "en_US.UTF-8"])
        #expect(unicode.standardOutput.contains("  neuron 1  δ = (0.7513650695523157 − 0)·0.18681560180895948 = "))
    }

    @Test func badInputEndsWithTheDocumentedStatusAndOneLine() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-inspect-bad")
        let model = Self.root + "/examples/backprop-2-2-1.json", data = Self.root + "/examples/backprop-2-2-1.csv"
        let wide = scratch.file("wide.csv")
        try "a,b,c,label\n1,2,3,0\n4,5,6,1\n".write(toFile: wide, atomically: true, encoding: .utf8)
        let cases: [(arguments: [String], status: Int32, message: String)] = [
            (["--model", model, "--data", data, "--sample", "2"], 65,
             "mlptop: \(data): no sample 2: the file has 2 rows (0 to 1)"),
            (["--model", model, "--data", wide], 65, "mlptop: \(model): the model takes 2 inputs but \(wide) has 3 feature columns"),
            (["--model", scratch.file("none.json"), "--data", data], 66,
             "mlptop: \(scratch.file("none.json")): cannot open: no such file"),
            (["--model", model, "--data", scratch.file("none.csv")], 66,
             "mlptop: \(scratch.file("none.csv")): cannot open: no such file"),
            (["--model", model, "--data", data, "--sample", "-1"], 64, "--sample must be 0 or more, not -1"),
            (["--model", model, "--data", data, "--sample", "one"], 64, "--sample"),
            (["--model", model], 64, "--data"),
            (["--model", model, "--data", data, "--bogus"], 64, "--bogus"),
        ]
        for (arguments, status, message) in cases {
            let result = try Self.mlptop(["inspect"] + arguments)
            #expect(result.status == status, "\(arguments): \(result.standardError)")
            #expect(result.standardError.contains(message), "\(arguments): \(result.standardError)")
            #expect(result.standardOutput.isEmpty)
            if status != 64 {
                #expect(result.standardError == message + "\n", "one line: \(result.standardError)")
            }
        }
    }
}
