/// A horizontal run of cells to draw: `cells` go at `row`, starting at `column`.
public struct CellRun: Hashable, Sendable {
    /// The row the run is on.
    public var row: Int
    /// The column of the run's first cell.
    public var column: Int
    /// The cells, left to right.
    public var cells: [Cell]

    /// A run of `cells` starting at column `column` of row `row`.
    public init(row: Int, column: Int, cells: [Cell]) {
        self.row = row
        self.column = column
        self.cells = cells
    }
}

/// Works out which cells of the screen changed between two frames, so a backend draws only those.
///
/// Pure: compares two buffers and returns runs of adjacent changed cells, top to bottom and left
/// to right. A backend moves the cursor once per run and writes the run's cells in order.
public enum ScreenDiff {
    /// The runs of cells that differ between `previous` and `next`.
    ///
    /// With no previous frame, or one of a different size, every row of `next` is one run (a full
    /// redraw). Cells compare by character and style. O(width × height).
    public static func runs(from previous: CellBuffer?, to next: CellBuffer) -> [CellRun] {
        guard let previous, previous.width == next.width, previous.height == next.height else {
            return fullRedraw(of: next)
        }
        var runs: [CellRun] = []
        let width = next.width
        for row in 0..<next.height {
            let start = row * width
            var column = 0
            while column < width {
                guard previous.cells[start + column] != next.cells[start + column] else {
                    column += 1
                    continue
                }
                let runStart = column
                while column < width, previous.cells[start + column] != next.cells[start + column] {
                    column += 1
                }
                let cells = Array(next.cells[(start + runStart)..<(start + column)])
                runs.append(CellRun(row: row, column: runStart, cells: cells))
            }
        }
        return runs
    }

    /// Every row of `buffer` as one run: what to draw when nothing on screen can be trusted.
    public static func fullRedraw(of buffer: CellBuffer) -> [CellRun] {
        guard buffer.width > 0 else { return [] }
        return (0..<buffer.height).map { row in
            let start = row * buffer.width
            return CellRun(row: row, column: 0, cells: Array(buffer.cells[start..<(start + buffer.width)]))
        }
    }
}
