import Datasets

extension MonitorLoop.RunEntry {
    /// Shows the decision map (and the network view's pictures) on `slice` when it differs from
    /// the one on show and fits this run's data (same column count): the caches start afresh.
    mutating func show(_ slice: InputSlice?) {
        guard let slice, let current = dashboard.run.slice, current != slice,
              current.columnCount == slice.columnCount else { return }
        let run = dashboard.run.sliced(slice)
        dashboard.run = run
        networkView = NetworkView(dashboard: dashboard, keyMap: networkView.keyMap)
        confusionView = ConfusionView(dashboard: dashboard, keyMap: confusionView.keyMap)
        grid = DecisionGrid(run: run)
        pictures = NeuronPictureCache(run: run)
    }
}
