import Foundation
import Datasets
import MLPEngine
import Testing
@testable import Training

/// run.json's `"slice"`: the decision map's columns on screen when the snapshot was taken, read
/// back strictly (a bad one is status 65 naming run.json), absent in older snapshots.
struct SnapshotSliceTests {
    static let data = Dataset(name: "d", featureNames: ["a", "b", "c", "d"],
                              features: [1, 2, 3, 4, 3, 4, 5, 6], labels: [0, 1], classCount: 2)

    @Test func aSliceRoundTripsThroughItsJSON() throws {
        let slice = InputSlice(of: Self.data, horizontal: 2, vertical: 0)
        let json = SnapshotSlice.json(slice)
        #expect(json["columns"]?.arrayValue?.compactMap(\.intValue) == [3, 1])
        #expect(json["horizontal"]?.stringValue == "c" && json["vertical"]?.stringValue == "a")
        let read = try SnapshotSlice.read(json, runPath: "s/run.json", data: Self.data)
        #expect(read == slice)
        #expect(read?.means == [2, 3, 4, 5])
    }

    /// The settings panel can change a run's data under the slice on screen: a snapshot then has
    /// the old data's slice in hand. It trapped in boundary.svg (2 → 4 columns: a point of 2
    /// numbers for a 4-input net; 4 → 2: a column beyond the data) and, 4 → 4, recorded the old
    /// names, which `show` then refused. The slice is used only if it is of the run's own columns.
    @Test(arguments: [["a", "b"], ["a", "b", "c", "d"], ["x", "y", "z", "w", "v"]])
    func aSliceOfOtherDataIsNotUsed(columns: [String]) throws {
        let (prepared, checkpoint) = try RegressionFilesTests.trainedPlane(epochs: 2)
        let count = columns.count
        let other = Dataset(name: "o", featureNames: columns, features: (0..<(2 * count)).map(Double.init),
                            labels: [0, 1], classCount: 2)
        let slice = InputSlice(of: other, horizontal: count - 1, vertical: 0)
        let files = Dictionary(uniqueKeysWithValues: SnapshotWriter.files(checkpoint, run: prepared, screen: nil, slice: slice))
        let run = try JSONParser.parse(try #require(files["run.json"]))
        #expect(run["slice"] == .null, "the plane data's columns are x1, x2: no slice of \(columns)")
        #expect(files["boundary.svg"]?.contains("<svg") == true)
    }

    @Test func aSliceOfTheRunsOwnColumnsIsRecordedWithItsMeans() throws {
        let (prepared, checkpoint) = try RegressionFilesTests.trainedPlane(epochs: 2)
        let own = InputSlice(of: prepared.rawTrainingSet, horizontal: 1, vertical: 0)
        var stale = own
        stale.means = stale.means.map { $0 + 100 }
        let files = Dictionary(uniqueKeysWithValues: SnapshotWriter.files(checkpoint, run: prepared, screen: nil, slice: stale))
        let run = try JSONParser.parse(try #require(files["run.json"]))
        #expect(run["slice"]?["columns"]?.arrayValue?.compactMap(\.intValue) == [2, 1])
        #expect(try SnapshotSlice.read(run["slice"], runPath: "run.json", data: prepared.rawTrainingSet) == own)
    }

    @Test func networkSVGDrawsTheNeuronsOnTheSliceOnScreenAndNamesIt() throws {
        var c = RunConfiguration()
        c.dataset = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path + "/datasets/iris.csv"
        c.hiddenSizes = [3]
        let prepared = try c.prepare()
        let network = prepared.freshNetwork(seed: 1)
        let slice = InputSlice(of: prepared.rawTrainingSet, horizontal: 2, vertical: 3)
        let moved = SnapshotPictures.network(run: prepared, network: network, epoch: 0, slice: slice)
        #expect(moved.contains("; slice: petal_length × petal_width, the other 2 inputs at their training means"))
        let first = SnapshotPictures.network(run: prepared, network: network, epoch: 0)
        #expect(first.contains("; slice: sepal_length × sepal_width, the other 2 inputs at their training means"))
    }

    @Test func olderSnapshotsWithoutASliceShowTheFirstTwoColumns() throws {
        #expect(try SnapshotSlice.read(nil, runPath: "s/run.json", data: Self.data) == nil)
        #expect(try SnapshotSlice.read(.null, runPath: "s/run.json", data: Self.data) == nil)
    }

    @Test(arguments: [
        (#"{"columns": [1, 5]}"#, #"s/run.json: "slice": columns 1,5 are not among the data's 4 input columns"#),
        (#"{"columns": [2, 2]}"#, #"s/run.json: "slice": the two axes must be different columns"#),
        (#"{"columns": [1]}"#, #"s/run.json: "slice": must be {"columns": [H, V], …} with two whole column numbers"#),
        (#"[1, 2]"#, #"s/run.json: "slice": must be {"columns": [H, V], …} with two whole column numbers"#),
        (#"{"columns": [1, 2], "vertical": "c"}"#,
         #"s/run.json: "slice": vertical column 2 is 'c', but the data's column 2 is 'b'"#),
    ])
    func aBadSliceIsABadSnapshot(text: String, message: String) throws {
        let value = try JSONParser.parse(bytes: Array(text.utf8))
        #expect(throws: RunSetupError(message, exitStatus: 65)) {
            try SnapshotSlice.read(value, runPath: "s/run.json", data: Self.data)
        }
    }
}
