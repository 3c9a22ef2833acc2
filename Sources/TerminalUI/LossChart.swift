/// One point of a loss series: the mean of a bucket of epochs, with its optional min and max.
public struct LossPoint: Hashable, Sendable {
    /// Where on the x axis the point lies (epochs, possibly fractional).
    public var epoch: Double
    /// The plotted value (the bucket's mean).
    public var value: Double
    /// The bucket's smallest value, drawn as a band when given.
    public var minimum: Double?
    /// The bucket's largest value, drawn as a band when given.
    public var maximum: Double?

    /// A point at `epoch` with `value`, and an optional min/max band.
    public init(epoch: Double, value: Double, minimum: Double? = nil, maximum: Double? = nil) {
        self.epoch = epoch
        self.value = value
        self.minimum = minimum
        self.maximum = maximum
    }
}

/// Training and test loss over epochs: axes with compact tick labels, a legend, min/max bands,
/// the mean lines, and vertical markers at chosen epochs (learning-rate changes).
///
/// Braille lines with `GlyphSet.unicode`, one marker per cell with `.ascii`. The y axis scales
/// itself to the data, linearly or in log10 (where values ≤ 0 are skipped). Empty series, one
/// point and constant series all draw. The caller buckets long histories; drawing is O(points +
/// cells).
public struct LossChart: Widget, Sendable {
    /// The training series, in epoch order.
    public var train: [LossPoint]
    /// The test series, in epoch order.
    public var test: [LossPoint]
    /// Epochs at which to draw a vertical marker.
    public var markers: [Double]
    /// A label for each marker, in the same order (e.g. `lr 0.05`), written at the top of the
    /// plot beside its marker where it fits; fewer labels than markers leave the rest bare.
    public var markerLabels: [String] = []
    /// Whether the y axis is log10.
    public var logScale: Bool
    /// Glyphs and styles.
    public var theme: Theme
    /// The latest train and test values for the legend (by default the last points, which are
    /// bucket means in a long history).
    public var latestTrain: Double?
    public var latestTest: Double?
    /// Whether a nil latest value leaves the legend's value out instead of falling back to the last
    /// point (a watched log after a restart: the last point is the run before).
    public var legendShowsLatestOnly = false
    /// The names the legend gives the two series; a nil test name leaves the test series out of the
    /// legend (a chart of one curve).
    public var seriesNames: (train: String, test: String?) = ("train", "test")
    /// A faint curve under the others: the future a rewind abandoned.
    public var faint: [LossPoint] = []
    /// An epoch to mark with a cursor line (the rewind point on show), if any.
    public var cursor: Double?
    /// Other runs' training loss drawn over the chart (side-by-side runs), each in its own style.
    public var overlays: [LossOverlay] = []
    /// The training line's style when runs are side by side (its run's colour), else the theme's.
    public var trainStyle: CellStyle?
    /// Smoothing of the train and test lines: an exponential moving average with this weight
    /// (0…0.999), bias-corrected as TensorBoard's is. The raw values stay under it as a faint line
    /// and min/max band, so smoothing never hides a spike. Nil: the raw lines.
    public var smoothing: Double?
    /// The epochs on show when zoomed (points outside are cut at its edges, the y axis fits what
    /// is inside); nil: every epoch.
    public var epochWindow: ClosedRange<Double>?
    /// The read-out cursor: a line at its epoch and a box of every run's values there.
    public var readout: LossReadout?

    /// `points` smoothed: sₖ = w·sₖ₋₁ + (1 − w)·vₖ from s₋₁ = 0, divided by 1 − wᵏ⁺¹ (the debiasing
    /// that keeps the start from being pulled to 0). Non-finite values pass through unsmoothed.
    public static func smoothed(_ points: [LossPoint], weight: Double) -> [LossPoint] {
        let w = min(0.999, max(0, weight))
        var last = 0.0, factor = 1.0
        return points.map { point in
            guard point.value.isFinite else { return point }
            last = w * last + (1 - w) * point.value
            factor *= w
            var smoothed = point
            smoothed.value = last / (1 - factor)
            return smoothed
        }
    }

    /// A chart of `train` and `test` with markers at `markers`.
    public init(train: [LossPoint], test: [LossPoint], markers: [Double] = [], logScale: Bool = false, theme: Theme) {
        self.train = train
        self.test = test
        self.markers = markers
        self.logScale = logScale
        self.theme = theme
    }

    /// A chart of plain (epoch, value) series with no bands.
    public init(
        train: [(epoch: Double, value: Double)], test: [(epoch: Double, value: Double)],
        markers: [Double] = [], logScale: Bool = false, theme: Theme
    ) {
        self.init(train: train.map { LossPoint(epoch: $0.epoch, value: $0.value) },
                  test: test.map { LossPoint(epoch: $0.epoch, value: $0.value) },
                  markers: markers, logScale: logScale, theme: theme)
    }

    /// Draws into `area`, clipped to it: cells outside `area` are left as they were.
    public func render(in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let legendRows = legendRowCount(in: area)
        if legendRows > 0 { drawLegend(in: Rect(x: area.x, y: area.y, width: area.width, height: legendRows), into: &buffer) }
        let body = Rect(x: area.x, y: area.y + legendRows, width: area.width, height: area.height - legendRows)
        guard let ranges = dataRanges() else {
            let note = TextFit.truncate("no data yet", to: body.width, ellipsis: theme.glyphs.ellipsis)
            let place = body.centered(width: TextFit.width(note), height: 1)
            buffer.write(note, x: place.x, y: place.y, style: theme.muted, clip: area)
            return
        }
        let plotRows = body.height - 2
        let yAxis = AxisScale(minimum: ranges.y.lowerBound, maximum: ranges.y.upperBound, logarithmic: logScale,
                              tickCount: min(6, max(2, plotRows / 2 + 1)), roundOutward: true)
        let yLabels = yAxis.ticks.map(NumberFormat.compact)
        let labelWidth = yLabels.map(TextFit.width).max() ?? 1
        guard plotRows >= 1, body.width >= labelWidth + 3 else {
            plotData(in: body, xRange: ranges.x, yAxis: yAxis, into: &buffer)
            return
        }
        let plot = Rect(x: body.x + labelWidth + 1, y: body.y, width: body.width - labelWidth - 1, height: plotRows)
        drawYAxis(plot: plot, axis: yAxis, labels: yLabels, labelWidth: labelWidth, into: &buffer)
        drawXAxis(plot: plot, xRange: ranges.x, clip: area, into: &buffer)
        plotData(in: plot, xRange: ranges.x, yAxis: yAxis, into: &buffer)
    }

    /// The x range of all epochs and the y range of all drawable values (means and bands), or nil
    /// when nothing can be drawn.
    func dataRanges() -> (x: ClosedRange<Double>, y: ClosedRange<Double>)? {
        var xLow = Double.infinity, xHigh = -Double.infinity, yLow = Double.infinity, yHigh = -Double.infinity
        func include(_ value: Double?, at epoch: Double) {
            guard let value, value.isFinite, !logScale || value > 0 else { return }
            yLow = min(yLow, value)
            yHigh = max(yHigh, value)
            xLow = min(xLow, epoch)
            xHigh = max(xHigh, epoch)
        }
        for points in [train, test, faint] + overlays.map(\.points) {
            for point in windowed(points) where point.epoch.isFinite {
                include(point.value, at: point.epoch)
                include(point.minimum, at: point.epoch)
                include(point.maximum, at: point.epoch)
            }
        }
        guard yLow <= yHigh else { return nil }
        if let epochWindow, epochWindow.upperBound > epochWindow.lowerBound { return (epochWindow, yLow...yHigh) }
        return (xLow...(xHigh > xLow ? xHigh : xLow + 1), yLow...yHigh)
    }

    /// Markers, then bands, then mean lines (test under train, both kept in sight where they
    /// share cells), each layer over the one before.
    private func plotData(in plot: Rect, xRange: ClosedRange<Double>, yAxis: AxisScale, into buffer: inout CellBuffer) {
        guard !plot.isEmpty else { return }
        drawMarkers(plot: plot, xRange: xRange, into: &buffer)
        if let cursor, xRange.contains(cursor), let t = fraction(of: cursor, in: xRange) {
            let column = plot.x + roundedToInt(t * Double(plot.width - 1))
            for row in plot.y..<plot.maxY {
                buffer.set(theme.glyphs.verticalMarker, x: column, y: row, style: theme.title, clip: plot)
            }
        }
        defer {
            drawMarkerLabels(plot: plot, xRange: xRange, into: &buffer)
            if let readout { drawReadout(readout, plot: plot, xRange: xRange, into: &buffer) }
        }
        if theme.glyphs.usesBraille {
            var canvas = BrailleCanvas(width: plot.width, height: plot.height)
            drawSeries(on: &canvas, trainOn: BrailleCanvas(width: plot.width, height: plot.height), xRange: xRange, yAxis: yAxis)
            canvas.render(in: plot, into: &buffer)
        } else {
            var canvas = MarkerCanvas(width: plot.width, height: plot.height)
            drawSeries(on: &canvas, trainOn: MarkerCanvas(width: plot.width, height: plot.height), xRange: xRange, yAxis: yAxis)
            canvas.render(in: plot, into: &buffer)
        }
    }

    /// Another run's line (an overlay) on `canvas`, dotted where colour cannot tell it apart.
    private func drawOverlay<Canvas: DotCanvas>(
        _ overlay: LossOverlay, on canvas: inout Canvas, xRange: ClosedRange<Double>, yAxis: AxisScale
    ) {
        var previous: (x: Int, y: Int)?
        for point in overlay.points {
            guard let x = dotX(point.epoch, xRange, canvas.dotWidth), let y = dotY(point.value, yAxis, canvas.dotHeight)
            else { continue }
            canvas.drawLine(from: previous ?? (x, y), to: (x, y), style: overlay.style, marker: overlay.marker,
                            dotted: theme.colorMode == .none && theme.glyphs.usesBraille)
            previous = (x, y)
        }
    }

    /// Bands and the test line on `canvas`, the train line on `trainCanvas` (a blank canvas of the
    /// same size), then the train line laid over the rest. Where the two lines share cells, every
    /// other column keeps the test line's look, so neither vanishes behind the other.
    private func drawSeries<Canvas: DotCanvas>(
        on canvas: inout Canvas, trainOn trainCanvas: Canvas, xRange: ClosedRange<Double>, yAxis: AxisScale
    ) {
        var trainCanvas = trainCanvas
        let g = theme.glyphs
        let (train, test, faint) = (windowed(train), windowed(test), windowed(faint))
        let overlays = overlays.map { overlay in
            var cut = overlay
            cut.points = windowed(overlay.points)
            return cut
        }
        var previousFaint: (x: Int, y: Int)?
        for point in faint {
            guard let x = dotX(point.epoch, xRange, canvas.dotWidth), let y = dotY(point.value, yAxis, canvas.dotHeight)
            else { continue }
            canvas.drawLine(from: previousFaint ?? (x, y), to: (x, y), style: theme.trainBand, marker: g.bandMarker,
                            dotted: true)
            previousFaint = (x, y)
        }
        for overlay in overlays where !overlay.pinned { drawOverlay(overlay, on: &canvas, xRange: xRange, yAxis: yAxis) }
        let rawSeries = [(test, theme.testBand), (train, theme.trainBand)]
        if smoothing != nil {
            for (points, bandStyle) in rawSeries {
                var previous: (x: Int, y: Int)?
                for point in points {
                    guard let x = dotX(point.epoch, xRange, canvas.dotWidth), let y = dotY(point.value, yAxis, canvas.dotHeight)
                    else { continue }
                    canvas.drawLine(from: previous ?? (x, y), to: (x, y), style: bandStyle, marker: g.bandMarker)
                    previous = (x, y)
                }
            }
        }
        // Smoothed over the whole run, then cut to the window, so zooming does not restart the average.
        let lineTest = windowed(smoothing.map { Self.smoothed(self.test, weight: $0) } ?? self.test)
        let lineTrain = windowed(smoothing.map { Self.smoothed(self.train, weight: $0) } ?? self.train)
        let series = [(lineTest, theme.testBand, theme.testSeries, g.testMarker),
                      (lineTrain, theme.trainBand, trainStyle ?? theme.trainSeries, g.trainMarker)]
        for (points, bandStyle) in rawSeries {
            for point in points {
                guard let low = point.minimum, let high = point.maximum,
                      let x = dotX(point.epoch, xRange, canvas.dotWidth),
                      let top = dotY(high, yAxis, canvas.dotHeight), let bottom = dotY(low, yAxis, canvas.dotHeight)
                else { continue }
                canvas.drawLine(from: (x, top), to: (x, bottom), style: bandStyle, marker: g.bandMarker)
            }
        }
        // Without colour, braille lines look alike: the test line is dotted (ASCII has its own markers).
        let dottedTest = theme.colorMode == .none && g.usesBraille
        for (index, (points, _, lineStyle, marker)) in series.enumerated() {
            var previous: (x: Int, y: Int)?
            for point in points {
                guard let x = dotX(point.epoch, xRange, canvas.dotWidth), let y = dotY(point.value, yAxis, canvas.dotHeight)
                else { continue }
                let from = previous ?? (x, y)
                if index == 0 {
                    canvas.drawLine(from: from, to: (x, y), style: lineStyle, marker: marker, dotted: dottedTest)
                } else {
                    trainCanvas.drawLine(from: from, to: (x, y), style: lineStyle, marker: marker)
                }
                previous = (x, y)
            }
        }
        // Pinned runs lie on top of everything, the selected run's lines included.
        for overlay in overlays where overlay.pinned { drawOverlay(overlay, on: &trainCanvas, xRange: xRange, yAxis: yAxis) }
        // The test line's style tells it from a band under it.
        let testStyle = theme.testSeries
        canvas.overlay(trainCanvas) { column, _, style in column % 2 == 1 && style == testStyle }
    }

    /// Where `epoch` lies in `range` as a fraction (0 at the low end), or nil when it cannot be
    /// placed. Halves both sides when the span overflows (epochs near ±Double.greatestFiniteMagnitude).
    func fraction(of epoch: Double, in range: ClosedRange<Double>) -> Double? {
        guard epoch.isFinite else { return nil }
        var t = (epoch - range.lowerBound) / (range.upperBound - range.lowerBound)
        if !t.isFinite { t = (epoch / 2 - range.lowerBound / 2) / (range.upperBound / 2 - range.lowerBound / 2) }
        return t.isFinite ? t : nil
    }

    /// The dot column of `epoch`, kept near the canvas so lines stay short.
    private func dotX(_ epoch: Double, _ range: ClosedRange<Double>, _ dots: Int) -> Int? {
        guard let t = fraction(of: epoch, in: range) else { return nil }
        return roundedToInt(min(2, max(-1, t)) * Double(dots - 1))
    }

    /// The dot row of `value` (row 0 at the top), or nil when it has no place on the axis.
    private func dotY(_ value: Double, _ axis: AxisScale, _ dots: Int) -> Int? {
        guard let t = axis.position(of: value) else { return nil }
        return roundedToInt((1 - min(2, max(-1, t))) * Double(dots - 1))
    }
}

/// Another run's training loss on the chart: its name for the legend, its points and its look.
public struct LossOverlay: Hashable, Sendable {
    public var name: String
    public var points: [LossPoint]
    public var style: CellStyle
    public var marker: Unicode.Scalar
    /// Pinned: drawn over every other line and listed first in the legend.
    public var pinned = false
    /// A shorter name the legend uses when the names do not all fit whole (nil: `name`).
    public var shortName: String?

    public init(name: String, points: [LossPoint], style: CellStyle, marker: Unicode.Scalar, pinned: Bool = false,
                shortName: String? = nil) {
        self.name = name
        self.shortName = shortName
        self.points = points
        self.style = style
        self.marker = marker
        self.pinned = pinned
    }
}
