/// A box with a title in its top edge; content goes in its inner area.
///
/// `┌─ Loss ─────┐` with the unicode glyphs, `+- Loss -----+` with ASCII. Boxes smaller than
/// 2×2 are not drawn and have an empty inner area.
public struct Panel: Widget, Sendable {
    /// The title, truncated to fit the top edge; empty for none.
    public var title: String
    /// Glyphs and styles.
    public var theme: Theme
    /// Whether the title is drawn highlighted (the focused panel).
    public var isFocused: Bool

    /// A panel titled `title`.
    public init(title: String, theme: Theme, isFocused: Bool = false) {
        self.title = title
        self.theme = theme
        self.isFocused = isFocused
    }

    /// The area inside the border of a panel drawn in `area`.
    public func innerArea(of area: Rect) -> Rect {
        guard area.width >= 2, area.height >= 2 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        return area.insetBy(dx: 1, dy: 1)
    }

    /// Draws the box and returns its inner area.
    @discardableResult
    public func draw(in area: Rect, into buffer: inout CellBuffer) -> Rect {
        render(in: area, into: &buffer)
        return innerArea(of: area)
    }

    /// Draws into `area`, clipped to it: cells outside `area` are left as they were.
    public func render(in area: Rect, into buffer: inout CellBuffer) {
        guard area.width >= 2, area.height >= 2 else { return }
        let g = theme.glyphs, style = theme.axis
        let right = area.maxX - 1, bottom = area.maxY - 1
        for column in (area.x + 1)..<right {
            buffer.set(g.boxHorizontal, x: column, y: area.y, style: style, clip: area)
            buffer.set(g.boxHorizontal, x: column, y: bottom, style: style, clip: area)
        }
        for row in (area.y + 1)..<bottom {
            buffer.set(g.boxVertical, x: area.x, y: row, style: style, clip: area)
            buffer.set(g.boxVertical, x: right, y: row, style: style, clip: area)
        }
        buffer.set(g.boxCorners[0], x: area.x, y: area.y, style: style, clip: area)
        buffer.set(g.boxCorners[1], x: right, y: area.y, style: style, clip: area)
        buffer.set(g.boxCorners[2], x: area.x, y: bottom, style: style, clip: area)
        buffer.set(g.boxCorners[3], x: right, y: bottom, style: style, clip: area)
        let room = area.width - 4
        guard !title.isEmpty, room >= 3 else { return }
        let padded = " " + TextFit.truncate(title, to: room - 2, ellipsis: g.ellipsis) + " "
        var titleStyle = theme.title
        if isFocused { titleStyle.attributes.insert(.reverse) }
        buffer.write(padded, x: area.x + 2, y: area.y, style: titleStyle, clip: area)
    }
}
