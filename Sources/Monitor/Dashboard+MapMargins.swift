import TerminalUI

extension Dashboard {
    /// The rows of the map panel that a letterboxed map leaves (`mapArea` keeps the data's aspect)
    /// say what the map spans, so they read as the map's axes rather than as half a drawing: the row
    /// above the map `y -0.9 … 1.72` (its bottom to top), the row below `x -1.2 … 2.3` (left to
    /// right), both muted and from the map's left edge. A map that fills its panel's height gets none.
    func drawMapMargins(map: Rect, inner: Rect, into buffer: inout CellBuffer) {
        guard !map.isEmpty, map.width >= 4 else { return }
        let dots = theme.glyphs.ellipsis
        func range(_ axis: String, _ span: ClosedRange<Double>) -> String {
            "\(axis) \(NumberFormat.compact(span.lowerBound)) \(dots) \(NumberFormat.compact(span.upperBound))"
        }
        let names = run.slice.map { $0.axisNames } ?? ["x", "y"]
        let line = Rect(x: map.x, y: 0, width: map.width, height: 1)
        if map.y > inner.y {
            let text = TextFit.truncate(range(names[1], run.yRange), to: map.width, ellipsis: dots)
            buffer.write(text, x: map.x, y: map.y - 1, style: theme.muted, clip: Rect(x: line.x, y: map.y - 1, width: line.width, height: 1))
        }
        if map.maxY < inner.maxY {
            let text = TextFit.truncate(range(names[0], run.xRange), to: map.width, ellipsis: dots)
            buffer.write(text, x: map.x, y: map.maxY, style: theme.muted, clip: Rect(x: line.x, y: map.maxY, width: line.width, height: 1))
        }
    }
}
