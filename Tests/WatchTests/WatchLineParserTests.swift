import Testing
@testable import Watch

@Suite struct WatchLineParserTests {
    func parse(_ text: String) throws -> WatchRecord { try WatchLineParser.parse(Array(text.utf8)) }

    @Test func readsMlptopsOwnLogLine() throws {
        let line = #"{"epoch": 12, "train_loss": 0.25, "test_loss": null, "train_accuracy": 0.9, "#
            + #""test_accuracy": 0.875, "lr": 0.1, "grad_norms": [[0.5, 0.125], [0.25, 0.0625]], "seconds": 0.002}"#
        let record = try parse(line)
        #expect(record.testLoss?.isNaN == true)
        #expect(record.trainLoss == 0.25 && record.learningRate == 0.1 && record.seconds == 0.002)
        #expect(record.gradientNorms == [0.5, 0.25])
    }

    @Test func keepsStepTimeWeightsAndExtrasInOrder() throws {
        let record = try parse(#"{"epoch":3,"step":300,"time":1764490000.5,"weights":[[[1,2],[3,4]],[[5,6]]],"#
                               + #""f1":0.5,"note":"text","ok":true,"obj":{"a":[1,{"b":null}]},"bleu":-1e-3}"#)
        #expect(record.step == 300)
        #expect(record.time == 1_764_490_000.5)
        #expect(record.weights == [[[1, 2], [3, 4]], [[5, 6]]])
        #expect(record.extras == [.init(name: "f1", value: 0.5), .init(name: "bleu", value: -0.001)])
    }

    @Test func numbersAreCorrectlyRounded() throws {
        for value in [0.1, 1e-300, 123456.789e10, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude] {
            #expect(try parse("{\"epoch\": 1, \"x\": \(value)}").extras.first?.value == value)
        }
    }

    @Test(arguments: [
        ("", 1, "not a JSON object"),
        ("[1]", 1, "not a JSON object"),
        (#"{"train_loss": 1}"#, 18, #"no "epoch" field"#),
        (#"{"epoch": 1.5}"#, 14, #""epoch" is 1.5, not a whole number"#),
        (#"{"epoch": "3"}"#, 14, #""epoch" is not a number"#),
        (#"{"epoch": 1, "x": NaN}"#, 19, "unexpected character 'N'"),
        (#"{"epoch": 1, "x": 01}"#, 20, #"expected ',' or '}' after the value of "x""#),
        (#"{"epoch": 1, "x": 1.}"#, 21, "a number needs digits after '.'"),
        (#"{"epoch": 1} x"#, 14, "unexpected text after the JSON object"),
        (#"{"epoch": 1, "tr"#, 17, "a string is not closed"),
        (#"{"epoch": 1, "grad_norms": ["a"]}"#, 29, #""grad_norms" holds something that is not a number"#),
        (#"{"epoch": 1, "weights": [1]}"#, 28, #""weights" must be a list of matrices"#),
        (#"{"epoch": 3, "train_loss": "a"}"#, 31, #""train_loss" is not a number"#),
        (#"{"epoch": 3, "lr": true}"#, 24, #""lr" is not a number"#),
        (#"{"epoch": 3, "step": [1]}"#, 25, #""step" is not a number"#),
        (#"{"epoch": 3, "grad_norms": "x"}"#, 31, #""grad_norms" is not a list"#),
        (#"{"epoch": 3, "train_accuracy": 7}"#, 33, #""train_accuracy" is 7.0, outside 0…1 (an accuracy is a fraction)"#),
        (#"{"epoch": 3, "test_accuracy": -0.5}"#, 35, #""test_accuracy" is -0.5, outside 0…1 (an accuracy is a fraction)"#),
    ])
    func rejectsWithAReason(line: String, column: Int, reason: String) {
        #expect(throws: WatchLineParser.Failure(reason: reason, column: column)) { try parse(line) }
    }

    /// `null` is the protocol's non-finite value: NaN for a loss or accuracy, absent for the rest;
    /// accuracies at the ends of 0…1 and other fields' strings are kept.
    @Test func nullAndBoundaryAccuraciesAreNotBadLines() throws {
        let record = try parse(#"{"epoch": 3, "train_accuracy": 0, "test_accuracy": 1, "test_loss": null, "#
                               + #""lr": null, "step": null, "time": null, "phase": "train"}"#)
        #expect(record.trainAccuracy == 0 && record.testAccuracy == 1 && record.testLoss?.isNaN == true)
        #expect(record.learningRate == nil && record.step == nil && record.time == nil && record.extras.isEmpty)
    }

    /// Where the reader reports it: `file:line:column: reason`, as every other file error reads.
    @Test func theMessageNamesFileLineAndColumnAsOtherFileErrorsDo() {
        #expect(WatchLineParser.Failure(reason: "not a JSON object", column: 1).message(file: "run.jsonl", line: 6)
                == "run.jsonl:6:1: not a JSON object")
        #expect(WatchLineParser.Failure(reason: "3 cells, but the header has 4").message(file: "m.csv", line: 2)
                == "m.csv:2: 3 cells, but the header has 4")
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let line = #"{"epoch": 1, "x": "# + String(repeating: "[", count: 100_000)
        #expect(throws: WatchLineParser.Failure.self) { try parse(line) }
    }

    @Test func escapedKeysAreDecoded() throws {
        #expect(try parse(#"{"epoch": 1, "a\u00e9": 2}"#).extras == [.init(name: "aé", value: 2)])
    }
}
