import Datasets
import MLPEngine

/// The decision map's slice as a snapshot's `run.json` records it, so `show` and `--resume` start
/// on the columns that were on screen:
///
/// ```
/// "slice": {"columns": [3, 4], "horizontal": "petal_length", "vertical": "petal_width"}
/// ```
///
/// `columns` are 1-based, as `--slice` takes them; the names say which columns they were. A
/// snapshot without the member (older ones) or with `null` shows the first two columns.
public enum SnapshotSlice {
    public static func json(_ slice: InputSlice) -> JSONValue {
        .object([
            ("columns", .array([slice.horizontal, slice.vertical].map { JSONValue.number($0 + 1) })),
            ("horizontal", .string(slice.axisNames[0])),
            ("vertical", .string(slice.axisNames[1])),
        ])
    }

    /// The slice `value` (run.json's `"slice"`, at `runPath`) records, through `data`'s training
    /// means; nil when absent or null. Columns out of range, equal, or named otherwise than `data`
    /// names them are a bad snapshot (status 65).
    public static func read(_ value: JSONValue?, runPath: String, data: Dataset) throws(RunSetupError) -> InputSlice? {
        guard let value, value != .null else { return nil }
        func fail(_ reason: String) -> RunSetupError {
            RunSetupError("\(runPath): \"slice\": \(reason)", exitStatus: 65)
        }
        let columns = value["columns"]?.arrayValue?.compactMap(\.intValue) ?? []
        guard value.objectValue != nil, value["columns"]?.arrayValue?.count == 2, columns.count == 2 else {
            throw fail("must be {\"columns\": [H, V], …} with two whole column numbers")
        }
        guard data.featureCount >= 2, columns.allSatisfy({ (1...data.featureCount).contains($0) }) else {
            throw fail("columns \(columns[0]),\(columns[1]) are not among the data's \(data.featureCount) input columns")
        }
        guard columns[0] != columns[1] else { throw fail("the two axes must be different columns") }
        for (key, column) in zip(["horizontal", "vertical"], columns) {
            guard let name = value[key] else { continue }
            let actual = data.featureNames[column - 1]
            guard name.stringValue == actual else {
                throw fail("\(key) column \(column) is '\(name.stringValue ?? name.kindName)', but the data's column "
                           + "\(column) is '\(actual)'")
            }
        }
        return InputSlice(of: data, horizontal: columns[0] - 1, vertical: columns[1] - 1)
    }
}

extension SnapshotReader {
    /// The slice the snapshot in `directory` was showing (nil: the first two columns), on
    /// `run`'s raw training data (`run` as `resume` prepared it from the same folder).
    public static func slice(_ directory: String, of run: PreparedRun) throws(RunSetupError) -> InputSlice? {
        let runPath = directory + "/run.json"
        return try SnapshotSlice.read(try readJSON(runPath)["slice"], runPath: runPath, data: run.rawTrainingSet)
    }
}
