import Foundation
import Testing
import TestSupport

/// `mlptop eval` on a CSV without a label column and without `--predictions`: the predictions
/// are all there is, so they are printed after the report rather than dropped.
@Suite("mlptop eval without labels")
struct EvalUnlabelledTests {
    @Test func predictionsArePrintedWhenNoFileTakesThem() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-eval-bare")
        let files = try EvalCommandTests.split("iris", in: scratch)
        let model = scratch.file("m.json"), bare = scratch.file("bare.csv")
        try EvalCommandTests.train(files.train, to: model)
        let text = try String(contentsOfFile: files.heldOut, encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: ",").dropLast().joined(separator: ",") }.joined(separator: "\n")
        try text.write(toFile: bare, atomically: true, encoding: .utf8)
        let result = try EvalCommandTests.mlptop(["eval", "--model", model, "--data", bare])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        try #require(lines.count == 2 + 1 + 1 + 30 + 1, "\(result.standardOutput)")
        #expect(lines[1] == "no label column: predictions only")
        #expect(lines[2] == "" && lines[3] == "row,p(setosa),p(versicolor),p(virginica),predicted")
        #expect(lines[4].hasPrefix("0,") && ["setosa", "versicolor", "virginica"].contains(lines[4].split(separator: ",").last.map(String.init)))
        // With a file for them, stdout keeps to the report.
        let out = scratch.file("p.csv")
        let quiet = try EvalCommandTests.mlptop(["eval", "--model", model, "--data", bare, "--predictions", out])
        #expect(quiet.standardOutput.split(separator: "\n").count == 2, "\(quiet.standardOutput)")
    }
}
