import TerminalUI
import Training

extension WatchDashboard {
    /// The logged gradient norms, one row per layer the log gives a norm for (the most any record
    /// gave), with a sparkline each. A layer is named by its shape when logged weights give it
    /// (`2 2→16`), else plainly (`layer 2`): a watched log without weights has no network whose
    /// shape could be shown. The selected-layer mark follows the weight map, so it is drawn only
    /// while logged weights are on show.
    func renderGradients(_ state: TrainerState, facts: WatchedFacts, view: MonitorViewState, in area: Rect,
                         into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let inner = Panel(title: "Gradient norms (log scale)", theme: theme).draw(in: area, into: &buffer)
        let rows = Self.gradientRows(state, facts: facts, view: view, historyWidth: max(1, inner.width - 28),
                                     arrow: theme.glyphs.arrow)
        var table = GradientNormTable(rows: rows, theme: theme)
        table.historyTitle = inner.width >= 48 ? "history, whole run" : "history"
        table.render(in: inner, into: &buffer)
    }

    /// The rows of the gradient panel: layer `k` of `max(history layers, latest norms)`.
    static func gradientRows(_ state: TrainerState, facts: WatchedFacts, view: MonitorViewState, historyWidth: Int,
                             arrow: String) -> [GradientNormRow] {
        let latestNorms = state.latest?.gradientNorms ?? []
        let count = max(state.gradientNormHistory.count, latestNorms.count)
        let shapes = facts.weightsEpoch == nil ? [] : state.network.shapes
        return (0..<count).map { index in
            let history = index < state.gradientNormHistory.count
                ? state.gradientNormHistory[index].means(resampledTo: historyWidth) : []
            let latest = index < latestNorms.count ? latestNorms[index].weights : nil
            let name: String
            if index < shapes.count {
                let mark = index == view.selectedLayer ? ">" : " "
                name = "\(mark)\(index + 1) \(shapes[index].inputs)\(arrow)\(shapes[index].outputs)"
            } else {
                name = "layer \(index + 1)"
            }
            return GradientNormRow(name: name, latest: latest ?? history.last,
                                   history: history)
        }
    }
}
