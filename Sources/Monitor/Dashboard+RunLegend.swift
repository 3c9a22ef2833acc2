extension Dashboard {
    /// Run `index`'s names in the loss chart's legend among the side-by-side runs `labels`: the
    /// settings that differ from the first run's (`legendLabel`), so a run reads the same whichever
    /// run is on show, and those settings' values alone as the short name (`legendValues`).
    public static func legendNames(_ index: Int, labels: [String], pinned: Bool, shown: Int = 0) -> (name: String, shortName: String) {
        let beside = labels.indices.contains(shown) ? labels[shown] : labels.first ?? ""
        let label = labels.indices.contains(index) ? legendLabel(labels[index], beside: beside) : ""
        return (runName(index, label: label, pinned: pinned),
                runName(index, label: legendValues(label, keysKnownFrom: beside), pinned: pinned))
    }

    /// Run `index`'s legend names from every run's full settings (`PreparedRun.legendSettings`):
    /// the settings in which it differs from the run on show (`shown`), whatever the runs' labels
    /// say (a fork's label holds only the change it was forked with). A setting the run on show
    /// does not have (an optimiser's own, beside another optimiser) is left to the `optimizer=`
    /// entry. The short name keeps a key where the run on show's label does not name it. Runs
    /// without settings (a watched log), or with the same settings, are named by their labels.
    public static func legendNames(_ index: Int, settings: [[String]], labels: [String], pinned: Bool,
                                   shown: Int = 0) -> (name: String, shortName: String) {
        let found = settings.indices.contains(index) && settings.indices.contains(shown)
            ? settingsDiffering(settings[index], from: settings[shown]) : []
        // In the order the run's own label names them (a grid's `lr=0.3,optimizer=momentum`), then
        // the rest in the settings' order: a cut name keeps what the user varied first.
        let named = labels.indices.contains(index) ? (labelSettings(labels[index]) ?? []).map(settingKey) : []
        let differing = found.enumerated().sorted {
            (named.firstIndex(of: settingKey($0.element)) ?? named.count, $0.offset)
                < (named.firstIndex(of: settingKey($1.element)) ?? named.count, $1.offset)
        }.map(\.element)
        guard !differing.isEmpty else { return legendNames(index, labels: labels, pinned: pinned, shown: shown) }
        let label = differing.joined(separator: ",")
        let beside = labels.indices.contains(shown) ? labels[shown] : ""
        return (runName(index, label: label, pinned: pinned),
                runName(index, label: legendValues(label, keysKnownFrom: beside), pinned: pinned))
    }

    /// The `key=value` settings of `settings` whose value differs from the one `shown` has for the
    /// same key; keys `shown` lacks are left out.
    public static func settingsDiffering(_ settings: [String], from shown: [String]) -> [String] {
        let shownKeys = Set(shown.map(settingKey))
        return settings.filter { shownKeys.contains(settingKey($0)) && !shown.contains($0) }
    }

    /// The key of a `key=value` setting.
    private static func settingKey(_ setting: String) -> String { String(setting.prefix { $0 != "=" }) }

    /// Run `label` as the loss chart's legend names it beside another run's label, `first`: only
    /// the settings that differ. Labels are comma-separated `key=value` settings, as compare and
    /// forks name runs; a value's own commas (`hidden=8,8`) stay with it. `lr=0.03,optimizer=adam` beside `lr=0.03,optimizer=sgd` is
    /// `optimizer=adam`. A label not of that form, or with no setting in common, is kept whole.
    public static func legendLabel(_ label: String, beside first: String) -> String {
        guard let settings = Self.labelSettings(label), let shown = Self.labelSettings(first) else { return label }
        let different = settings.filter { !shown.contains($0) }
        return different.isEmpty || different.count == settings.count ? label : different.joined(separator: ",")
    }

    /// `label` (as `legendLabel` gives it) with its settings' values only, space-separated, for a
    /// legend with no room for the keys: `lr=0.3,hidden=8,8` is `0.3 8,8`; other labels unchanged.
    public static func legendValues(_ label: String) -> String {
        guard let settings = labelSettings(label) else { return label }
        return settings.map { String($0.drop { $0 != "=" }.dropFirst()) }.joined(separator: " ")
    }

    /// `legendValues`, but a setting whose key the run on show's label (`shown`) does not have
    /// keeps its key: beside `lr=0.03`, `lr=0.3` is `0.3` (the title names lr) while `hidden=4`
    /// stays `hidden=4` (a bare `4` read as nothing).
    public static func legendValues(_ label: String, keysKnownFrom shown: String) -> String {
        guard let settings = labelSettings(label) else { return label }
        let known = Set((labelSettings(shown) ?? []).map { String($0.prefix { $0 != "=" }) })
        return settings.map { setting in
            known.contains(String(setting.prefix { $0 != "=" })) ? String(setting.drop { $0 != "=" }.dropFirst()) : setting
        }.joined(separator: " ")
    }

    /// `label`'s `key=value` settings, or nil when it is not a list of them.
    private static func labelSettings(_ label: String) -> [String]? {
        var settings: [String] = []
        for part in label.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            if part.contains("=") || settings.isEmpty { settings.append(part) } else { settings[settings.count - 1] += "," + part }
        }
        return settings.allSatisfy { $0.contains("=") } ? settings : nil
    }
}
