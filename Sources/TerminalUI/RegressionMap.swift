/// A regression network's view of the plane: each cell shaded by the predicted value on a
/// diverging scale (blue below zero, red above, stronger with magnitude; `Theme.diverging`), the
/// data points drawn over it coloured by their targets on the same scale, y growing upward.
///
/// The grid is laid out as `DecisionMap`'s: sample (i, j) at `values[j * gridWidth + i]`, j = 0 the
/// bottom row. Values and targets are divided by `scale` (the largest target magnitude) before
/// colouring, so ±scale are the strongest shades. With 256 colours and unicode glyphs each cell
/// shows two samples as a half block; otherwise the signed seven-step glyph ramp. A point's glyph
/// is its class glyph for the target's sign (0: negative, 1: positive).
public struct RegressionMap: Widget, Sendable {
    public var gridWidth: Int
    public var gridHeight: Int
    /// The predicted value of each grid sample.
    public var values: [Double]
    /// The magnitude drawn at full strength (> 0).
    public var scale: Double
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    /// Points drawn over the map; `value` holds each one's target.
    public var points: [DataPoint]
    public var theme: Theme

    public init(gridWidth: Int, gridHeight: Int, values: [Double], scale: Double, xRange: ClosedRange<Double>,
                yRange: ClosedRange<Double>, points: [DataPoint], theme: Theme) {
        self.gridWidth = gridWidth
        self.gridHeight = gridHeight
        self.values = values
        self.scale = scale > 0 && scale.isFinite ? scale : 1
        self.xRange = xRange
        self.yRange = yRange
        self.points = points
        self.theme = theme
    }

    /// O(area cells + points).
    public func render(in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        if gridWidth > 0, gridHeight > 0, values.count == gridWidth * gridHeight {
            let halfBlock = theme.colorMode == .palette256 ? theme.glyphs.upperHalfBlock : nil
            let pixelRows = halfBlock == nil ? area.height : 2 * area.height
            func sample(_ column: Int, _ pixel: Int) -> Double {
                let i = min(gridWidth - 1, Int((Double(column) + 0.5) / Double(area.width) * Double(gridWidth)))
                let j = min(gridHeight - 1, max(0, Int((1 - (Double(pixel) + 0.5) / Double(pixelRows)) * Double(gridHeight))))
                return values[j * gridWidth + i] / scale
            }
            for row in 0..<area.height {
                for column in 0..<area.width {
                    let cell: Cell
                    if let halfBlock {
                        var style = theme.diverging(sample(column, 2 * row))
                        style.background = theme.diverging(sample(column, 2 * row + 1)).foreground
                        cell = Cell(halfBlock, style: style)
                    } else {
                        let t = sample(column, row)
                        cell = Cell(theme.divergingGlyph(t), style: theme.diverging(t))
                    }
                    buffer[area.x + column, area.y + row] = cell
                }
            }
        }
        drawPoints(in: area, into: &buffer)
    }

    private func drawPoints(in area: Rect, into buffer: inout CellBuffer) {
        let width = xRange.upperBound - xRange.lowerBound, height = yRange.upperBound - yRange.lowerBound
        guard width > 0, height > 0 else { return }
        for pass in [false, true] {
            for point in points where point.isTest == pass {
                let fx = (point.x - xRange.lowerBound) / width, fy = (point.y - yRange.lowerBound) / height
                guard fx >= 0, fx <= 1, fy >= 0, fy <= 1 else { continue }
                let column = area.x + min(area.width - 1, Int(fx * Double(area.width)))
                let row = area.y + min(area.height - 1, Int((1 - fy) * Double(area.height)))
                let target = point.value ?? 0
                var style = theme.diverging(target / scale)
                style.attributes = point.isTest ? [.bold, .underline] : .bold
                style.background = buffer[column, row].style.background
                buffer.set(theme.glyphs.pointGlyph(label: target < 0 ? 0 : 1, isTest: point.isTest), x: column, y: row,
                           style: style, clip: area)
            }
        }
    }
}
