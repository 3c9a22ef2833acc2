/// A centred box listing keys and what they do, drawn over whatever is below it.
///
/// The box is as small as its contents allow and never larger than the area; descriptions are
/// cut with an ellipsis, and when rows run out the last one says how many more there are.
public struct HelpOverlay: Widget, Sendable {
    /// The box's title.
    public var title: String
    /// The keys and what they do, in display order.
    public var entries: [KeyHelp]
    /// Glyphs and styles.
    public var theme: Theme

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
        let width = max(keyWidth + 2 + descriptionWidth, TextFit.width(title) + 4) + 4
        return area.centered(width: width, height: entries.count + 2)
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
        for (index, entry) in entries.enumerated() where index < content.height {
            let y = content.y + index
            if index == content.height - 1 && entries.count > content.height {
                let more = "\(ellipsis) \(entries.count - index) more"
                buffer.write(TextFit.truncate(more, to: content.width, ellipsis: ellipsis), x: content.x, y: y,
                             style: theme.muted, clip: content)
                break
            }
            buffer.write(TextFit.truncate(entry.key, to: keyWidth, ellipsis: ellipsis), x: content.x, y: y,
                         style: theme.key, clip: content)
            let room = content.width - keyWidth - 2
            guard room > 0 else { continue }
            buffer.write(TextFit.truncate(entry.description, to: room, ellipsis: ellipsis), x: content.x + keyWidth + 2,
                         y: y, style: theme.label, clip: content)
        }
    }
}
