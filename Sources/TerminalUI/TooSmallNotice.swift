/// Shown instead of the dashboard when the terminal is too small for it:
/// `Enlarge the window: need at least 80×24, have 60×20`, centred and wrapped at spaces, and
/// under it the keys that still work (`v: back to the dashboard  ?: help  q: quit`), if given.
public struct TooSmallNotice: Widget, Sendable {
    /// The smallest usable width.
    public var requiredWidth: Int
    /// The smallest usable height.
    public var requiredHeight: Int
    /// The terminal's current width.
    public var width: Int
    /// The terminal's current height.
    public var height: Int
    /// Glyphs and styles.
    public var theme: Theme
    /// The keys that still work, one line under the notice (cut to the width), or nil.
    public var hint: String?

    /// A notice asking for `requiredWidth` × `requiredHeight` when the screen is `width` × `height`.
    public init(requiredWidth: Int, requiredHeight: Int, width: Int, height: Int, theme: Theme, hint: String? = nil) {
        self.requiredWidth = requiredWidth
        self.requiredHeight = requiredHeight
        self.width = width
        self.height = height
        self.theme = theme
        self.hint = hint
    }

    /// The notice's text.
    public var message: String { "Enlarge the window: " + sizes }

    /// `need at least 80×24, have 60×20`.
    private var sizes: String {
        let times = theme.glyphs.times
        return "need at least \(requiredWidth)\(times)\(requiredHeight), have \(width)\(times)\(height)"
    }

    /// Draws into `area`, clipped to it: cells outside `area` are left as they were.
    public func render(in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        // On one line when it fits; else the request on its own line and the sizes under it, so
        // that neither size is split from its words.
        let lines = TextFit.width(message) <= area.width ? [message]
            : TextFit.wrap("Enlarge the window:", width: area.width) + TextFit.wrap(sizes, width: area.width)
        // The hint takes the last row when the notice and it do not both fit: the way out matters most.
        let hintRows = hint == nil ? 0 : min(1, area.height)
        let shown = lines.prefix(area.height - hintRows)
        let top = area.y + (area.height - shown.count - hintRows) / 2
        for (index, line) in shown.enumerated() {
            let text = TextFit.truncate(line, to: area.width, ellipsis: theme.glyphs.ellipsis)
            let x = area.x + (area.width - TextFit.width(text)) / 2
            buffer.write(text, x: x, y: top + index, style: index == 0 ? theme.warning : theme.label, clip: area)
        }
        if let hint, hintRows == 1 {
            let text = TextFit.truncate(hint, to: area.width, ellipsis: theme.glyphs.ellipsis)
            let x = area.x + (area.width - TextFit.width(text)) / 2
            buffer.write(text, x: x, y: top + shown.count, style: theme.key, clip: area)
        }
    }
}
