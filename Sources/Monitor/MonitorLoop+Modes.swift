import TerminalUI
import Training

/// The run definitions the monitor has sent but the trainer may not have adopted yet, so a second
/// edit made before the next epoch builds on the first rather than on the trainer's older copy.
struct SentDefinition {
    var prepared: PreparedRun
    /// The trainer's `definitionVersion` once it has adopted this one.
    var version: Int

    /// The freshest definition of a run whose trainer state is `state`; nil when the run has
    /// none besides the one it started with.
    static func freshest(_ sent: SentDefinition?, state: TrainerState) -> PreparedRun? {
        if let sent, state.definitionVersion < sent.version { return sent.prepared }
        return state.definition
    }
}

extension MonitorLoop.RunEntry {
    /// Takes the run as redefined (new data, shape or settings): new panels and picture caches.
    /// The map keeps its frame while every point still lies in it, so a point added on the map
    /// stays where it was put.
    mutating func adopt(_ prepared: PreparedRun, version: Int) {
        var info = MonitorRunInfo(prepared: prepared)
        let old = dashboard.run
        if old.hasDecisionMap, info.hasDecisionMap,
           info.points.allSatisfy({ old.xRange.contains($0.x) && old.yRange.contains($0.y) }) {
            (info.xRange, info.yRange) = (old.xRange, old.yRange)
        }
        (dashboard, networkView, grid, pictures, confusionView, confusion) =
            Self.panels(for: info, theme: theme, keyMap: keyMap, lesson: lesson)
        definitionVersion = version
    }
}

extension MonitorLoop {
    /// What `key` does in the settings panel or in data editing on the dashboard (and `e`, `d`
    /// and the mouse there), or nil when it is the dashboard key map's to handle. `base` is the run
    /// as now defined (nil: this run cannot be changed here).
    func modeOutcome(
        _ key: Key, view: MonitorViewState, dashboard: Dashboard, state: TrainerState, base: PreparedRun?, width: Int, height: Int
    ) -> KeyOutcome? {
        guard view.screen == .dashboard, view.network.prompt == nil, view.forkPrompt == nil, !view.helpVisible else { return nil }
        let layout = DashboardLayout(width: width, height: height)
        if view.settings != nil {
            guard let base else { return nil }
            var key = key
            if case .mouse(.left, let column, let row) = key {
                let list = dashboard.settingsRowsArea(in: layout)
                guard dashboard.settingsArea(in: layout).contains(column: column, row: row) else { return nil }
                guard list.contains(column: column, row: row), var panel = view.settings else { return KeyOutcome(state: view) }
                let configuration = SettingsPanel.shownConfiguration(base.configuration, pending: panel.pending,
                                                                     learningRate: state.learningRate)
                let count = SettingsRow.all(layers: configuration.hiddenSizes.count).count
                let first = Dashboard.firstSettingsRow(selected: panel.selected, count: count, visible: list.height)
                panel.selected = min(count - 1, first + row - list.y)
                var next = view
                next.settings = panel
                return KeyOutcome(state: next, effects: [.redraw])
            }
            if key == .character("e") && view.settings?.prompt == nil { key = .escape }
            let context = SettingsPanel.Context(run: base, learningRate: state.learningRate, speedLimit: state.speedLimit,
                                                lock: dashboard.keyMap.lock)
            return SettingsPanel.handle(key, view: view, context: context)
        }
        switch key {
        case .character("e"):
            guard base != nil else { return KeyOutcome(state: view, effects: [.say("settings change run 1 (the main run): 1 shows it")]) }
            return nil
        case .character("d") where view.dataEdit == nil:
            guard base != nil else {
                return KeyOutcome(state: view, effects: [.say("data editing changes run 1 (the main run): 1 shows it")])
            }
            // Points are added by class: real-valued targets cannot be clicked in.
            guard !dashboard.run.isRegression else {
                return KeyOutcome(state: view, effects: [.say("data editing adds points of a class: a regression has none")])
            }
            let columns = dashboard.run.rawFeatureCount
            guard dashboard.run.hasDecisionMap, columns == 2 else {
                return KeyOutcome(state: view, effects: [.say("data editing needs exactly 2 input columns (these data have \(columns)"
                                                              + (columns > 2 ? "; the map is a slice)" : ")"))])
            }
            return nil
        default: break
        }
        if case .mouse(let button, let column, let row) = key {
            // A click on the map edits the data there; the wheel over the weights turns the layer.
            if button == .left, let cells = dashboard.mapCells(in: layout), cells.contains(column: column, row: row), let base,
               view.viewedEpoch == nil {
                // A click edits the data as `d` does, so a lesson that locks `d` locks the click too.
                if let binding = dashboard.keyMap.binding(for: .character("d")), dashboard.keyMap.lock.isLocked(binding) {
                    return KeyOutcome(state: view, effects: [.say("d is locked in this lesson")])
                }
                var next = view
                var edit = view.dataEdit ?? DataEditState()
                (edit.column, edit.row) = (column - cells.x, row - cells.y)
                next.dataEdit = edit
                guard view.dataEdit != nil else {
                    return KeyOutcome(state: next, effects: [.redraw, .say("editing the data: a click adds a point here, d ends")])
                }
                return add(true, at: edit, cells: cells, view: next, dashboard: dashboard, base: base)
            }
            // A click on a layer's row of the gradient norms selects that layer (as Tab does).
            let norms = Panel(title: "", theme: dashboard.theme).innerArea(of: layout.gradients)
            if button == .left, norms.contains(column: column, row: row), (0..<view.layerCount).contains(row - norms.y - 1) {
                var next = view
                next.selectedLayer = row - norms.y - 1
                return KeyOutcome(state: next, effects: [.redraw])
            }
            if button != .left, layout.weights.contains(column: column, row: row) {
                var next = view
                let count = max(1, view.layerCount)
                next.selectedLayer = (view.selectedLayer + (button == .wheelDown ? 1 : count - 1)) % count
                return KeyOutcome(state: next, effects: [.redraw])
            }
            return nil
        }
        guard let cells = dashboard.mapCells(in: layout), var edit = view.dataEdit,
              let action = DataEditKeys.table.action(for: key) else { return nil }
        var next = view
        let classes = max(2, dashboard.run.classCount)
        switch action {
        case .move(let dx, let dy):
            let cell = edit.cell(width: cells.width, height: cells.height)
            (edit.column, edit.row) = (min(max(0, cell.column + dx), cells.width - 1), min(max(0, cell.row + dy), cells.height - 1))
        case .nextClass:
            edit.label = (edit.label + 1) % classes
        case .chooseClass:
            guard case .character(let c) = key, let k = Int(String(c)), k < classes else {
                return KeyOutcome(state: next, effects: [.say("the data have \(classes) classes: 0 to \(classes - 1)")])
            }
            edit.label = k
        case .add, .remove:
            guard let base else { return nil }
            if let viewed = view.viewedEpoch {
                let text = "viewing epoch \(viewed): points go to the live run only (d, then Esc returns to it)"
                return KeyOutcome(state: next, effects: [.say(text)])
            }
            return add(action == .add, at: edit, cells: cells, view: view, dashboard: dashboard, base: base)
        case .leave:
            next.dataEdit = nil
            return KeyOutcome(state: next, effects: [.redraw])
        }
        next.dataEdit = edit
        return KeyOutcome(state: next, effects: [.redraw])
    }

    /// Adds a point at the cursor, or removes the training point nearest it.
    private func add(
        _ adding: Bool, at edit: DataEditState, cells: Rect, view: MonitorViewState, dashboard: Dashboard, base: PreparedRun
    ) -> KeyOutcome {
        let cell = edit.cell(width: cells.width, height: cells.height)
        let point = dashboard.dataPoint(column: cell.column, row: cell.row, in: cells)
        guard let redefinition = base.editingData(adding: adding, x: point.x, y: point.y, label: edit.label) else {
            // The run keeps its last training point: with none there would be nothing to train on.
            let refusal = adding ? "no point added here"
                : base.rawTrainingSet.count == 1 ? "the last training point stays: without it there is nothing to train on"
                : "no training point left to remove"
            return KeyOutcome(state: view, effects: [.say(refusal)])
        }
        return KeyOutcome(state: view, commands: [.redefine(redefinition)], effects: [.redraw])
    }
}
