extension SnapshotWriter {
    /// A watched log's metrics.csv: one row per record kept (`MetricsLog`'s thinning), each with
    /// the log's own epoch (or step, as `facts.axis` names it), not the chart's running one, and
    /// only the values that record gave: a value it did not give (or gave as NaN) is an empty
    /// cell. After a restart a first column `segment` (1, 2, …) tells the repeated epochs apart.
    /// Gradient norms are per layer, weights only (a log gives no bias norms). Then a column per
    /// extra field (`WatchedFacts.extras`, in the order first seen, named as logged; quoted when
    /// the name holds a comma, quote or line break), empty where a record did not log it.
    static func watchedMetricsCSV(_ log: MetricsLog, facts: WatchedFacts) -> String {
        let rows = log.rowsForExport
        let extraRows = facts.extraLog.rowsForExport
        let layers = rows.map(\.gradientNorms.count).max() ?? 0
        let segmented = !facts.restarts.isEmpty
        var header = (segmented ? "segment," : "") + "\(facts.axis),train_loss,test_loss,train_accuracy,test_accuracy,lr"
        for layer in 0..<layers { header += ",grad_norm_w\(layer)" }
        for extra in facts.extras { header += "," + csvField(extra.name) }
        var text = header + "\n"
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
