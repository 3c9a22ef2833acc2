import Foundation
import MLPEngine
import Testing
import TestSupport

/// `mlptop eval` on a regression model, as a real process: MSE and R² on held-out rows, the
/// predicted values, and a file without targets.
@Suite("mlptop eval: regression")
struct EvalRegressionTests {
    @Test func aSineModelReportsMSEAndR2AndPredictsValues() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-eval-regression")
        var train = "x,sin_x\n", heldOut = "x,sin_x\n", bare = "x\n"
        for i in 0..<200 {
            let x = -Double.pi + 2 * Double.pi * Double(i) / 199
            if i % 5 == 2 {
                heldOut += "\(x),\(sin(x))\n"
                bare += "\(x)\n"
            } else {
                train += "\(x),\(sin(x))\n"
            }
        }
        let files = (train: scratch.file("train.csv"), heldOut: scratch.file("held.csv"), bare: scratch.file("bare.csv"))
        try train.write(toFile: files.train, atomically: true, encoding: .utf8)
        try heldOut.write(toFile: files.heldOut, atomically: true, encoding: .utf8)
        try bare.write(toFile: files.bare, atomically: true, encoding: .utf8)
        let model = scratch.file("sine.json")
        let trained = try EvalCommandTests.mlptop(["train", "--headless", "--dataset", files.train, "--hidden", "32,32",
                                                   "--optimizer", "adam", "--lr", "0.01", "--epochs", "500",
                                                   "--test-fraction", "0", "--save", model])
        #expect(trained.status == 0, "\(trained.standardError)")
        #expect(trained.standardOutput.contains("train mse "))

        let predictions = scratch.file("p.csv")
        let result = try EvalCommandTests.mlptop(["eval", "--model", model, "--data", files.heldOut, "--json",
                                                  "--predictions", predictions])
        #expect(result.status == 0, "\(result.standardError)")
        let report = try JSONParser.parse(result.standardOutput)
        #expect(report["task"]?.stringValue == "regression" && report["samples"]?.intValue == 40)
        let mse = try #require(report["mse"]?.doubleValue), r2 = try #require(report["r2"]?.doubleValue)
        #expect(report["loss"]?.doubleValue == mse)
        #expect(r2 >= 0.98)
        // The predictions file: the target and the value; R² recomputed from it agrees.
        let rows = try String(contentsOfFile: predictions, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",") }
        #expect(rows[0] == ["row", "target", "predicted"])
        let pairs = rows.dropFirst().map { (Double($0[1])!, Double($0[2])!) }
        let mean = pairs.reduce(0) { $0 + $1.0 } / Double(pairs.count)
        let residual = pairs.reduce(0) { $0 + ($1.1 - $1.0) * ($1.1 - $1.0) }
        let total = pairs.reduce(0) { $0 + ($1.0 - mean) * ($1.0 - mean) }
        #expect(abs((1 - residual / total) - r2) < 1e-9)

        let unlabelled = try EvalCommandTests.mlptop(["eval", "--model", model, "--data", files.bare,
                                                      "--predictions", predictions])
        #expect(unlabelled.status == 0, "\(unlabelled.standardError)")
        #expect(unlabelled.standardOutput.contains("no target column: predictions only"))
        #expect(try String(contentsOfFile: predictions, encoding: .utf8).hasPrefix("row,predicted\n"))
    }
}
