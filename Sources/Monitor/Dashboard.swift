import TerminalUI
import Training

/// The monitor's whole screen, drawn into a cell buffer from one `TrainerState` snapshot.
///
/// Pure: the same state, view, samples and time give the same cells, so every frame is testable
/// without a terminal. Evaluating the network over the map's grid is `DecisionGrid`'s job; the
/// dashboard only draws the samples it is given. Drawing is O(cells + history buckets + points).
public struct Dashboard: Sendable {
    /// Names, points and input space of the run.
    public var run: MonitorRunInfo
    /// Colours and glyphs.
    public var theme: Theme
    /// The key table (for the legend and the help overlay).
    public var keyMap: KeyMap
    /// Panels a lesson hides (their room goes to the rest).
    public var hiddenPanels: Set<DashboardPanel> = []
    /// A lesson's line under the status bar.
    public var notes: String?

    /// The largest decision grid evaluated, per axis, however big the window.
    public static let maximumGrid = (width: 160, height: 120)

    /// A dashboard for `run` drawn with `theme`.
    public init(run: MonitorRunInfo, theme: Theme, keyMap: KeyMap = .standard) {
        self.run = run
        self.theme = theme
        self.keyMap = keyMap
    }

    /// The dashboard's layout on a `width` × `height` screen, without the hidden panels and with
    /// the notes line when there are notes.
    public func layout(width: Int, height: Int) -> DashboardLayout {
        DashboardLayout(width: width, height: height, hidden: hiddenPanels, notesLine: notes != nil)
    }

    /// The grid of samples the decision map wants in `layout`: one per column, two per row (half
    /// blocks), capped at `maximumGrid`; nil when there is no map to draw.
    public func gridSize(in layout: DashboardLayout) -> (width: Int, height: Int)? {
        let inner = Panel(title: "", theme: theme).innerArea(of: layout.map)
        if layout.fits, run.hasCurve {
            let count = curvePlot(curve: []).sampleCount(in: inner)
            return count > 0 ? (count, 1) : nil
        }
        guard layout.fits, run.hasDecisionMap, !inner.isEmpty else { return nil }
        let area = mapArea(in: inner)
        return (min(area.width, Self.maximumGrid.width), min(2 * area.height, Self.maximumGrid.height))
    }

    /// How far the map's shape may stray from the data's to use the panel (15%).
    static let mapAspectTolerance = 1.15

    /// The part of the map panel's `inner` area the map fills, centred: the data's aspect ratio
    /// (x span : y span), within `mapAspectTolerance`, counting a cell as one column by two rows of
    /// square pixels (half blocks on a terminal whose cells are twice as tall as wide), so circles
    /// stay round in wide and tall windows alike. Columns of different scales (spans further apart
    /// than `InputPlane.equalUnitsMaxRatio`, as boundary.svg decides) fill the whole area instead.
    public func mapArea(in inner: Rect) -> Rect {
        let xSpan = run.xRange.upperBound - run.xRange.lowerBound, ySpan = run.yRange.upperBound - run.yRange.lowerBound
        guard SnapshotPictures.InputPlane.sharesUnits(xSpan, ySpan), !inner.isEmpty else { return inner }
        let dataAspect = xSpan / ySpan
        let areaAspect = Double(inner.width) / Double(2 * inner.height)
        if areaAspect > dataAspect * Self.mapAspectTolerance {
            let width = max(1, min(inner.width, Int((Double(2 * inner.height) * dataAspect * Self.mapAspectTolerance).rounded())))
            return Rect(x: inner.x + (inner.width - width) / 2, y: inner.y, width: width, height: inner.height)
        }
        if areaAspect < dataAspect / Self.mapAspectTolerance {
            let height = max(1, min(inner.height, Int((Double(inner.width) / dataAspect * Self.mapAspectTolerance / 2).rounded())))
            return Rect(x: inner.x, y: inner.y + (inner.height - height) / 2, width: inner.width, height: height)
        }
        return inner
    }

    /// Draws the frame for `state` into all of `buffer` (its size is the screen's).
    /// - Parameters:
    ///   - samples: the decision grid for `state` (nil: the map shows only the points).
    ///   - now: the monitor clock, for the message line.
    ///   - overlays: the other side-by-side runs' training losses, for the loss chart.
    ///   - readoutRows: the other visible runs' values at the read-out cursor.
    public func render(
        state: TrainerState, view: MonitorViewState, samples: DecisionSamples?, now: Double,
        overlays: [LossOverlay] = [], readoutRows: [LossReadout.Row] = [], into buffer: inout CellBuffer
    ) {
        buffer.fill(buffer.area, with: .blank)
        let layout = self.layout(width: buffer.width, height: buffer.height)
        guard layout.fits else {
            TooSmallNotice(requiredWidth: DashboardLayout.minimumWidth, requiredHeight: DashboardLayout.minimumHeight,
                           width: buffer.width, height: buffer.height, theme: theme, hint: "q: quit")
                .render(in: buffer.area, into: &buffer)
            return
        }
        let status = statusBar(for: state, width: layout.status.width)
        status.render(in: layout.status, into: &buffer)
        if let notes { MessageLine(notes, theme: theme).render(in: layout.notes, into: &buffer) }
        renderLoss(state, view: view, overlays: overlays, readoutRows: readoutRows, in: layout.loss, into: &buffer)
        renderMap(samples, in: layout.map, into: &buffer)
        renderWeights(state, view: view, in: layout.weights, into: &buffer)
        renderGradients(state, view: view, in: layout.gradients, into: &buffer)
        if let edit = view.dataEdit { renderDataCursor(edit, layout: layout, into: &buffer) }
        if let panel = view.settings { renderSettings(panel, state: state, view: view, layout: layout, into: &buffer) }
        renderMessage(state, view: view, now: now, in: layout.message, into: &buffer)
        KeyLegend(entries: legendEntries(for: view), theme: theme).render(in: layout.legend, into: &buffer)
        if view.helpVisible {
            var help = HelpOverlay(title: "Keys", entries: helpEntries(for: view), theme: theme)
            help.firstEntry = view.helpScroll
            help.render(in: Rect(x: 0, y: 1, width: buffer.width, height: buffer.height - 1), into: &buffer)
        }
    }

    /// The message on show, else a standing note when the run is over or has diverged.
    func renderMessage(
        _ state: TrainerState, view: MonitorViewState, now: Double, in area: Rect, into buffer: inout CellBuffer
    ) {
        if let text = view.forkPrompt {
            PromptLine(Self.forkPromptWordings, typed: text, theme: theme).render(in: area, into: &buffer)
        } else if let message = view.visibleMessage(at: now) {
            MessageLine(message.text, kind: message.isWarning ? .warning : .info, theme: theme).render(in: area, into: &buffer)
        } else if state.status == .done {
            MessageLine("finished at epoch \(state.epoch): the final state stays until q", theme: theme)
                .render(in: area, into: &buffer)
        } else if state.status == .diverged {
            let advice = state.divergence?.unusableLargestWeight != nil
                ? "diverged, and the weights before it had blown up too: lower the learning rate (- or [), then r to reset"
                : "diverged: lower the learning rate (- or [) and press Space to resume, or r to reset"
            MessageLine(advice, kind: .warning, theme: theme).render(in: area, into: &buffer)
        }
    }
}
