/// A matrix of signed values (a layer's weights) as a diverging colour/glyph map, with a legend.
///
/// One cell per matrix element; a matrix larger than the area is summarised by averaging blocks,
/// and the legend then says so (`16×784 shown as 16×60`). The scale is symmetric around zero
/// (± the largest magnitude): blue/negative, grey/zero, red/positive in colour; the sign-showing
/// ramp `# = - . + * @` without colour. An optional bias column sits right of a separator.
public struct Heatmap: Widget, Sendable {
    /// Matrix rows (a layer's outputs).
    public var rows: Int
    /// Matrix columns (a layer's inputs).
    public var columns: Int
    /// Row-major values: element (r, c) is `values[r * columns + c]`.
    public var values: [Double]
    /// One value per row, shown as an extra column, or nil.
    public var bias: [Double]?
    /// Glyphs and styles.
    public var theme: Theme

    /// A heatmap of a `rows` × `columns` row-major matrix, with an optional bias column.
    /// Cells each value takes across (≥ 1): small matrices read better drawn wider.
    public var cellWidth = 1

    public init(rows: Int, columns: Int, values: [Double], bias: [Double]? = nil, theme: Theme) {
        self.rows = rows
        self.columns = columns
        self.values = values
        self.bias = bias
        self.theme = theme
    }

    /// The largest finite magnitude among the values and the bias (0 when there is none).
    public var scale: Double {
        var largest = 0.0
        for value in values where value.isFinite { largest = max(largest, abs(value)) }
        for value in bias ?? [] where value.isFinite { largest = max(largest, abs(value)) }
        return largest
    }

    /// Draws into `area`, clipped to it: cells outside `area` are left as they were.
    public func render(in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        guard rows > 0, columns > 0, values.count == rows * columns else {
            buffer.write(TextFit.truncate("no weights", to: area.width, ellipsis: theme.glyphs.ellipsis),
                         x: area.x, y: area.y, style: theme.muted, clip: area)
            return
        }
        let legendRows = area.height >= 2 ? 1 : 0
        let width = max(1, cellWidth)
        let hasBias = bias?.count == rows && area.width >= 2 + 2 * width
        let grid = Rect(x: area.x, y: area.y, width: area.width - (hasBias ? 1 + width : 0), height: area.height - legendRows)
        let shownRows = min(rows, grid.height), shownColumns = min(columns, grid.width / width)
        let scale = self.scale
        for row in 0..<shownRows {
            let rowRange = Self.block(row, of: shownRows, over: rows)
            for column in 0..<shownColumns {
                let columnRange = Self.block(column, of: shownColumns, over: columns)
                var sum = 0.0, count = 0
                for r in rowRange {
                    for c in columnRange where values[r * columns + c].isFinite {
                        sum += values[r * columns + c]
                        count += 1
                    }
                }
                for offset in 0..<width {
                    drawValue(count > 0 ? sum / Double(count) : 0, scale: scale, x: grid.x + column * width + offset,
                              y: grid.y + row, clip: area, into: &buffer)
                }
            }
            if hasBias, let bias {
                let biasX = grid.x + shownColumns * width
                buffer.set(theme.glyphs.boxVertical, x: biasX, y: grid.y + row, style: theme.axis, clip: area)
                let finite = rowRange.map { bias[$0] }.filter(\.isFinite)
                let mean = finite.isEmpty ? 0 : finite.reduce(0, +) / Double(finite.count)
                for offset in 0..<width {
                    drawValue(mean, scale: scale, x: biasX + 1 + offset, y: grid.y + row, clip: area, into: &buffer)
                }
            }
        }
        if legendRows == 1 {
            drawLegend(scale: scale, summarised: shownRows < rows || shownColumns < columns,
                       shown: (shownRows, shownColumns), row: Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1),
                       into: &buffer)
        }
    }

    /// The source indices averaged into display index `index` of `shown` over `total`.
    static func block(_ index: Int, of shown: Int, over total: Int) -> Range<Int> {
        let start = index * total / shown, end = (index + 1) * total / shown
        return start..<max(end, start + 1)
    }

    private func drawValue(_ value: Double, scale: Double, x: Int, y: Int, clip: Rect, into buffer: inout CellBuffer) {
        let t = scale > 0 ? value / scale : 0
        buffer.set(theme.divergingGlyph(t), x: x, y: y, style: theme.diverging(t), clip: clip)
    }

    /// `-0.83 … 0 … +0.83` in the scale's end styles (`-0.83 #=-·+*@ +0.83` without colour), then
    /// the summary note when summarised.
    /// The note reads `16×784 shown as 16×60` at every width; when the range and it do not both
    /// fit, the note wins: a summary is never shown without saying so.
    private func drawLegend(scale: Double, summarised: Bool, shown: (rows: Int, columns: Int), row: Rect, into buffer: inout CellBuffer) {
        let g = theme.glyphs, dots = " " + g.rangeDots + " "
        let low = NumberFormat.signed(-scale), high = NumberFormat.signed(scale)
        // Without colour the glyphs carry the sign: the legend shows the ramp itself, low to high.
        let ramp = theme.colorMode == .none ? " " + String(String.UnicodeScalarView(g.signedRamp)) + " " : nil
        let rangeWidth = TextFit.width(low + (ramp ?? dots + "0" + dots) + high)
        // One wording at every width; only the gap before it narrows, then the range gives way.
        let note = "\(rows)\(g.times)\(columns) shown as \(shown.rows)\(g.times)\(shown.columns)"
        var gap = ""
        var showsRange = true
        if summarised {
            if rangeWidth + 2 + TextFit.width(note) <= row.width {
                gap = "  "
            } else if rangeWidth + 1 + TextFit.width(note) <= row.width {
                gap = " "
            } else {
                showsRange = false
            }
        }
        var x = row.x
        if showsRange, let ramp {
            x = buffer.write(low + ramp + high, x: x, y: row.y, style: theme.label, clip: row)
        } else if showsRange {
            x = buffer.write(low, x: x, y: row.y, style: theme.diverging(-1), clip: row)
            x = buffer.write(dots, x: x, y: row.y, style: theme.muted, clip: row)
            x = buffer.write("0", x: x, y: row.y, style: theme.diverging(0), clip: row)
            x = buffer.write(dots, x: x, y: row.y, style: theme.muted, clip: row)
            x = buffer.write(high, x: x, y: row.y, style: theme.diverging(1), clip: row)
        }
        if summarised {
            let text = TextFit.truncate(gap + note, to: max(0, row.maxX - x), ellipsis: g.ellipsis)
            buffer.write(text, x: x, y: row.y, style: theme.muted, clip: row)
        }
    }
}
