/// A piece of text in a status bar, with its own style (nil: the bar's style).
public struct StatusSegment: Hashable, Sendable {
    /// The text shown.
    public var text: String
    /// The text's style, or nil for the bar's own style.
    public var style: CellStyle?

    /// A segment showing `text`.
    public init(_ text: String, style: CellStyle? = nil) {
        self.text = text
        self.style = style
    }
}

/// One line of segments, some aligned left and some right, on a full-width bar.
///
/// Segments are separated by one space. When everything does not fit, the right-hand segments
/// win and the left-hand text is cut with an ellipsis; right-hand text alone that is too wide is
/// cut the same way.
public struct StatusBar: Widget, Sendable {
    /// Segments from the left edge.
    public var left: [StatusSegment]
    /// Segments ending at the right edge.
    public var right: [StatusSegment]
    /// Glyphs and styles (the bar uses `theme.statusBar`).
    public var theme: Theme

    /// A bar with `left` and `right` segments.
    public init(left: [StatusSegment], right: [StatusSegment] = [], theme: Theme) {
        self.left = left
        self.right = right
        self.theme = theme
    }

    /// Draws into `area`, clipped to it: cells outside `area` are left as they were.
    public func render(in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let line = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(line, with: Cell(" ", style: theme.statusBar))
        let rightWidth = Self.width(of: right)
        if rightWidth >= line.width {
            draw(right, from: line.x, room: line.width, row: line, into: &buffer)
            return
        }
        draw(right, from: line.maxX - rightWidth, room: rightWidth, row: line, into: &buffer)
        draw(left, from: line.x, room: line.width - rightWidth - (rightWidth > 0 ? 1 : 0), row: line, into: &buffer)
    }

    /// Cells taken by `segments` joined with single spaces.
    static func width(of segments: [StatusSegment]) -> Int {
        segments.isEmpty ? 0 : segments.map { TextFit.width($0.text) }.reduce(segments.count - 1, +)
    }

    private func draw(_ segments: [StatusSegment], from start: Int, room: Int, row: Rect, into buffer: inout CellBuffer) {
        guard room > 0 else { return }
        let limit = start + room
        var x = start
        for (index, segment) in segments.enumerated() {
            if index > 0 { x += 1 }
            guard x < limit else { return }
            let text = TextFit.truncate(segment.text, to: limit - x, ellipsis: theme.glyphs.ellipsis)
            x = buffer.write(text, x: x, y: row.y, style: segment.style ?? theme.statusBar, clip: row)
        }
    }
}
