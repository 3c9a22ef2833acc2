import TerminalUI
import Training

/// The dashboard of `mlptop watch`: the trainer's dashboard with the decision map's place given to
/// a metrics panel (the latest of every logged field and a chart of the chosen extra curve), and
/// the weight and gradient panels saying what to log when the log has none.
///
/// Pure, like `Dashboard`: the same state, view and time give the same cells.
public struct WatchDashboard: MonitorView {
    /// The trainer's dashboard, whose panels this view reuses.
    public var dashboard: Dashboard
    public var keyMap: KeyMap

    public init(dashboard: Dashboard, keyMap: KeyMap = .watch) {
        self.dashboard = dashboard
        self.keyMap = keyMap
    }

    var theme: Theme { dashboard.theme }

    public func render(_ frame: MonitorFrame, into buffer: inout CellBuffer) {
        let state = frame.state, view = frame.view
        buffer.fill(buffer.area, with: .blank)
        let layout = DashboardLayout(width: buffer.width, height: buffer.height)
        guard layout.fits, let facts = state.watched else {
            TooSmallNotice(requiredWidth: DashboardLayout.minimumWidth, requiredHeight: DashboardLayout.minimumHeight,
                           width: buffer.width, height: buffer.height, theme: theme, hint: "q: quit")
                .render(in: buffer.area, into: &buffer)
            return
        }
        statusBar(for: state, facts: facts, width: layout.status.width).render(in: layout.status, into: &buffer)
        dashboard.renderLoss(state, view: view, in: layout.loss, into: &buffer)
        renderMetrics(state, facts: facts, view: view, in: layout.map, into: &buffer)
        if facts.weightsEpoch == nil {
            renderHint(title: "Weights", lines: [
                "No weights logged yet.",
                "Log \"weights\": one matrix per layer, a row per unit",
                "(as nn.Linear.weight), e.g. every 10 epochs;",
                "mlptop_log: run.log_model(model) does it.",
            ], in: layout.weights, into: &buffer)
        } else {
            dashboard.renderWeights(state, view: view, in: layout.weights, into: &buffer)
        }
        if facts.logged.contains("grad_norms") {
            renderGradients(state, facts: facts, view: view, in: layout.gradients, into: &buffer)
        } else {
            renderHint(title: "Gradient norms", lines: [
                "No gradient norms logged yet.",
                "Log \"grad_norms\": a number per layer, ||dE/dW||;",
                "mlptop_log: run.log_model(model) after backward().",
            ], in: layout.gradients, into: &buffer)
        }
        dashboard.renderMessage(state, view: view, now: frame.now, in: layout.message, into: &buffer)
        KeyLegend(entries: facts.readOnlyReason == nil ? keyMap.legendEntries : keyMap.readOnlyLegendEntries,
                  theme: theme).render(in: layout.legend, into: &buffer)
        if view.helpVisible {
            var help = HelpOverlay(title: "Keys", entries: keyMap.helpEntries, theme: theme)
            help.firstEntry = view.helpScroll
            help.render(in: Rect(x: 0, y: 1, width: buffer.width, height: buffer.height - 1), into: &buffer)
        }
    }

    /// A panel that says what to log to fill it.
    func renderHint(title: String, lines: [String], in area: Rect, into buffer: inout CellBuffer) {
        let inner = Panel(title: title, theme: theme).draw(in: area, into: &buffer)
        for (row, line) in lines.enumerated() where row < inner.height {
            buffer.write(TextFit.truncate(line, to: inner.width, ellipsis: theme.glyphs.ellipsis), x: inner.x,
                         y: inner.y + row, style: row == 0 ? theme.label : theme.muted, clip: inner)
        }
    }

    /// The latest value of every logged field, then the chosen extra curve over the run.
    func renderMetrics(_ state: TrainerState, facts: WatchedFacts, view: MonitorViewState, in area: Rect,
                       into buffer: inout CellBuffer) {
        let extras = facts.extras
        let chosen = extras.isEmpty ? nil : ((view.extraCurve % extras.count) + extras.count) % extras.count
        var title = "Metrics"
        if let chosen {
            title += extras.count > 1 ? ": \(extras[chosen].name) (\(chosen + 1)/\(extras.count), x: next)" : ": \(extras[chosen].name)"
        }
        let inner = Panel(title: title, theme: theme).draw(in: area, into: &buffer)
        guard !inner.isEmpty else { return }
        var cells: [String] = []
        if let step = facts.step { cells.append("step \(step)") }
        if let r = state.latest, facts.logged.contains("train_accuracy") || facts.logged.contains("test_accuracy") {
            cells.append("acc \(Dashboard.percent(facts.logged.contains("train_accuracy") ? r.trainAccuracy : nil))/"
                         + "\(Dashboard.percent(r.testAccuracy))")
        }
        for extra in extras where extra.inSegment { cells.append("\(extra.name) \(NumberFormat.compact(extra.latest))") }
        if facts.skipped > 0 { cells.append("\(facts.skipped) bad line\(facts.skipped == 1 ? "" : "s") skipped") }
        if !facts.restarts.isEmpty { cells.append("\(facts.restarts.count) restart\(facts.restarts.count == 1 ? "" : "s")") }
        cells.append(facts.steerable ? "keys steer the writer" : "read-only")
        // Cells flow into lines, two-space separated; at most a third of the panel.
        var lines: [String] = [], line = ""
        for cell in cells {
            if !line.isEmpty, TextFit.width(line) + 2 + TextFit.width(cell) > inner.width {
                lines.append(line)
                line = cell
            } else {
                line += (line.isEmpty ? "" : "  ") + cell
            }
        }
        if !line.isEmpty { lines.append(line) }
        let tableHeight = min(lines.count, max(1, inner.height / 3))
        for (row, text) in lines.prefix(tableHeight).enumerated() {
            buffer.write(TextFit.truncate(text, to: inner.width, ellipsis: theme.glyphs.ellipsis), x: inner.x,
                         y: inner.y + row, style: theme.label, clip: inner)
        }
        let chartArea = Rect(x: inner.x, y: inner.y + tableHeight, width: inner.width, height: inner.height - tableHeight)
        guard let chosen, chartArea.height >= 4 else {
            if chosen == nil, chartArea.height >= 2 {
                buffer.write(TextFit.truncate("Any other numeric field in the log is charted here.", to: inner.width,
                                              ellipsis: theme.glyphs.ellipsis),
                             x: inner.x, y: chartArea.y + 1, style: theme.muted, clip: inner)
            }
            return
        }
        var chart = LossChart(train: Dashboard.points(extras[chosen].history), test: [], logScale: false, theme: theme)
        chart.latestTrain = extras[chosen].inSegment ? extras[chosen].latest : nil
        // An extra the new segment has not logged (yet) is the run's before the restart.
        chart.seriesNames = (extras[chosen].inSegment ? extras[chosen].name : extras[chosen].name + " (before the restart)", nil)
        chart.render(in: chartArea, into: &buffer)
    }
}
