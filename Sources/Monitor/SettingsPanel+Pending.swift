import Training

extension SettingsPanel {
    /// Whether `row` is marked pending (` *`) while `pending` waits for `y`: a setting's row when
    /// the setting has a pending change. The hidden layers are one setting (`hidden`) shown as
    /// several rows, so only the rows it changes are marked: the layer count when the number of
    /// layers differs from `base`'s, a layer's row when its size does (or the layer is new).
    /// `shown` is the configuration with the pending changes applied (`shownConfiguration`).
    static func isPending(_ row: SettingsRow, pending: [SettingChange], base: RunConfiguration,
                          shown: RunConfiguration) -> Bool {
        let settings = Set(pending.map(\.setting))
        let before = base.hiddenSizes, after = shown.hiddenSizes
        switch row {
        case .setting(let setting): return settings.contains(setting)
        case .layerCount: return settings.contains(.hidden) && after.count != before.count
        case .layer(let k): return settings.contains(.hidden) && k < after.count && (k >= before.count || after[k] != before[k])
        case .speed: return false
        }
    }
}
