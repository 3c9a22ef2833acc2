import TerminalUI
import Training

extension Dashboard {
    /// Where the settings panel is drawn: over the loss chart and the weight map (as wide as the
    /// narrower of the two), so the status bar (architecture, lr), the decision map and the
    /// gradient norms stay in view while settings change.
    /// When a lesson hides one of the two, the one shown; when both, the decision map's place.
    public func settingsArea(in layout: DashboardLayout) -> Rect {
        let parts = [layout.loss, layout.weights].filter { !$0.isEmpty }
        guard let first = parts.first else { return layout.map.isEmpty ? layout.gradients : layout.map }
        let top = parts.map(\.y).min() ?? first.y, bottom = parts.map(\.maxY).max() ?? first.maxY
        let width = widensOverGradients(layout) ? layout.loss.width : parts.map(\.width).min() ?? first.width
        return Rect(x: first.x, y: top, width: width, height: bottom - top)
    }

    /// Whether the settings panel takes the loss chart's whole width, the gradient norms beside the
    /// narrower weight map giving up the difference (drawn narrower while it is open): otherwise
    /// the loss chart's strip right of the panel would be a blank band before the decision map.
    func widensOverGradients(_ layout: DashboardLayout) -> Bool {
        let (loss, weights, gradients) = (layout.loss, layout.weights, layout.gradients)
        return !loss.isEmpty && !weights.isEmpty && !gradients.isEmpty && loss.x == weights.x && gradients.x == weights.maxX
            && loss.maxX > weights.maxX && gradients.maxX - loss.maxX >= 30
    }

    /// The part of the settings panel that lists the rows (the rest is its border and 3 note lines).
    public func settingsRowsArea(in layout: DashboardLayout) -> Rect {
        let inner = Panel(title: "", theme: theme).innerArea(of: settingsArea(in: layout)).insetBy(dx: 1, dy: 0)
        return Rect(x: inner.x, y: inner.y, width: inner.width, height: max(0, inner.height - 4))
    }

    /// The first row shown when `selected` is selected among `count` rows in `visible` lines: the
    /// selection is kept in the middle once the list is longer than the panel.
    public static func firstSettingsRow(selected: Int, count: Int, visible: Int) -> Int {
        guard visible > 0, count > visible else { return 0 }
        return max(0, min(count - visible, selected - visible / 2))
    }

    /// The settings panel over the dashboard's left side. O(rows).
    func renderSettings(
        _ panel: SettingsPanelState, state: TrainerState, view: MonitorViewState, layout: DashboardLayout, into buffer: inout CellBuffer
    ) {
        let area = settingsArea(in: layout)
        guard let base = run.configuration, area.width >= 20, area.height >= 8 else { return }
        buffer.fill(area, with: .blank)
        if widensOverGradients(layout) {
            let gradients = layout.gradients
            buffer.fill(gradients, with: .blank)
            renderGradients(state, view: view, in: Rect(x: area.maxX, y: gradients.y, width: gradients.maxX - area.maxX,
                                                        height: gradients.height), into: &buffer)
        }
        // The loss chart's strip beside the panel would show a chart cut short.
        buffer.fill(Rect(x: area.maxX, y: layout.loss.y, width: max(0, layout.loss.maxX - area.maxX), height: layout.loss.height),
                    with: .blank)
        // So is the weight map's, when it is wider than the panel (a lesson that hides the gradient norms).
        buffer.fill(Rect(x: area.maxX, y: layout.weights.y, width: max(0, layout.weights.maxX - area.maxX),
                         height: layout.weights.height), with: .blank)
        _ = Panel(title: SettingsPanel.title(width: area.width), theme: theme, isFocused: true)
            .draw(in: area, into: &buffer)
        let configuration = SettingsPanel.shownConfiguration(base, pending: panel.pending, learningRate: state.learningRate)
        let rows = SettingsRow.all(layers: configuration.hiddenSizes.count)
        let list = settingsRowsArea(in: layout)
        let first = Self.firstSettingsRow(selected: panel.selected, count: rows.count, visible: list.height)
        let ellipsis = theme.glyphs.ellipsis
        for (offset, row) in rows.enumerated().dropFirst(first).prefix(list.height) {
            let y = list.y + offset - first
            let selected = offset == panel.selected
            var value = SettingsPanel.value(of: row, in: configuration, speedLimit: state.speedLimit)
            let isPending = SettingsPanel.isPending(row, pending: panel.pending, base: base, shown: configuration)
            if isPending { value += " *" }
            // A setting the optimiser in force ignores: dimmed, `n/a`, and why where it fits.
            let ignoredBy = SettingsPanel.ignoringOptimizer(of: row, in: configuration)
            // `n` and `noise` of a data file: its rows are its own.
            let fileIgnores = SettingsPanel.dataFileIgnores(row, in: configuration)
            if fileIgnores { value = "-" }
            let notApplicable = ignoredBy != nil || fileIgnores
            // A row the lesson locks: dimmed and tagged `lock` (its changes are refused).
            let locked = SettingsPanel.lockedName(of: row, lock: keyMap.lock) != nil
            let tag = locked ? "lock" : notApplicable ? "n/a" : row.forcesReset ? "reset" : "live"
            // Narrow panels shorten the names before the values.
            let labelWidth = min(20, max(8, list.width - 16))
            let label = TextFit.truncate(labelWidth < 20 ? row.shortLabel : row.label, to: labelWidth - 1, ellipsis: ellipsis)
                .padding(toLength: labelWidth, withPad: " ", startingAt: 0)
            let room = max(0, list.width - 6)
            if let ignoredBy, 2 + labelWidth + TextFit.width(value + " (\(ignoredBy) ignores it)") <= room {
                value += " (\(ignoredBy) ignores it)"
            }
            let text = (selected ? "> " : "  ") + label + value
            let style = selected ? CellStyle(attributes: .reverse)
                : isPending ? theme.warning : notApplicable || locked ? theme.muted : theme.label
            if selected { buffer.fill(Rect(x: list.x, y: y, width: list.width, height: 1), with: Cell(" ", style: style)) }
            buffer.write(TextFit.truncate(text, to: room, ellipsis: ellipsis), x: list.x, y: y, style: style, clip: list)
            buffer.write(tag, x: list.maxX - 5, y: y, style: selected ? style : theme.muted, clip: list)
        }
        let notes = Rect(x: list.x, y: list.maxY + 1, width: list.width, height: 3)
        var lines: [(String, CellStyle)] = []
        if let typed = panel.prompt {
            let name = rows[min(panel.selected, rows.count - 1)].label.trimmingCharacters(in: .whitespaces)
            let prompt = PromptLine(["\(name) (Enter sets, Esc cancels): ", "\(name): "], typed: typed, theme: theme)
            lines.append((prompt.text(width: notes.width), theme.key))
        } else if !panel.pending.isEmpty {
            lines.append(("pending: " + panel.pending.map(\.description).joined(separator: " "), theme.warning))
        } else {
            lines.append((SettingsPanel.hints(seed: configuration.seed, width: notes.width).live, theme.muted))
        }
        // A note too long for its line takes the confirm hint's line too: a refusal is read whole.
        var noteLines = panel.note.map { TextFit.wrap($0, width: notes.width) } ?? []
        if noteLines.count > 2 { noteLines = [noteLines[0], noteLines[1...].joined(separator: " ")] }  // the rest cut with …
        if noteLines.count < 2 {
            lines.append((SettingsPanel.hints(seed: configuration.seed, width: notes.width).confirm, theme.muted))
        }
        for line in noteLines { lines.append((line, panel.noteIsError ? theme.bad : theme.label)) }
        for (offset, line) in lines.enumerated() where offset < notes.height {
            buffer.write(TextFit.truncate(line.0, to: notes.width, ellipsis: ellipsis), x: notes.x, y: notes.y + offset,
                         style: line.1, clip: notes)
        }
    }

    /// The cells the decision map fills in `layout`, or nil when there is no map.
    public func mapCells(in layout: DashboardLayout) -> Rect? {
        let inner = Panel(title: "", theme: theme).innerArea(of: layout.map)
        guard layout.fits, run.hasDecisionMap, !inner.isEmpty else { return nil }
        return mapArea(in: inner)
    }

    /// The point of input space at the middle of map cell (`column`, `row`) of `cells`.
    public func dataPoint(column: Int, row: Int, in cells: Rect) -> (x: Double, y: Double) {
        let fx = (Double(column) + 0.5) / Double(max(1, cells.width))
        let fy = 1 - (Double(row) + 0.5) / Double(max(1, cells.height))
        return (run.xRange.lowerBound + fx * (run.xRange.upperBound - run.xRange.lowerBound),
                run.yRange.lowerBound + fy * (run.yRange.upperBound - run.yRange.lowerBound))
    }

    /// The data-editing cursor on the map and, on the panel's bottom edge, the class and place.
    func renderDataCursor(_ edit: DataEditState, layout: DashboardLayout, into buffer: inout CellBuffer) {
        guard let cells = mapCells(in: layout), !cells.isEmpty else { return }
        let (column, row) = edit.cell(width: cells.width, height: cells.height)
        var style = theme.pointStyle(label: edit.label, isTest: false)
        style.attributes.insert(.reverse)
        buffer.set("@", x: cells.x + column, y: cells.y + row, style: style, clip: cells)
        let point = dataPoint(column: column, row: row, in: cells)
        let glyph = theme.glyphs.pointGlyph(label: edit.label, isTest: false)
        let name = edit.label < run.classNames.count ? run.classNames[edit.label] : "\(edit.label)"
        let text = " editing: class \(name) \(glyph) at (\(NumberFormat.compact(point.x)), \(NumberFormat.compact(point.y))) "
        guard layout.map.height >= 2, TextFit.width(text) + 4 <= layout.map.width else { return }
        buffer.write(text, x: layout.map.x + 2, y: layout.map.maxY - 1, style: theme.key, clip: layout.map)
    }

    /// The legend's entries for the mode in force: the panel's, data editing's, or the dashboard's.
    /// A mode's legend ends with `? help`, which still works there (the help lists the mode's keys).
    func legendEntries(for view: MonitorViewState) -> [KeyHelp] {
        let help = keyMap.legendEntries.filter { $0.key == "?" }
        if view.settings != nil { return SettingsPanel.keys.legendEntries + help }
        if view.dataEdit != nil { return DataEditKeys.table.legendEntries + help }
        return keyMap.legendEntries
    }

    /// The help's entries for the mode in force: a mode's keys, then the dashboard's it leaves alone
    /// (they still work; those it takes over are not listed twice).
    func helpEntries(for view: MonitorViewState) -> [KeyHelp] {
        if view.settings != nil { return SettingsPanel.keys.helpEntries(over: keyMap) }
        if view.dataEdit != nil { return DataEditKeys.table.helpEntries(over: keyMap, inapplicable: DataEditKeys.inapplicable) }
        return keyMap.helpEntries
    }
}
