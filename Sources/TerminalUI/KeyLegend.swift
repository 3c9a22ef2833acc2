/// One line of `key description` pairs (`q quit  p pause  ? help`), cut to fit.
///
/// Pairs that do not fit whole are dropped, and an ellipsis says so when there is room for it.
public struct KeyLegend: Widget, Sendable {
    /// The keys and what they do, in display order.
    public var entries: [KeyHelp]
    /// Glyphs and styles.
    public var theme: Theme

    /// A legend of `entries`.
    public init(entries: [KeyHelp], theme: Theme) {
        self.entries = entries
        self.theme = theme
    }

    /// A legend of `(key, description)` pairs.
    public init(_ pairs: [(key: String, description: String)], theme: Theme) {
        self.init(entries: pairs.map { KeyHelp(key: $0.key, description: $0.description) }, theme: theme)
    }

    /// Draws into `area`, clipped to it: cells outside `area` are left as they were.
    public func render(in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        let ellipsis = theme.glyphs.ellipsis
        var x = row.x
        for (index, entry) in entries.enumerated() {
            let gap = index == 0 ? 0 : 2
            let width = TextFit.width(entry.key) + 1 + TextFit.width(entry.description)
            let isLast = index == entries.count - 1
            let reserve = isLast ? 0 : 1 + TextFit.width(ellipsis)
            guard x + gap + width + reserve <= row.maxX || (isLast && x + gap + width <= row.maxX) else {
                if x + 1 + TextFit.width(ellipsis) <= row.maxX || x == row.x {
                    buffer.write((x == row.x ? "" : " ") + ellipsis, x: x, y: row.y, style: theme.muted, clip: row)
                }
                return
            }
            x += gap
            x = buffer.write(entry.key, x: x, y: row.y, style: theme.key, clip: row)
            x = buffer.write(" " + entry.description, x: x, y: row.y, style: theme.label, clip: row)
        }
    }
}

/// A key (as shown to the user, e.g. `q` or `Space`) and what it does.
public struct KeyHelp: Hashable, Sendable {
    /// The key's name as shown.
    public var key: String
    /// What pressing it does.
    public var description: String

    /// An entry for `key` doing `description`.
    public init(key: String, description: String) {
        self.key = key
        self.description = description
    }
}
