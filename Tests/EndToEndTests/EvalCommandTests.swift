import Foundation
import MLPEngine
import Testing
import TestSupport

/// `mlptop eval` run as a real process on real data: iris (class names) and wine (classes 1..3)
/// trained on four fifths of the rows and evaluated on the held-out fifth; predictions, files
/// without labels, and the documented failures.
@Suite("mlptop eval")
struct EvalCommandTests {
    static func mlptop(_ arguments: [String]) throws -> ProcessResult {
        try InspectCommandTests.mlptop(arguments)
    }

    /// `datasets/NAME.csv` cut into a training file (rows i with i mod 5 ≠ 2) and a held-out file
    /// (i mod 5 = 2: a fifth of every class, the files being sorted by class).
    static func split(_ name: String, in scratch: ProcessScratchDirectory) throws -> (train: String, heldOut: String) {
        let text = try String(contentsOfFile: InspectCommandTests.root + "/datasets/\(name).csv", encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let rows = lines.dropFirst().enumerated()
        let train = scratch.file("\(name)-train.csv"), heldOut = scratch.file("\(name)-held-out.csv")
        try ([lines[0]] + rows.filter { $0.offset % 5 != 2 }.map(\.element)).joined(separator: "\n")
            .appending("\n").write(toFile: train, atomically: true, encoding: .utf8)
        try ([lines[0]] + rows.filter { $0.offset % 5 == 2 }.map(\.element)).joined(separator: "\n")
            .appending("\n").write(toFile: heldOut, atomically: true, encoding: .utf8)
        return (train, heldOut)
    }

    /// Trains a 16-unit net (Adam, standardised inputs, 300 epochs) on `data`, saved to `model`.
    static func train(_ data: String, to model: String) throws {
        let trained = try mlptop(["train", "--headless", "--dataset", data, "--standardize", "--hidden", "16",
                                  "--optimizer", "adam", "--lr", "0.01", "--epochs", "300", "--test-fraction", "0",
                                  "--save", model])
        #expect(trained.status == 0, "\(trained.standardError)")
    }

    @Test(arguments: [("iris", [.string("setosa"), .string("versicolor"), .string("virginica")] as [JSONValue], 30),
                      ("wine", [.number("1"), .number("2"), .number("3")], 36)])
    func heldOutRowsOfRealDataAreClassifiedWell(_ name: String, _ classes: [JSONValue], _ heldOut: Int) throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-eval")
        let files = try Self.split(name, in: scratch)
        let model = scratch.file("m.json")
        try Self.train(files.train, to: model)
        let saved = try ModelFile.decode(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: model))))
        #expect(saved[metadata: "classes"] == .array(classes))
        let result = try Self.mlptop(["eval", "--model", model, "--data", files.heldOut, "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let report = try JSONParser.parse(result.standardOutput)
        #expect(report["format"] == .string("mlptop.eval/v1"))
        #expect(report["task"] == .string("classification"))
        #expect(report["samples"] == .number(heldOut))
        #expect(report["classes"] == .array(classes))
        let accuracy = try #require(report["accuracy"]?.doubleValue)
        print("eval: \(name) held out \(heldOut) rows, accuracy \(accuracy)")
        #expect(accuracy >= 0.93)
        let confusion = (report["confusion"]?.arrayValue ?? []).map { $0.arrayValue?.compactMap(\.intValue) ?? [] }
        #expect(confusion.count == 3 && confusion.allSatisfy { $0.count == 3 })
        #expect(confusion.joined().reduce(0, +) == heldOut)
        let right = (0..<3).reduce(0) { $0 + confusion[$1][$1] }
        #expect(Double(right) / Double(heldOut) == accuracy)
        // Each class's support is its row of the matrix.
        #expect(report["per_class"]?.arrayValue?.compactMap { $0["support"]?.intValue } == confusion.map { $0.reduce(0, +) })
    }

    @Test func predictionsNameTheClassesAndAFileWithoutLabelsGetsOnlyThem() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-eval")
        let files = try Self.split("iris", in: scratch)
        let model = scratch.file("m.json"), out = scratch.file("p.csv"), bare = scratch.file("bare.csv")
        try Self.train(files.train, to: model)
        let result = try Self.mlptop(["eval", "--model", model, "--data", files.heldOut, "--predictions", out])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("true \\ predicted  setosa  versicolor  virginica"))
        #expect(result.standardOutput.contains("class       precision  recall     f1  support"))
        let rows = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(rows.first == "row,label,p(setosa),p(versicolor),p(virginica),predicted")
        #expect(rows.count == 31)
        let first = rows[1].split(separator: ",").map(String.init)
        #expect(first[1] == "setosa" && first[5] == "setosa")
        #expect(abs(first[2...4].compactMap(Double.init).reduce(0, +) - 1) < 1e-12)

        // Only the input columns: predictions, no loss.
        let text = try String(contentsOfFile: files.heldOut, encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: ",").dropLast().joined(separator: ",") }.joined(separator: "\n")
        try text.write(toFile: bare, atomically: true, encoding: .utf8)
        let bareOut = scratch.file("bare-p.csv")
        let bareResult = try Self.mlptop(["eval", "--model", model, "--data", bare, "--json", "--predictions", bareOut])
        #expect(bareResult.status == 0, "\(bareResult.standardError)")
        let report = try JSONParser.parse(bareResult.standardOutput)
        #expect(report["loss"] == nil && report["accuracy"] == nil && report["samples"] == .number(30))
        let bareRows = try String(contentsOfFile: bareOut, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(bareRows.first == "row,p(setosa),p(versicolor),p(virginica),predicted")
        // The same predictions as with the labels.
        #expect(bareRows.dropFirst().map { $0.split(separator: ",").dropFirst().joined(separator: ",") }
                == rows.dropFirst().map { $0.split(separator: ",").dropFirst(2).joined(separator: ",") })
    }

    @Test func dataThatDoesNotFitTheModelIsStatus65NamingBoth() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-eval")
        let files = try Self.split("iris", in: scratch)
        let model = scratch.file("m.json"), wine = InspectCommandTests.root + "/datasets/wine.csv"
        try Self.train(files.train, to: model)
        let columns = try Self.mlptop(["eval", "--model", model, "--data", wine])
        #expect(columns.status == 65)
        #expect(columns.standardError == "mlptop: \(wine):1:1: the header has 14 columns but \(model) takes 4 input columns "
                + "(sepal_length, sepal_width, petal_length, petal_width), then optionally the label\n")
        let renamed = scratch.file("renamed.csv")
        try "a,b,c,d,species\n1,2,3,4,setosa\n".write(toFile: renamed, atomically: true, encoding: .utf8)
        let names = try Self.mlptop(["eval", "--model", model, "--data", renamed])
        #expect(names.status == 65)
        #expect(names.standardError == "mlptop: \(renamed):1:1: the columns (a, b, c, d) are not the input columns \(model) "
                + "was trained on (sepal_length, sepal_width, petal_length, petal_width)\n")
        let unknown = scratch.file("unknown.csv")
        try "sepal_length,sepal_width,petal_length,petal_width,species\n1,2,3,4,setosa\n1,2,3,4,virginca\n"
            .write(toFile: unknown, atomically: true, encoding: .utf8)
        let label = try Self.mlptop(["eval", "--model", model, "--data", unknown])
        #expect(label.status == 65)
        #expect(label.standardError == "mlptop: \(unknown):3:9: label \"virginca\" is not one of the classes of \(model) "
                + "(setosa, versicolor, virginica)\n")
        let unwritable = try Self.mlptop(["eval", "--model", model, "--data", files.heldOut,
                                          "--predictions", scratch.file("no/such/folder/p.csv")])
        #expect(unwritable.status == 73)
        #expect(unwritable.standardError.hasSuffix("p.csv: cannot create: no such file\n"))
        // A CSV given as the model says what a model is.
        let swapped = try Self.mlptop(["eval", "--model", files.heldOut, "--data", files.heldOut])
        #expect(swapped.status == 65)
        #expect(swapped.standardError == "mlptop: \(files.heldOut):1:1: not a model file (a model is the JSON mlptop writes: "
                + "--save, model.json): unexpected character 's'\n")
    }
}
