extension TextFit {
    /// `text` broken at spaces into lines of at most `width` cells; a word longer than `width`
    /// stays whole on its own line (cut it with `truncate` if it must fit). O(text).
    public static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if Self.width(current) + 1 + word.unicodeScalars.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
