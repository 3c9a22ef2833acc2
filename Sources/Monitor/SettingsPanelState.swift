import Training

/// What the settings panel (`e`) remembers while it is open: the row selected, the changes waiting for confirmation, the value being typed and the panel's last note.
public struct SettingsPanelState: Hashable, Sendable {
    /// The selected row.
    public var selected = 0
    /// Changes that start the run again, waiting for `y` (in the order made; one per setting).
    public var pending: [SettingChange] = []
    /// The text typed for the selected row after Enter, if the prompt is open.
    public var prompt: String?
    /// Whether the prompt still holds the row's value as shown: typing then replaces it (as a
    /// selected field does), Backspace edits it.
    public var promptIsCurrentValue = false
    /// The panel's last note: what a change did, or why it was refused.
    public var note: String?
    /// Whether `note` reports a refusal.
    public var noteIsError = false

    public init() {}

    /// Puts `change` in the pending list, replacing an earlier change of the same setting.
    mutating func stage(_ change: SettingChange) {
        pending.removeAll { $0.setting == change.setting }
        pending.append(change)
    }
}

/// A row of the settings panel.
public enum SettingsRow: Hashable, Sendable {
    /// A setting of the run configuration.
    case setting(RunSetting)
    /// The number of hidden layers.
    case layerCount
    /// Hidden layer k's neurons (0-based).
    case layer(Int)
    /// The speed limit (not a setting of the run: it never changes the results).
    case speed

    /// The rows for a configuration with `layers` hidden layers, in display order.
    public static func all(layers: Int) -> [SettingsRow] {
        let data: [SettingsRow] = [.setting(.dataset), .setting(.n), .setting(.noise), .setting(.testFraction), .setting(.features)]
        let shape: [SettingsRow] = [.layerCount] + (0..<layers).map(SettingsRow.layer)
            + [.setting(.activation), .setting(.loss)]
        let training: [SettingsRow] = [.setting(.optimizer), .setting(.lr), .setting(.momentum), .setting(.beta1),
                                       .setting(.beta2), .setting(.eps), .setting(.l1), .setting(.l2), .setting(.batch),
                                       .setting(.seed), .speed]
        return data + shape + training
    }

    /// Whether changing the row starts the run again from fresh weights.
    public var forcesReset: Bool {
        switch self {
        case .setting(let setting): setting.forcesReset
        case .layerCount, .layer: true
        case .speed: false
        }
    }

    /// The row's name where the panel is narrow (at most 9 characters).
    public var shortLabel: String {
        switch self {
        case .setting(.l2): "l2"
        case .setting(.testFraction): "test frac"
        case .setting(.activation): "activ."
        case .setting(let setting): String(setting.rawValue.prefix(9))
        case .layerCount: "layers"
        case .layer(let k): "  layer \(k + 1)"
        case .speed: "speed"
        }
    }

    /// The row's name in the panel.
    public var label: String {
        switch self {
        case .setting(.l2): "l2 (weight decay)"
        case .setting(.n): "n (samples)"
        case .setting(let setting): setting.rawValue
        case .layerCount: "hidden layers"
        case .layer(let k): "  layer \(k + 1) neurons"
        case .speed: "speed (epochs/s)"
        }
    }
}
