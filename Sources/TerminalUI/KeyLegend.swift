/// One line of `key description` pairs (`q quit  p pause  ? help`), cut to fit.
///
/// When the line is too long the gaps shrink to one space, then pairs from the middle give way to
/// an ellipsis: the last `pinnedAtEnd` pairs (help and quit) always stay when they fit at all.
public struct KeyLegend: Widget, Sendable {
    /// The keys and what they do, in display order.
    public var entries: [KeyHelp]
    /// Glyphs and styles.
    public var theme: Theme
    /// How many pairs at the end are kept whatever else is dropped.
    public var pinnedAtEnd = 2

    /// A legend of `entries`.
    public init(entries: [KeyHelp], theme: Theme) {
        self.entries = entries
        self.theme = theme
    }

    /// A legend of `(key, description)` pairs.
    public init(_ pairs: [(key: String, description: String)], theme: Theme) {
        self.init(entries: pairs.map { KeyHelp(key: $0.key, description: $0.description) }, theme: theme)
    }

    /// The pairs shown at `width`, with nil where an ellipsis stands for the dropped ones, and the gap.
    func fitted(to width: Int) -> (items: [KeyHelp?], gap: Int) {
        func size(_ entry: KeyHelp) -> Int { TextFit.width(entry.key) + 1 + TextFit.width(entry.description) }
        func total(_ items: [KeyHelp?], gap: Int) -> Int {
            items.reduce(0) { $0 + ($1.map(size) ?? TextFit.width(theme.glyphs.ellipsis)) } + gap * max(0, items.count - 1)
        }
        for gap in [2, 1] where total(entries, gap: gap) <= width { return (entries, gap) }
        let pinned = Array(entries.suffix(min(pinnedAtEnd, entries.count)))
        var head = Array(entries.dropLast(pinned.count))
        while !head.isEmpty {
            let items: [KeyHelp?] = head + [nil] + pinned
            if total(items, gap: 1) <= width { return (items, 1) }
            head.removeLast()
        }
        if total([nil] + pinned, gap: 1) <= width { return ([nil] + pinned, 1) }
        // Too narrow even for the pinned pairs: as many from the start as fit, then the ellipsis.
        head = entries
        while !head.isEmpty && total(head + [nil], gap: 1) > width { head.removeLast() }
        return (head + [nil], 1)
    }

    /// Draws into `area`, clipped to it: cells outside `area` are left as they were.
    public func render(in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        let (items, gap) = fitted(to: row.width)
        var x = row.x
        for (index, item) in items.enumerated() {
            if index > 0 { x += gap }
            guard let entry = item else {
                x = buffer.write(theme.glyphs.ellipsis, x: x, y: row.y, style: theme.muted, clip: row)
                continue
            }
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
