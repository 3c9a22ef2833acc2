extension SnapshotWriter {
    /// A watched log's metrics.csv: one row per record kept (`MetricsLog`'s thinning), each with
    /// the log's own epoch (or step, as `facts.axis` names it), not the chart's running one, and
    /// only the values that record gave: a value it did not give (or gave as NaN) is an empty
    /// cell. After a restart a first column `segment` (1, 2, …) tells the repeated epochs apart.
    /// Gradient norms are per layer, weights only (a log gives no bias norms). Then a column per
    /// extra field (`WatchedFacts.extras`, in the order first seen, named as logged, or `extra_` +
    /// the name when that is a column already; quoted when the name holds a comma, quote or line
    /// break), empty where a record did not log it.
    static func watchedMetricsCSV(_ log: MetricsLog, facts: WatchedFacts) -> String {
        let rows = log.rowsForExport
        let extraRows = facts.extraLog.rowsForExport
        let layers = rows.map(\.gradientNorms.count).max() ?? 0
        let segmented = !facts.restarts.isEmpty
        var columns = (segmented ? ["segment"] : []) + [facts.axis, "train_loss", "test_loss", "train_accuracy", "test_accuracy", "lr"]
        columns += (0..<layers).map { "grad_norm_w\($0)" }
        columns = uniqueColumns(columns, extras: facts.extras.map(\.name))
        var text = columns.map(csvField).joined(separator: ",") + "\n"
        func cell(_ x: Double?) -> String { x.flatMap { $0.isNaN ? nil : $0.description } ?? "" }
        for (index, row) in rows.enumerated() {
            // The two logs keep the same rows (same epochs, same thinning); checked, not assumed.
            let extraRow = extraRows.count == rows.count && extraRows[index].epoch == row.epoch ? extraRows[index] : nil
            let (segment, epoch) = facts.logged(chartEpoch: row.epoch)
            var cells = segmented ? ["\(segment)"] : []
            cells.append("\(epoch)")
            cells += [row.trainLoss, row.testLoss, row.trainAccuracy, row.testAccuracy, row.learningRate].map(cell)
            cells += (0..<layers).map { $0 < row.gradientNorms.count ? cell(row.gradientNorms[$0].weights) : "" }
            cells += facts.extras.indices.map { cell(extraRow?.value($0)) }
            text += cells.joined(separator: ",") + "\n"
        }
        return text
    }

    /// `builtIn` followed by the extra fields' column names, each extra as logged unless that name
    /// is already a column (`segment`, `epoch`, `grad_norm_w0`, …, or an earlier extra's column):
    /// then `extra_` + its name, and `~2`, `~3`… while that is taken too.
    static func uniqueColumns(_ builtIn: [String], extras: [String]) -> [String] {
        var columns = builtIn
        var taken = Set(builtIn)
        for name in extras {
            var column = taken.contains(name) ? "extra_" + name : name
            var suffix = 2
            while taken.contains(column) {
                column = "extra_\(name)~\(suffix)"
                suffix += 1
            }
            taken.insert(column)
            columns.append(column)
        }
        return columns
    }

    /// A CSV header cell: `name` as is, or quoted (quotes doubled) when it holds a comma, quote or line break.
    static func csvField(_ name: String) -> String {
        guard name.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return name }
        return "\"" + name.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\""
    }

    /// loss.svg's title: the source and the log's own epoch (or step) it is at, and the segment
    /// after a restart (`run.jsonl, epoch 12 (segment 2)`).
    static func watchedTitle(_ state: TrainerState, facts: WatchedFacts) -> String {
        let segment = facts.restarts.isEmpty ? "" : " (segment \(facts.restarts.count + 1))"
        return "\(facts.source), \(facts.axis) \(facts.loggedEpoch ?? state.epoch)\(segment)"
    }
}
