import Datasets

extension MonitorLoop.RunEntry {
    /// Shows the decision map (and the network view's pictures) on `slice`'s two columns when
    /// they differ from those on show and are this run's data's columns (the same names), the other
    /// inputs at this run's own means: the caches start afresh.
    mutating func show(_ slice: InputSlice?) {
        let run = dashboard.run.showing(slice)
        guard run.slice != dashboard.run.slice else { return }
        dashboard.run = run
        networkView = NetworkView(dashboard: dashboard, keyMap: networkView.keyMap)
        confusionView = ConfusionView(dashboard: dashboard, keyMap: confusionView.keyMap)
        grid = DecisionGrid(run: run)
        pictures = NeuronPictureCache(run: run)
    }
}
