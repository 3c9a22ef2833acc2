import Datasets
import Training

extension SettingsPanel {
    /// The optimiser in force that ignores `row`'s setting (`sgd` for momentum or the betas), or
    /// nil when the row applies. Such a row is shown dimmed and tagged `n/a`, and changing it is
    /// refused (`ignoredRefusal`) until the optimiser row names one that uses it.
    public static func ignoringOptimizer(of row: SettingsRow, in configuration: RunConfiguration) -> String? {
        guard case .setting(let setting) = row, setting.isIgnored(by: configuration.optimizer.kind) else { return nil }
        return configuration.optimizer.kind.rawValue
    }

    /// Why a change of `row` is refused while the optimiser in force ignores it: the command
    /// line's own reason for the flag (`--momentum applies to --optimizer momentum only`), so the
    /// panel never saves a setting the run does not use. Nil when the row applies.
    public static func ignoredRefusal(_ row: SettingsRow, in configuration: RunConfiguration) -> String? {
        guard case .setting(let setting) = row, ignoringOptimizer(of: row, in: configuration) != nil else { return nil }
        return setting.optimizerOnlyReason
    }

    /// Whether `row` generates data (`n`, `noise`) while the data set is a file, whose rows are
    /// its own: shown dimmed, `-` and `n/a`, as for a setting the optimiser ignores (a change is
    /// refused with the command line's reason).
    public static func dataFileIgnores(_ row: SettingsRow, in configuration: RunConfiguration) -> Bool {
        guard case .setting(let setting) = row, setting == .n || setting == .noise else { return false }
        return BuiltInDataset.named(configuration.dataset) == nil
    }

    /// What the note line says on stepping onto `row` when the optimiser or the data file ignores it.
    public static func notApplicableNote(_ row: SettingsRow, in configuration: RunConfiguration) -> String? {
        if case .setting(let setting) = row, dataFileIgnores(row, in: configuration) {
            return "\(setting.rawValue) applies to built-in data sets only: \(configuration.dataset) is a file"
        }
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
}
