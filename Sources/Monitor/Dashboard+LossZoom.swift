import TerminalUI
import Training

extension Dashboard {
    /// The loss chart's zoom window and read-out from `view.lossChart`: `readoutRows` (the other
    /// visible runs, pinned ones first) with the run on show's own row after the pinned ones, or
    /// first when it is pinned itself.
    func configureZoom(_ chart: inout LossChart, state: TrainerState, view: MonitorViewState, readoutRows: [LossReadout.Row]) {
        if let window = view.lossChart.window { chart.epochWindow = Double(window.lowerBound)...Double(window.upperBound) }
        guard let cursor = view.lossChart.cursor else { return }
        let sideBySide = view.runLabels.count > 1
        let selected = min(view.selectedRun, view.runLabels.count - 1)
        let own = LossReadout.Row(
            name: sideBySide ? Self.runName(selected, label: view.runLabels[selected], pinned: view.pinnedRuns.contains(selected))
                : "train/test",
            style: sideBySide ? theme.runStyle(selected) : theme.trainSeries, marker: theme.glyphs.trainMarker,
            train: state.history.trainLoss.value(atEpoch: cursor), test: state.history.testLoss.value(atEpoch: cursor),
            shortName: sideBySide ? Self.runName(selected, label: Self.legendValues(view.runLabels[selected]),
                                                 pinned: view.pinnedRuns.contains(selected)) : "loss")
        // `readoutRows` come pinned first; the run on show goes first of all when pinned, else after them.
        var rows = readoutRows
        let pinnedOthers = view.pinnedRuns.contains(selected) ? 0 : view.pinnedRuns.filter { $0 != selected }.count
        rows.insert(own, at: min(pinnedOthers, rows.count))
        chart.readout = LossReadout(epoch: Double(cursor), rows: sideBySide ? rows : [own])
    }

    /// `2 lr=0.3`, with `*` after the number when the run is pinned.
    public static func runName(_ index: Int, label: String, pinned: Bool) -> String {
        "\(index + 1)\(pinned ? "*" : "") \(label)"
    }

    /// Run `index`'s row of the read-out at `epoch`, from its own history.
    public func readoutRow(_ index: Int, label: String, pinned: Bool, history: LossHistory, at epoch: Int) -> LossReadout.Row {
        LossReadout.Row(name: Self.runName(index, label: label, pinned: pinned), style: theme.runStyle(index),
                        marker: theme.glyphs.trainMarker, train: history.trainLoss.value(atEpoch: epoch),
                        test: history.testLoss.value(atEpoch: epoch),
                        shortName: Self.runName(index, label: Self.legendValues(label), pinned: pinned))
    }
}
