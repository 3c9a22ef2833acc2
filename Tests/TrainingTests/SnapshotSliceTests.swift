import Datasets
import MLPEngine
import Testing
import Training

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
