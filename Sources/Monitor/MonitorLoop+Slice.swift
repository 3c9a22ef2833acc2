import Datasets

extension MonitorLoop.RunEntry {
    /// Shows the decision map (and the network view's pictures) on `slice`'s two columns when
    /// they differ from those on show and fit this run's data (same column count), the other
    /// inputs at this run's own means: the caches start afresh.
    mutating func show(_ slice: InputSlice?) {
        guard let slice, var wanted = dashboard.run.slice, wanted.columnCount == slice.columnCount,
              (wanted.horizontal, wanted.vertical) != (slice.horizontal, slice.vertical) else { return }
        (wanted.horizontal, wanted.vertical) = (slice.horizontal, slice.vertical)
        let run = dashboard.run.sliced(wanted)
        dashboard.run = run
        networkView = NetworkView(dashboard: dashboard, keyMap: networkView.keyMap)
        confusionView = ConfusionView(dashboard: dashboard, keyMap: confusionView.keyMap)
        grid = DecisionGrid(run: run)
        pictures = NeuronPictureCache(run: run)
    }
}
