/// A grid of plottable dots drawn as cells: braille (2×4 dots per cell) or markers (1 per cell).
///
/// Dot (0, 0) is the top-left; dots outside the grid are ignored. Cells with no dot are not drawn
/// at all, so a canvas can be layered over markers or a background already in the buffer.
public protocol DotCanvas: Widget {
    /// Dots across the canvas.
    var dotWidth: Int { get }
    /// Dots down the canvas.
    var dotHeight: Int { get }
    /// Sets the dot at (`x`, `y`); its cell takes `style` (and `marker`, when one dot fills a cell).
    mutating func plot(x: Int, y: Int, style: CellStyle, marker: Unicode.Scalar)
    /// Lays `top` (a canvas of the same size) over this one. A cell with dots of both shows all
    /// their dots (braille) and takes the look of `top`, unless `keepsUnder(column, row, style
    /// here)` says this canvas's look stays: so two series sharing cells can both stay in sight.
    mutating func overlay(_ top: Self, keepsUnder: (Int, Int, CellStyle) -> Bool)
}

extension DotCanvas {
    /// Draws a straight line of dots from one dot to another (Bresenham), both ends included.
    ///
    /// O(max(|dx|, |dy|)) plots; callers keep endpoints near the canvas.
    /// A `dotted` line sets only the dots whose x + y is even: still readable where it is steep,
    /// and told apart from a solid line without colour.
    public mutating func drawLine(
        from start: (x: Int, y: Int), to end: (x: Int, y: Int), style: CellStyle, marker: Unicode.Scalar,
        dotted: Bool = false
    ) {
        var x = start.x, y = start.y
        let dx = abs(end.x - start.x), dy = -abs(end.y - start.y)
        let stepX = start.x < end.x ? 1 : -1, stepY = start.y < end.y ? 1 : -1
        var error = dx + dy
        while true {
            if !dotted || (x + y) & 1 == 0 { plot(x: x, y: y, style: style, marker: marker) }
            if x == end.x && y == end.y { return }
            let doubled = 2 * error
            if doubled >= dy {
                error += dy
                x += stepX
            }
            if doubled <= dx {
                error += dx
                y += stepY
            }
        }
    }
}

/// A braille dot canvas: each cell holds a 2×4 dot mask shown as U+2800 + mask, and one style
/// (the style of the last dot set in it).
public struct BrailleCanvas: DotCanvas, Sendable {
    /// Dot bits by [x % 2][y % 4], as the Unicode braille block numbers them.
    public static let dotBits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Width in cells.
    public let width: Int
    /// Height in cells.
    public let height: Int
    /// Row-major dot masks, one per cell.
    public private(set) var masks: [UInt8]
    /// Row-major styles, one per cell.
    public private(set) var styles: [CellStyle]

    /// An empty canvas of `width` × `height` cells.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        masks = Array(repeating: 0, count: self.width * self.height)
        styles = Array(repeating: .plain, count: self.width * self.height)
    }

    /// Two dots across per cell.
    public var dotWidth: Int { width * 2 }
    /// Four dots down per cell.
    public var dotHeight: Int { height * 4 }

    /// Sets one dot; `marker` is ignored (the braille pattern is the glyph).
    public mutating func plot(x: Int, y: Int, style: CellStyle, marker: Unicode.Scalar = " ") {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let index = (y >> 2) * width + (x >> 1)
        masks[index] |= Self.dotBits[x & 1][y & 3]
        styles[index] = style
    }

    /// The braille character for a dot mask.
    public static func character(mask: UInt8) -> Unicode.Scalar {
        Unicode.Scalar(0x2800 + UInt32(mask))!
    }

    /// Draws the non-empty cells from the top-left of `area`, clipped to it.
    public func render(in area: Rect, into buffer: inout CellBuffer) {
        for row in 0..<min(height, area.height) {
            for column in 0..<min(width, area.width) {
                let mask = masks[row * width + column]
                if mask != 0 {
                    buffer[area.x + column, area.y + row] = Cell(Self.character(mask: mask), style: styles[row * width + column])
                }
            }
        }
    }
}

extension BrailleCanvas {
    public mutating func overlay(_ top: BrailleCanvas, keepsUnder: (Int, Int, CellStyle) -> Bool) {
        precondition(top.width == width && top.height == height, "overlay needs canvases of one size")
        for index in masks.indices where top.masks[index] != 0 {
            let shared = masks[index] != 0
            if !shared || !keepsUnder(index % width, index / width, styles[index]) { styles[index] = top.styles[index] }
            masks[index] |= top.masks[index]
        }
    }
}

/// A one-dot-per-cell canvas for terminals without braille: each dot is a marker character.
public struct MarkerCanvas: DotCanvas, Sendable {
    /// Width in cells (and dots).
    public let width: Int
    /// Height in cells (and dots).
    public let height: Int
    /// Row-major cells; a space means no dot.
    public private(set) var cells: [Cell]

    /// An empty canvas of `width` × `height` cells.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// One dot across per cell.
    public var dotWidth: Int { width }
    /// One dot down per cell.
    public var dotHeight: Int { height }

    /// Sets the cell at (`x`, `y`) to `marker` in `style` (a later dot replaces an earlier one).
    public mutating func plot(x: Int, y: Int, style: CellStyle, marker: Unicode.Scalar) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        cells[y * width + x] = Cell(marker, style: style)
    }

    /// Draws the marked cells from the top-left of `area`, clipped to it.
    public func render(in area: Rect, into buffer: inout CellBuffer) {
        for row in 0..<min(height, area.height) {
            for column in 0..<min(width, area.width) where cells[row * width + column].character != " " {
                buffer[area.x + column, area.y + row] = cells[row * width + column]
            }
        }
    }
}

extension MarkerCanvas {
    public mutating func overlay(_ top: MarkerCanvas, keepsUnder: (Int, Int, CellStyle) -> Bool) {
        precondition(top.width == width && top.height == height, "overlay needs canvases of one size")
        for index in cells.indices where top.cells[index].character != " " {
            let shared = cells[index].character != " "
            if !shared || !keepsUnder(index % width, index / width, cells[index].style) { cells[index] = top.cells[index] }
        }
    }
}
