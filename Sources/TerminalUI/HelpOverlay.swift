/// A centred box listing keys and what they do, drawn over whatever is below it.
///
/// The box is as small as its contents allow and never larger than the area; descriptions are
/// cut with an ellipsis. When rows run out the list scrolls: `firstEntry` is the first shown, the
/// first row says how many are above and the last how many more are below.
public struct HelpOverlay: Widget, Sendable {
    /// The box's title.
    public var title: String
    /// The keys and what they do, in display order.
    public var entries: [KeyHelp]
    /// Glyphs and styles.
    public var theme: Theme
    /// The first entry shown when they do not all fit (clamped so the last page is full).
    public var firstEntry = 0

    /// An overlay titled `title` listing `entries`.
    public init(title: String = "Keys", entries: [KeyHelp], theme: Theme) {
        self.title = title
        self.entries = entries
        self.theme = theme
    }

    /// An overlay listing `(key, description)` pairs.
    public init(title: String = "Keys", _ pairs: [(key: String, description: String)], theme: Theme) {
        self.init(title: title, entries: pairs.map { KeyHelp(key: $0.key, description: $0.description) }, theme: theme)
    }

    /// The rectangle the box takes inside `area`.
    public func boxArea(in area: Rect) -> Rect {
        let keyWidth = entries.map { TextFit.width($0.key) }.max() ?? 0
        let descriptionWidth = entries.map { TextFit.width($0.description) }.max() ?? 0
        var width = max(keyWidth + 2 + descriptionWidth, TextFit.width(title) + 4) + 4
        // A list that scrolls is wide enough for its notes and the keys that scroll it.
        if entries.count + 2 > area.height { width = max(width, TextFit.width("… 999 more (Down, PageDown)") + 4) }
        return area.centered(width: width, height: entries.count + 2)
    }

    /// How many entries a list that scrolls shows at once in `area`: the rows inside the border
    /// less the two notes (above, more), at least 1. A page for PageUp and PageDown.
    public static func pageRows(in area: Rect) -> Int {
        max(1, area.height - 4)
    }

    /// Draws into `area`, clipped to it: cells outside `area` are left as they were.
    public func render(in area: Rect, into buffer: inout CellBuffer) {
        let box = boxArea(in: area)
        guard !box.isEmpty else { return }
        buffer.fill(box, with: .blank)
        let inner = Panel(title: title, theme: theme).draw(in: box, into: &buffer)
        let content = inner.insetBy(dx: inner.width >= 2 ? 1 : 0, dy: 0)
        guard !content.isEmpty else { return }
        let keyWidth = min(entries.map { TextFit.width($0.key) }.max() ?? 0, content.width)
        let ellipsis = theme.glyphs.ellipsis
        /// `text`, and the keys that scroll when the row has room for them.
        func note(_ text: String, keys: String, row: Int) {
            let full = text + " (" + keys + ")"
            let shown = TextFit.width(full) <= content.width ? full : TextFit.truncate(text, to: content.width, ellipsis: ellipsis)
            buffer.write(shown, x: content.x, y: content.y + row, style: theme.muted, clip: content)
        }
        // Rows: an "above" note when scrolled, the entries, a "more" note when some are below.
        let rows = content.height
        var first = 0
        if entries.count > rows, rows >= 3 {
            first = min(max(0, firstEntry), entries.count - (rows - 1))
        }
        var row = 0
        if first > 0 {
            note("\(ellipsis) \(first) above", keys: "Up, PageUp", row: 0)
            row = 1
        }
        var index = first
        while row < rows, index < entries.count {
            if row == rows - 1 && index < entries.count - 1 {
                note("\(ellipsis) \(entries.count - index) more", keys: "Down, PageDown", row: row)
                break
            }
            let entry = entries[index], y = content.y + row
            buffer.write(TextFit.truncate(entry.key, to: keyWidth, ellipsis: ellipsis), x: content.x, y: y,
                         style: theme.key, clip: content)
            let room = content.width - keyWidth - 2
            if room > 0 {
                buffer.write(TextFit.truncate(entry.description, to: room, ellipsis: ellipsis), x: content.x + keyWidth + 2,
                             y: y, style: theme.label, clip: content)
            }
            row += 1
            index += 1
        }
    }
}
