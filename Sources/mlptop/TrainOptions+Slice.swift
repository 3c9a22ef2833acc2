import Datasets
import Monitor
import Training

extension TrainOptions {
    /// The slice `--slice` asks for on `run`'s raw input columns, or nil when it is not given.
    ///
    /// `--slice A,B` names the horizontal and the vertical column by their header names or by
    /// their 1-based numbers (`3,4`). Throws a one-line message (status 64) for an unknown column,
    /// the same column twice, a malformed pair, or data with fewer than two input columns.
    /// Without `--slice`, a `--resume` run starts on the slice its snapshot recorded (if any).
    func requestedSlice(for run: PreparedRun) throws(RunSetupError) -> InputSlice? {
        guard let slice else {
            guard let resume else { return nil }
            return try SnapshotReader.slice(resume, of: run)
        }
        let data = run.rawTrainingSet
        let names = data.featureNames
        func fail(_ reason: String) -> RunSetupError {
            RunSetupError("--slice \(slice): \(reason)", exitStatus: 64)
        }
        guard data.featureCount >= 2 else {
            throw fail("the data has \(data.featureCount) input column, a slice needs two")
        }
        let parts = slice.split(separator: ",", omittingEmptySubsequences: false).map {
            String($0).trimmingCharacters(in: .whitespaces)
        }
        guard parts.count == 2 else { throw fail("give two input columns, e.g. --slice \(names[0]),\(names[1])") }
        var columns: [Int] = []
        for part in parts {
            if let index = names.firstIndex(of: part) {
                columns.append(index)
            } else if let number = Int(part), (1...names.count).contains(number) {
                columns.append(number - 1)
            } else {
                throw fail("no input column '\(part)' (the columns: \(names.joined(separator: ", ")), or 1–\(names.count))")
            }
        }
        guard columns[0] != columns[1] else { throw fail("the two axes must be different columns") }
        return InputSlice(of: data, horizontal: columns[0], vertical: columns[1])
    }

    /// `run` as the monitor draws it, on the `--slice` columns when given (checked when the run
    /// was prepared, so a bad slice cannot reach here).
    func monitorRunInfo(for run: PreparedRun) -> MonitorRunInfo {
        let info = MonitorRunInfo(prepared: run)
        guard let slice = try? requestedSlice(for: run) else { return info }
        return info.sliced(slice)
    }
}
