/// A prompt on one line with what has been typed and a cursor (`_`) after it, cleared to the end
/// of the line. The typed text and the cursor always show: the prompt is the longest of its
/// wordings (each says the same in fewer words) that leaves room for them, and when even the
/// shortest does not, the line shows the typed text's end after an ellipsis.
public struct PromptLine: Widget, Sendable {
    /// The prompt's wordings, longest first (`fork with one change (lr=0.3, …), Enter starts it: `, `fork: `).
    public var wordings: [String]
    /// What has been typed.
    public var typed: String
    /// How it is styled, as a message line of this kind.
    public var kind: MessageLine.Kind
    /// Glyphs and styles.
    public var theme: Theme

    /// A prompt line worded as the first of `wordings` that fits with `typed` and the cursor.
    public init(_ wordings: [String], typed: String, kind: MessageLine.Kind = .warning, theme: Theme) {
        self.wordings = wordings
        self.typed = typed
        self.kind = kind
        self.theme = theme
    }

    /// The line's text in `width` cells: a wording, the typed text and `_`. O(wordings + typed).
    public func text(width: Int) -> String {
        guard width > 0 else { return "" }
        let tail = typed + "_"
        if let wording = wordings.first(where: { TextFit.width($0) + TextFit.width(tail) <= width }) {
            return wording + tail
        }
        // No wording leaves room: the end of the shortest one and the typed text, after an ellipsis
        // (on a line too narrow for an ellipsis and two cells, the end alone).
        let line = (wordings.last ?? "") + tail
        let ellipsis = theme.glyphs.ellipsis
        let keep = max(0, width - TextFit.width(ellipsis))
        guard keep >= 2 else { return String(String.UnicodeScalarView(tail.unicodeScalars.suffix(width))) }
        return ellipsis + String(String.UnicodeScalarView(line.unicodeScalars.suffix(keep)))
    }

    /// Draws into `area`'s first row, clipped to it: cells outside `area` are left as they were.
    public func render(in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        MessageLine(text(width: area.width), kind: kind, theme: theme).render(in: area, into: &buffer)
    }
}
