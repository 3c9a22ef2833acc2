import Training

extension SettingsPanel {
    /// The name under which a lesson's `lock` locks `row` (`lr`, `hidden` for the layer rows,
    /// `speed`), or nil when the row may change. A locked row is marked `lock` in the panel and
    /// its changes are refused with "NAME is locked in this lesson".
    public static func lockedName(of row: SettingsRow, lock: KeyLock) -> String? {
        switch row {
        case .setting(let setting): lock.isLocked(setting: setting.rawValue) ? setting.rawValue : nil
        case .layerCount, .layer: lock.isLocked(setting: "hidden") ? "hidden" : nil
        case .speed: lock.isLocked(setting: "speed") ? "speed" : nil
        }
    }
}
