extension CellBuffer {
    /// Writes `text` from column `x` of row `y`, one scalar per cell, drawing only cells inside
    /// `clip`. Returns the column after the last scalar (counting clipped ones).
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: CellStyle, clip: Rect) -> Int {
        var column = x
        guard y >= clip.y, y < clip.maxY else { return x + text.unicodeScalars.count }
        for scalar in text.unicodeScalars {
            if column >= clip.maxX { return column + 1 }
            if column >= clip.x { self[column, y] = Cell(scalar, style: style) }
            column += 1
        }
        return column
    }

    /// Sets the cell at column `x`, row `y` to `character` in `style` when it lies inside `clip`.
    @inline(__always)
    public mutating func set(_ character: Unicode.Scalar, x: Int, y: Int, style: CellStyle, clip: Rect) {
        guard clip.contains(column: x, row: y) else { return }
        self[x, y] = Cell(character, style: style)
    }
}

/// Text measuring and truncation by Unicode scalars (every glyph we draw is one cell wide).
public enum TextFit {
    /// The number of cells `text` takes.
    public static func width(_ text: String) -> Int { text.unicodeScalars.count }

    /// `text` cut to at most `width` cells, ending in `ellipsis` when it was cut.
    public static func truncate(_ text: String, to width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        let scalars = text.unicodeScalars
        guard scalars.count > width else { return text }
        let mark = ellipsis.unicodeScalars.count <= width ? ellipsis : ""
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars.prefix(width - mark.unicodeScalars.count))
        return String(kept) + mark
    }
}
