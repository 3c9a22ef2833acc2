/// A function of one input over its data: the data points (x, y) as dots and a curve y = f(x)
/// as a line, on one dot canvas (braille with `GlyphSet.unicode`, one marker a cell with
/// `.ascii`), with the y range's ends left of the plot and the x range's under it. For a
/// regression on one input column: the targets and the network's prediction ŷ(x).
///
/// `curve` holds f at `curve.count` evenly spaced x: sample i at the centre of the i-th of
/// `curve.count` equal slices of `xRange` (so with one sample per dot column, sample i is dot
/// column i's centre). Non-finite samples break the line. Drawing is O(points + samples + cells).
public struct FunctionPlot: Widget, Sendable {
    public var points: [DataPoint]
    public var curve: [Double]
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    public var theme: Theme

    public init(points: [DataPoint], curve: [Double], xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, theme: Theme) {
        self.points = points
        self.curve = curve
        self.xRange = xRange
        self.yRange = yRange
        self.theme = theme
    }

    /// The y range's ends as written left of the plot (top, bottom).
    var yLabels: (top: String, bottom: String) { (NumberFormat.compact(yRange.upperBound), NumberFormat.compact(yRange.lowerBound)) }

    /// The cells the dots go in, inside `area`: right of the y labels and the axis, above the row
    /// of x labels. Empty when `area` is too small for a plot.
    public func plotArea(in area: Rect) -> Rect {
        let labels = yLabels
        let labelWidth = max(TextFit.width(labels.top), TextFit.width(labels.bottom))
        guard area.height >= 3, area.width >= labelWidth + 3 else { return Rect(x: area.x, y: area.y, width: 0, height: 0) }
        return Rect(x: area.x + labelWidth + 1, y: area.y, width: area.width - labelWidth - 1, height: area.height - 1)
    }

    /// How many curve samples fill the plot in `area`: one per dot column.
    public func sampleCount(in area: Rect) -> Int {
        plotArea(in: area).width * (theme.glyphs.usesBraille ? 2 : 1)
    }

    public func render(in area: Rect, into buffer: inout CellBuffer) {
        let plot = plotArea(in: area)
        guard !plot.isEmpty else { return }
        let g = theme.glyphs, labels = yLabels, axisX = plot.x - 1
        for row in plot.y..<plot.maxY {
            buffer.set(row == plot.y || row == plot.maxY - 1 ? g.yTick : g.boxVertical, x: axisX, y: row, style: theme.axis, clip: area)
        }
        buffer.write(labels.top, x: axisX - TextFit.width(labels.top), y: plot.y, style: theme.muted, clip: area)
        buffer.write(labels.bottom, x: axisX - TextFit.width(labels.bottom), y: plot.maxY - 1, style: theme.muted, clip: area)
        let low = NumberFormat.compact(xRange.lowerBound), high = NumberFormat.compact(xRange.upperBound)
        buffer.write(low, x: plot.x, y: plot.maxY, style: theme.muted, clip: area)
        if TextFit.width(low) + 1 + TextFit.width(high) <= plot.width {
            buffer.write(high, x: plot.maxX - TextFit.width(high), y: plot.maxY, style: theme.muted, clip: area)
        }
        if g.usesBraille {
            draw(on: BrailleCanvas(width: plot.width, height: plot.height), in: plot, into: &buffer)
        } else {
            draw(on: MarkerCanvas(width: plot.width, height: plot.height), in: plot, into: &buffer)
        }
    }

    /// The points on one canvas, the curve on another laid over it (the curve's look wins where
    /// they share a cell), drawn into `plot`.
    private func draw<Canvas: DotCanvas>(on blank: Canvas, in plot: Rect, into buffer: inout CellBuffer) {
        var dots = blank, line = blank
        let g = theme.glyphs
        for point in points {
            guard let x = dot(point.x, in: xRange, count: dots.dotWidth, flipped: false),
                  let y = dot(point.y, in: yRange, count: dots.dotHeight, flipped: true) else { continue }
            dots.plot(x: x, y: y, style: theme.pointStyle(label: 0, isTest: point.isTest),
                      marker: g.pointGlyph(label: 0, isTest: point.isTest))
        }
        var previous: (x: Int, y: Int)?
        for (index, value) in curve.enumerated() {
            let at = xRange.lowerBound + (Double(index) + 0.5) / Double(curve.count) * (xRange.upperBound - xRange.lowerBound)
            guard let x = dot(at, in: xRange, count: line.dotWidth, flipped: false),
                  let y = dot(value, in: yRange, count: line.dotHeight, flipped: true) else {
                previous = nil
                continue
            }
            line.drawLine(from: previous ?? (x, y), to: (x, y), style: theme.trainSeries, marker: g.trainMarker)
            previous = (x, y)
        }
        dots.overlay(line) { _, _, _ in false }
        dots.render(in: plot, into: &buffer)
    }

    /// The dot index of `value` among `count` dots spanning `range` (the top one first when
    /// `flipped`), or nil when it is not finite or outside the range (the curve breaks there).
    private func dot(_ value: Double, in range: ClosedRange<Double>, count: Int, flipped: Bool) -> Int? {
        let span = range.upperBound - range.lowerBound
        guard value.isFinite, span > 0, count > 0 else { return nil }
        let t = (value - range.lowerBound) / span
        guard (0...1).contains(t) else { return nil }
        let index = min(count - 1, Int(t * Double(count)))
        return flipped ? count - 1 - index : index
    }
}
