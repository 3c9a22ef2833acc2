import Foundation
import MLPEngine
import Monitor
import Testing
import Training

@Suite("Lesson files: fields as flags, locks, hidden panels, notes, and every refusal")
struct LessonTests {
    func parse(_ text: String) throws(LessonError) -> Lesson {
        try Lesson.parse(bytes: Array(text.utf8), file: "l.json")
    }

    /// The one-line error `text` gives, or nil when it parses.
    func error(_ text: String) -> String? {
        do { _ = try parse(text); return nil } catch { return "\(error.description) [\(error.exitStatus)]" }
    }

    @Test("every kind of field becomes its flag's arguments, in file order; null and false are the defaults")
    func fieldsBecomeArguments() throws {
        let lesson = try parse("""
            {"format": "mlptop.lesson/v1", "dataset": "xor", "n": 200, "noise": 0.1, "features": ["x1", "x2", "x1*x2"],
             "standardize": true, "hidden": [4, 2], "activation": "relu", "loss": null, "optimizer": "adam", "lr": 0.03,
             "beta1": 0.8, "weight-decay": 1e-4, "batch": "full", "epochs": 300, "seed": 18446744073709551615,
             "test-fraction": 0.25, "speed": 50, "ascii": false, "no-color": true}
            """)
        #expect(lesson.arguments == [
            "--dataset=xor", "--n=200", "--noise=0.1", "--features=x1,x2,x1*x2", "--standardize", "--hidden=4,2",
            "--activation=relu", "--optimizer=adam", "--lr=0.03", "--beta1=0.8", "--weight-decay=1e-4", "--batch=full",
            "--epochs=300", "--seed=18446744073709551615", "--test-fraction=0.25", "--speed=50", "--no-color",
        ])
        #expect(lesson.settings.map(\.field).prefix(3) == ["dataset", "n", "noise"])
        #expect(lesson.notes == nil && lesson.hiddenPanels.isEmpty && lesson.lock.isEmpty)
    }

    @Test("hidden and features also take the flag's string; [] is no hidden layer; batch takes a number")
    func stringForms() throws {
        #expect(try parse(#"{"hidden": "16,16", "features": "x1,x2"}"#).arguments == ["--hidden=16,16", "--features=x1,x2"])
        #expect(try parse(#"{"hidden": [], "batch": 32}"#).arguments == ["--hidden", "", "--batch=32"])
    }

    @Test("locked, hide and notes")
    func lessonExtras() throws {
        let lesson = try parse(#"{"locked": ["r", "+", "Space", "lr"], "hide": ["weights", "decision", "network"], "notes": "Two lines."}"#)
        #expect(lesson.lock.keys == ["r", "+", "Space"])
        #expect(lesson.lock.isLocked(setting: "lr") && !lesson.lock.isLocked(setting: "hidden"))
        #expect(lesson.lock.networkHidden)
        #expect(lesson.hiddenPanels == [.weights, .map, .network])
        #expect(lesson.notes == "Two lines.")
        #expect(lesson.arguments.isEmpty)
    }

    @Test("every refusal names the file and the field, with status 65", arguments: [
        (#"{"lr": 0.1, "learning-rate": 0.1}"#,
         "l.json: learning-rate: unknown field (a lesson takes the flags of mlptop train without their dashes, "
            + "and format, locked, hide and notes) [65]"),
        (#"{"lr": "0.1"}"#, "l.json: lr: must be a number, not a string [65]"),
        (#"{"dataset": 3}"#, "l.json: dataset: must be a string, not a number [65]"),
        (#"{"epochs": 2.5}"#, "l.json: epochs: must be a whole number, not 2.5 [65]"),
        (#"{"seed": true}"#, "l.json: seed: must be a whole number, not a boolean [65]"),
        (#"{"standardize": "yes"}"#, "l.json: standardize: must be true or false, not a string [65]"),
        (#"{"hidden": [16, "8"]}"#, "l.json: hidden: must be an array of layer sizes (whole numbers), not one with a string [65]"),
        (#"{"hidden": [1.5]}"#, "l.json: hidden: must be an array of layer sizes (whole numbers), not one with 1.5 [65]"),
        (#"{"hidden": {"a": 1}}"#, "l.json: hidden: must be an array of layer sizes or a string like \"16,16\", not an object [65]"),
        (#"{"features": [1]}"#, "l.json: features: must be an array of strings, not one with a number [65]"),
        (#"{"batch": true}"#, "l.json: batch: must be a whole number or \"full\", not a boolean [65]"),
        (#"{"locked": ["r", "R"]}"#,
         "l.json: locked: \"R\" is no key of the monitor (keys as the help names them: r, +, Space, Tab ...) and no setting [65]"),
        (#"{"locked": ["q"]}"#, "l.json: locked: q cannot be locked: quit (q), help (?) and Esc always work [65]"),
        (#"{"locked": "r"}"#, "l.json: locked: must be an array of strings, not a string [65]"),
        (#"{"hide": ["loss", "chart"]}"#, "l.json: hide: \"chart\" is no panel (panels: loss, map, weights, gradients, network) [65]"),
        (#"{"hide": ["loss", "map", "weights", "gradients"]}"#, "l.json: hide: cannot hide every panel of the dashboard [65]"),
        (#"{"notes": 3}"#, "l.json: notes: must be a string, not a number [65]"),
        (#"{"notes": "one\ntwo"}"#, "l.json: notes: must be one line of text (no line breaks, tabs or control characters) [65]"),
        (#"{"lr": 0.1, "lr": 0.2}"#, "l.json: lr: given twice [65]"),
        (#"{"format": "mlptop.model/v1"}"#, "l.json: format: must be \"mlptop.lesson/v1\" (or \"mlptop.run/v1\", a snapshot's run.json) [65]"),
        (#"{"config": "other.json"}"#, "l.json: config: is for the command line only [65]"),
        (#"["lr", 0.1]"#, "l.json: must be a JSON object, not an array [65]"),
        ("{\n  \"lr\": 0.1\n  \"seed\": 2\n}", "l.json:3:3: expected ',' or '}' in an object [65]"),
        ("", "l.json:1:1: unexpected end of input [65]"),
    ])
    func refusals(text: String, expected: String) {
        #expect(error(text) == expected)
    }

    @Test("a file that cannot be opened is status 66, naming it")
    func unreadable() {
        do {
            _ = try Lesson.read("/nonexistent/lesson.json")
            Issue.record("read a file that does not exist")
        } catch {
            #expect(error.description == "/nonexistent/lesson.json: cannot open: no such file" && error.exitStatus == 66)
        }
    }

    @Test("a snapshot's run.json gives its configuration's flags; the snapshot's history is ignored")
    func snapshotRunJSON() throws {
        var configuration = RunConfiguration()
        configuration.dataset = "moons"
        configuration.noise = 0.2
        configuration.hiddenSizes = [8]
        configuration.optimizer = OptimizerSettings(kind: .adam, learningRate: 0.02, l1: 0.001)
        configuration.batch = .samples(64)
        configuration.testFraction = 0.3
        configuration.threads = 2
        let run = JSONValue.object([
            ("format", .string("mlptop.run/v1")), ("epoch", .number(40)), ("configuration", configuration.json),
            ("resume", .object([("epoch", .number(40))])), ("weights_seed", .null), ("learning_rate_changes", .array([])),
            ("commands", .array([])), ("metrics_rule", .string("after-epoch")), ("files", .array([])),
            ("something_later", .bool(true)),
        ])
        let lesson = try Lesson.parse(bytes: Array(run.formatted().utf8), file: "run.json")
        #expect(lesson.arguments == [
            "--dataset=moons", "--noise=0.2", "--hidden=8", "--activation=tanh", "--optimizer=adam", "--lr=0.02",
            "--beta1=0.9", "--beta2=0.999", "--eps=1e-08", "--weight-decay=0.0", "--l1=0.001", "--batch=64", "--epochs=0",
            "--seed=1", "--test-fraction=0.3", "--threads=2",
        ])
        #expect(lesson.settings.first { $0.flag == "weight-decay" }?.field == "configuration.optimizer.weight_decay")
    }

    @Test("a snapshot's momentum and Adam parameters are kept for their optimiser only")
    func snapshotOptimizerParameters() throws {
        let text = #"{"format": "mlptop.run/v1", "configuration": {"dataset": "xor", "hidden": [2], "activation": "tanh", "#
            + #""optimizer": {"kind": "sgd", "lr": 0.1, "momentum": 0.9, "beta1": 0.9, "beta2": 0.999, "eps": 1e-08}, "seed": 3}}"#
        #expect(try parse(text).arguments == ["--dataset=xor", "--hidden=2", "--activation=tanh", "--optimizer=sgd", "--lr=0.1",
                                              "--seed=3"])
    }

    @Test("a snapshot's configuration is read strictly", arguments: [
        (#"{"format": "mlptop.run/v1"}"#, "l.json: configuration: missing (a snapshot's run.json has one) [65]"),
        (#"{"format": "mlptop.run/v1", "configuration": []}"#, "l.json: configuration: must be an object, not an array [65]"),
        (#"{"format": "mlptop.run/v1", "configuration": {"dataset": "xor", "colour": 1}}"#,
         "l.json: configuration.colour: unknown field [65]"),
        (#"{"format": "mlptop.run/v1", "configuration": {"optimizer": {"kind": "sgd", "nesterov": true}}}"#,
         "l.json: configuration.optimizer.nesterov: unknown field [65]"),
        (#"{"format": "mlptop.run/v1", "configuration": {"test_fraction": "0.2"}}"#,
         "l.json: configuration.test_fraction: must be a number, not a string [65]"),
    ])
    func snapshotRefusals(text: String, expected: String) {
        #expect(error(text) == expected)
    }

    @Test("every field is a flag of mlptop train, and none twice")
    func fieldTable() {
        let names = LessonField.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names.allSatisfy { !$0.hasPrefix("-") && $0 == $0.lowercased() })
    }
}
