import Foundation
import Testing
import TestSupport

/// `--slice`: the two input columns the decision map and boundary.svg start on, named or numbered,
/// and the one-line errors (status 64) for pairs that are not two different input columns.
@Suite("mlptop train --slice")
struct SliceOptionTests {
    static let iris = OwnDataMonitorEndToEndTests.iris

    @Test("headless: boundary.svg and screen.txt show the columns --slice names (a name and a number)")
    func headlessSnapshotShowsTheRequestedSlice() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-slice-option")
        let snapshots = scratch.file("snapshots")
        let result = try HeadlessTrainTests.mlptop(["train", "--dataset", Self.iris, "--standardize", "--epochs", "20",
                                                    "--slice", "petal_length,4", "--snapshot-dir", snapshots,
                                                    "--snapshot-on-exit"])
        #expect(result.status == 0, "\(result.standardError)")
        let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: snapshots).first { !$0.hasPrefix(".") })
        let svg = try String(contentsOfFile: "\(snapshots)/\(folder)/boundary.svg", encoding: .utf8)
        #expect(svg.contains("slice: petal_length × petal_width, the other 2 inputs at their training means"))
        let screen = try String(contentsOfFile: "\(snapshots)/\(folder)/screen.txt", encoding: .utf8)
        #expect(screen.contains("Slice x: petal_length, y: petal_width"), "\(screen)")
        // Without the flag: the first two columns.
        let plain = scratch.file("plain")
        let first = try HeadlessTrainTests.mlptop(["train", "--dataset", Self.iris, "--epochs", "1", "--snapshot-dir", plain,
                                                   "--snapshot-on-exit"])
        #expect(first.status == 0, "\(first.standardError)")
        let plainFolder = try #require(try FileManager.default.contentsOfDirectory(atPath: plain).first { !$0.hasPrefix(".") })
        #expect(try String(contentsOfFile: "\(plain)/\(plainFolder)/boundary.svg", encoding: .utf8)
            .contains("slice: sepal_length × sepal_width"))
        // --resume takes --slice too (a display flag): the resumed run's snapshot shows it.
        let resumed = scratch.file("resumed")
        let again = try HeadlessTrainTests.mlptop(["train", "--resume", "\(snapshots)/\(folder)", "--epochs", "30",
                                                   "--slice", "3,4", "--snapshot-dir", resumed, "--snapshot-on-exit"])
        #expect(again.status == 0, "\(again.standardError)")
        let resumedFolder = try #require(try FileManager.default.contentsOfDirectory(atPath: resumed).first { !$0.hasPrefix(".") })
        #expect(try String(contentsOfFile: "\(resumed)/\(resumedFolder)/boundary.svg", encoding: .utf8)
            .contains("slice: petal_length × petal_width"))
    }

    @Test("a snapshot records the slice: show and --resume start on it, --slice overrides it, older ones still load")
    func aSnapshotRecordsTheSliceOnScreen() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-slice-recorded")
        let snapshots = scratch.file("snapshots")
        let trained = try HeadlessTrainTests.mlptop(["train", "--dataset", Self.iris, "--epochs", "5",
                                                     "--slice", "petal_length,4", "--snapshot-dir", snapshots,
                                                     "--snapshot-on-exit"])
        #expect(trained.status == 0, "\(trained.standardError)")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: snapshots).first { !$0.hasPrefix(".") })
        let folder = "\(snapshots)/\(name)"
        let runJSON = try String(contentsOfFile: folder + "/run.json", encoding: .utf8)
        #expect(runJSON.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: " ", with: "")
            .contains(#""slice":{"columns":[3,4],"horizontal":"petal_length","vertical":"petal_width"}"#), "\(runJSON)")
        func shown(_ folder: String) throws -> String {
            let result = try HeadlessTrainTests.mlptop(["show", folder, "--print"])
            #expect(result.status == 0, "\(result.standardError)")
            return result.standardOutput
        }
        #expect(try shown(folder).contains("Slice x: petal_length, y: petal_width"))
        func resumedBoundary(_ extra: [String], into directory: String) throws -> String {
            let result = try HeadlessTrainTests.mlptop(["train", "--resume", folder, "--epochs", "6", "--snapshot-dir",
                                                        directory, "--snapshot-on-exit"] + extra)
            #expect(result.status == 0, "\(result.standardError)")
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: directory).first { !$0.hasPrefix(".") })
            return try String(contentsOfFile: "\(directory)/\(name)/boundary.svg", encoding: .utf8)
        }
        #expect(try resumedBoundary([], into: scratch.file("resumed")).contains("slice: petal_length × petal_width"))
        #expect(try resumedBoundary(["--slice", "2,1"], into: scratch.file("overridden"))
            .contains("slice: sepal_width × sepal_length"))
        // A snapshot from before the slice was recorded: the first two columns.
        let old = scratch.file("old")
        try FileManager.default.copyItem(atPath: folder, toPath: old)
        var members = try #require(try JSONSerialization.jsonObject(with: Data(runJSON.utf8)) as? [String: Any])
        #expect(members.removeValue(forKey: "slice") != nil)
        try JSONSerialization.data(withJSONObject: members).write(to: URL(fileURLWithPath: old + "/run.json"))
        #expect(try shown(old).contains("Slice x: sepal_length, y: sepal_width"))
    }

    @Test("a pair that is not two different input columns: one line, status 64, nothing trained", arguments: [
        ("petal_length,nope", "mlptop: --slice petal_length,nope: no input column 'nope' (the columns: sepal_length, "
            + "sepal_width, petal_length, petal_width, or 1–4)"),
        ("3,3", "mlptop: --slice 3,3: the two axes must be different columns"),
        ("petal_width,3", nil),
        ("1,2,3", "mlptop: --slice 1,2,3: give two input columns, e.g. --slice sepal_length,sepal_width"),
        ("0,1", "mlptop: --slice 0,1: no input column '0' (the columns: sepal_length, sepal_width, petal_length, "
            + "petal_width, or 1–4)"),
    ] as [(String, String?)])
    func refusesPairsThatAreNotTwoColumns(slice: String, message: String?) throws {
        let result = try HeadlessTrainTests.mlptop(["train", "--dataset", Self.iris, "--epochs", "1", "--slice", slice])
        if let message {
            #expect(result.status == 64)
            #expect(result.standardError == message + "\n")
            #expect(!result.standardOutput.contains("done:"))
        } else {
            #expect(result.status == 0, "\(result.standardError)")
        }
    }

    @Test("data with one input column has no slice to choose")
    func oneColumnDataIsRefused() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-slice-one")
        let rows = (0..<20).map { "\(Double($0) / 10),\($0 % 2)" }
        try (["x,label"] + rows).joined(separator: "\n").write(toFile: scratch.file("one.csv"), atomically: true, encoding: .utf8)
        let result = try HeadlessTrainTests.mlptop(["train", "--dataset", scratch.file("one.csv"), "--epochs", "1",
                                                    "--slice", "x,x"])
        #expect(result.status == 64)
        #expect(result.standardError == "mlptop: --slice x,x: the data has 1 input column, a slice needs two\n")
    }
}
