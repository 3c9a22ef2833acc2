/// A rectangular grid of cells in memory: what a screen shows, before any terminal sees it.
///
/// Widgets draw into a `CellBuffer`; the curses backend copies the cells that changed to the
/// terminal. Writes outside the buffer are ignored, so widgets can clip by simply drawing.
/// A value type: not shared between threads, copy it to hand it over.
public struct CellBuffer: Equatable, Sendable {
    public private(set) var width: Int
    public private(set) var height: Int
    /// Row-major cells: the cell at column x, row y is `cells[y * width + x]`.
    public private(set) var cells: [Cell]

    /// A buffer of `width` × `height` cells, all `fill`.
    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    /// The whole buffer as a rectangle at the origin.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at column `x`, row `y`; reading outside gives a blank, writing outside does nothing.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, y >= 0, x < width, y < height else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Sets every cell of `rect` (clipped to the buffer) to `cell`.
    public mutating func fill(_ rect: Rect, with cell: Cell) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for row in r.y..<r.maxY {
            let start = row * width
            for column in r.x..<r.maxX { cells[start + column] = cell }
        }
    }

    /// Writes `text` from column `x` of row `y`, one scalar per cell, stopping at `maxWidth`
    /// cells (or the buffer's edge). Returns the column after the last cell written.
    @discardableResult
    public mutating func put(
        _ text: String, x: Int, y: Int, style: CellStyle = .plain, maxWidth: Int = .max
    ) -> Int {
        var column = x
        let limit = x.addingReportingOverflow(maxWidth).overflow ? Int.max : x + maxWidth
        for scalar in text.unicodeScalars {
            if column >= limit || column >= width { break }
            self[column, y] = Cell(scalar, style: style)
            column += 1
        }
        return column
    }

    /// Each row as a string of its characters (styles dropped), for tests and text export.
    public var lines: [String] {
        (0..<height).map { row in
            var line = String.UnicodeScalarView()
            line.append(contentsOf: cells[(row * width)..<(row * width + width)].map(\.character))
            return String(line)
        }
    }

    /// Resizes to `width` × `height`, clearing every cell.
    public mutating func reset(width: Int, height: Int, fill: Cell = .blank) {
        self = CellBuffer(width: width, height: height, fill: fill)
    }
}

/// Anything that draws itself into a rectangle of a cell buffer.
///
/// The whole contract of a widget: draw within `area` (writes outside it are a bug, writes outside
/// the buffer are ignored), read nothing but its own properties, do no I/O.
public protocol Widget {
    func render(in area: Rect, into buffer: inout CellBuffer)
}
