/// One line of feedback (`saved model.json`, `error: …`), cleared to the end of the line.
public struct MessageLine: Widget, Sendable {
    /// How serious a message is, which picks its style.
    public enum Kind: Hashable, Sendable {
        /// Neutral information.
        case info
        /// Something the user should look at.
        case warning
        /// Something failed.
        case error
    }

    /// The message; empty clears the line.
    public var text: String
    /// How serious it is.
    public var kind: Kind
    /// Glyphs and styles.
    public var theme: Theme

    /// A message line showing `text`.
    public init(_ text: String, kind: Kind = .info, theme: Theme) {
        self.text = text
        self.kind = kind
        self.theme = theme
    }

    /// Draws into `area`, clipped to it: cells outside `area` are left as they were.
    public func render(in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        buffer.fill(row, with: .blank)
        let style = switch kind {
        case .info: theme.label
        case .warning: theme.warning
        case .error: theme.bad
        }
        buffer.write(TextFit.truncate(text, to: row.width, ellipsis: theme.glyphs.ellipsis), x: row.x, y: row.y,
                     style: style, clip: row)
    }
}
