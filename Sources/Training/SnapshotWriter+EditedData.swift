import Datasets
import MLPEngine

extension SnapshotWriter {
    /// The file that holds a run's edited data.
    static let editedDataFile = "data.csv"

    /// The edited data as CSV: the raw training rows, then the raw test rows (the split is kept,
    /// not drawn again, so a resume trains on exactly these rows).
    static func editedDataCSV(_ run: PreparedRun) -> String {
        CSVDatasetWriter.text(of: run.rawTrainingSet.appending(run.rawTestSet))
    }

    /// run.json's `"data"`: `{"file": "data.csv", "training_rows": 401, "name": "spiral"}`.
    static func editedDataJSON(_ run: PreparedRun) -> JSONValue {
        .object([("file", .string(editedDataFile)), ("training_rows", .number(run.rawTrainingSet.count)),
                 ("name", .string(run.rawData.name))])
    }
}

extension SnapshotReader {
    /// The split data of a snapshot whose run.json has `"data"` (data edited on the decision map),
    /// or nil when it has none: data.csv's first `training_rows` rows train, the rest test.
    static func editedData(_ directory: String, run: JSONValue) throws(RunSetupError) -> (train: Dataset, test: Dataset)? {
        guard let data = run["data"], data != .null else { return nil }
        let runPath = directory + "/run.json"
        guard data["file"]?.stringValue == SnapshotWriter.editedDataFile, let rows = data["training_rows"]?.intValue, rows >= 1 else {
            throw RunSetupError("\(runPath): \"data\" must name \(SnapshotWriter.editedDataFile) and its training_rows (1 or more)",
                                exitStatus: 65)
        }
        var all: Dataset
        do { all = try CSVDatasetReader.read(path: directory + "/" + SnapshotWriter.editedDataFile) } catch {
            throw RunSetupError(error.description, exitStatus: error.exitStatus)
        }
        guard rows <= all.count else {
            throw RunSetupError("\(runPath): training_rows \(rows) but \(SnapshotWriter.editedDataFile) has \(all.count) rows",
                                exitStatus: 65)
        }
        if let name = data["name"]?.stringValue { all.name = name }
        return (all.selecting(rows: Array(0..<rows)), all.selecting(rows: Array(rows..<all.count)))
    }
}
