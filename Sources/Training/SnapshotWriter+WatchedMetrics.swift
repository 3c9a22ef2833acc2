extension SnapshotWriter {
    /// A watched log's metrics.csv: one row per record kept (`MetricsLog`'s thinning), each with
    /// the log's own epoch (or step, as `facts.axis` names it), not the chart's running one, and
    /// only the values that record gave: a value it did not give (or gave as NaN) is an empty
    /// cell. After a restart a first column `segment` (1, 2, …) tells the repeated epochs apart.
    /// Gradient norms are per layer, weights only (a log gives no bias norms).
    static func watchedMetricsCSV(_ log: MetricsLog, facts: WatchedFacts) -> String {
        let rows = log.rowsForExport
        let layers = rows.map(\.gradientNorms.count).max() ?? 0
        let segmented = !facts.restarts.isEmpty
        var header = (segmented ? "segment," : "") + "\(facts.axis),train_loss,test_loss,train_accuracy,test_accuracy,lr"
        for layer in 0..<layers { header += ",grad_norm_w\(layer)" }
        var text = header + "\n"
        func cell(_ x: Double?) -> String { x.flatMap { $0.isNaN ? nil : $0.description } ?? "" }
        for row in rows {
            let (segment, epoch) = facts.logged(chartEpoch: row.epoch)
            var cells = segmented ? ["\(segment)"] : []
            cells.append("\(epoch)")
            cells += [row.trainLoss, row.testLoss, row.trainAccuracy, row.testAccuracy, row.learningRate].map(cell)
            cells += (0..<layers).map { $0 < row.gradientNorms.count ? cell(row.gradientNorms[$0].weights) : "" }
            text += cells.joined(separator: ",") + "\n"
        }
        return text
    }

    /// loss.svg's title: the source and the log's own epoch (or step) it is at, and the segment
    /// after a restart (`run.jsonl, epoch 12 (segment 2)`).
    static func watchedTitle(_ state: TrainerState, facts: WatchedFacts) -> String {
        let segment = facts.restarts.isEmpty ? "" : " (segment \(facts.restarts.count + 1))"
        return "\(facts.source), \(facts.axis) \(facts.loggedEpoch ?? state.epoch)\(segment)"
    }
}
