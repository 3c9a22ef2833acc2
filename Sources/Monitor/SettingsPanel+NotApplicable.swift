import TerminalUI
import Training

extension SettingsPanel {
    /// The optimiser in force that ignores `row`'s setting (`sgd` for momentum or the betas), or
    /// nil when the row applies. Such a row is shown dimmed and tagged `n/a`; it can still be set,
    /// for a later switch of optimiser.
    public static func ignoringOptimizer(of row: SettingsRow, in configuration: RunConfiguration) -> String? {
        guard case .setting(let setting) = row, setting.isIgnored(by: configuration.optimizer.kind) else { return nil }
        return configuration.optimizer.kind.rawValue
    }

    /// What the note line says on stepping onto `row` when the optimiser ignores it.
    public static func notApplicableNote(_ row: SettingsRow, in configuration: RunConfiguration) -> String? {
        guard case .setting(let setting) = row, let kind = ignoringOptimizer(of: row, in: configuration) else { return nil }
        let user = setting == .momentum ? "the momentum optimizer" : "adam"
        return "\(kind) ignores \(setting.rawValue) (\(user) uses it)"
    }

    /// After the selection moved from `previous` to `panel.selected`: the not-applicable note
    /// for the new row, or, leaving such a row, its note cleared.
    static func noteStep(_ panel: inout SettingsPanelState, from previous: SettingsRow, rows: [SettingsRow],
                         configuration: RunConfiguration) {
        let row = rows[min(max(0, panel.selected), rows.count - 1)]
        if let note = notApplicableNote(row, in: configuration) {
            panel.note = note
            panel.noteIsError = false
        } else if let old = notApplicableNote(previous, in: configuration), panel.note == old {
            panel.note = nil
        }
    }

    /// The hint under the rows, and the line on what `y` does, as the panel's `width` holds them
    /// (shorter words when narrow).
    static func hints(seed: UInt64, width: Int) -> (live: String, confirm: String) {
        let live = ["live: from the next epoch, same weights; reset: waits for y",
                    "live: next epoch, same weights; reset: waits for y", "live: next epoch; reset: after y"]
        let confirm = ["y: epoch 0; every layer fresh (seed \(seed)), none kept", "y: epoch 0, fresh weights (seed \(seed))"]
        func fitting(_ texts: [String]) -> String { texts.first { TextFit.width($0) <= width } ?? texts[texts.count - 1] }
        return (fitting(live), fitting(confirm))
    }

    /// The panel's title as `width` cells hold it.
    static func title(width: Int) -> String {
        ["Settings: live rows act at once, reset rows wait for y", "Settings: live now, reset after y", "Settings"]
            .first { TextFit.width($0) + 6 <= width } ?? "Settings"
    }
}
