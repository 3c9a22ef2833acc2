/// The furniture of a loss chart: legend, axes, tick labels and epoch markers.
extension LossChart {
    /// `• train 0.012  ∘ test 0.034  log`: markers in series styles, latest values, the scale,
    /// then the other runs, on the first row of `rows` or, when it has two, on the second.
    func drawLegend(in rows: Rect, into buffer: inout CellBuffer) {
        let g = theme.glyphs
        let row = Rect(x: rows.x, y: rows.y, width: rows.width, height: 1)
        var x = row.x
        for (text, marker, style) in seriesLegendEntries {
            x = buffer.write(String(marker), x: x, y: row.y, style: style, clip: row)
            x = buffer.write(text, x: x, y: row.y, style: theme.label, clip: row)
        }
        let logMark = logScale ? 4 : 0
        var runs = row
        if rows.height >= 2 {
            if logScale { buffer.write("log", x: x, y: row.y, style: theme.muted, clip: row) }
            runs = Rect(x: rows.x, y: rows.y + 1, width: rows.width, height: 1)
        } else {
            runs = Rect(x: x, y: row.y, width: max(0, row.maxX - x), height: 1)
        }
        let (ordered, fitted) = fittedOverlays(room: runs.width - (rows.height >= 2 ? 0 : logMark),
                                               endsRow: rows.height >= 2 || !logScale)
        x = runs.x
        for (overlay, name) in zip(ordered, fitted.names) {
            x = buffer.write(String(overlay.marker), x: x, y: runs.y, style: overlay.style, clip: runs)
            x = buffer.write(" " + name + "  ", x: x, y: runs.y, style: theme.label, clip: runs)
        }
        if fitted.dropped > 0 { x = buffer.write(g.ellipsis + " ", x: x, y: runs.y, style: theme.muted, clip: runs) }
        if logScale, rows.height < 2 { buffer.write("log", x: x, y: row.y, style: theme.muted, clip: row) }
    }

    /// The train and test entries' text after their markers (`" train 0.012  "`), markers, styles.
    var seriesLegendEntries: [(text: String, marker: Unicode.Scalar, style: CellStyle)] {
        let g = theme.glyphs
        var series = [(seriesNames.train, train, latestTrain, g.trainMarker, trainStyle ?? theme.trainSeries)]
        if let testName = seriesNames.test { series.append((testName, test, latestTest, g.testMarker, theme.testSeries)) }
        return series.map { name, points, latest, marker, style in
            var text = " " + name
            let fallback = legendShowsLatestOnly ? nil : points.last(where: { $0.value.isFinite })?.value
            if let value = latest ?? fallback { text += " " + NumberFormat.compact(value) }
            return (text + "  ", marker, style)
        }
    }

    /// The other runs in legend order and their names as `room` cells hold them. Pinned runs
    /// first, so a narrow legend keeps them; names that do not all fit whole give way to the short
    /// names, cut to fit, and an ellipsis stands for runs left out: none vanishes silently.
    /// `endsRow`: nothing follows the runs on their row (no `log`), so the last needs no gap after it.
    func fittedOverlays(room: Int, endsRow: Bool) -> (ordered: [LossOverlay], fitted: (names: [String], dropped: Int)) {
        let ordered = overlays.filter(\.pinned) + overlays.filter({ !$0.pinned })
        let whole = ordered.map(\.name)
        var fitted = Self.fitLegendNames(whole, room: room, ellipsis: theme.glyphs.ellipsis, endsRow: endsRow)
        if fitted.names != whole {
            fitted = Self.fitLegendNames(ordered.map { $0.shortName ?? $0.name }, room: room, ellipsis: theme.glyphs.ellipsis,
                                         endsRow: endsRow)
        }
        return (ordered, fitted)
    }

    /// The y axis line left of `plot`, with a tick and right-aligned label at each tick row.
    func drawYAxis(plot: Rect, axis: AxisScale, labels: [String], labelWidth: Int, into buffer: inout CellBuffer) {
        let g = theme.glyphs, axisX = plot.x - 1
        let clip = Rect(x: axisX - labelWidth, y: plot.y, width: labelWidth + 1, height: plot.height + 1)
        for row in plot.y..<plot.maxY { buffer.set(g.boxVertical, x: axisX, y: row, style: theme.axis, clip: clip) }
        buffer.set(g.axisCorner, x: axisX, y: plot.maxY, style: theme.axis, clip: clip)
        // One label per row: where ticks share a row, the tick nearest the row's exact value wins.
        var best: [Int: (distance: Double, label: String)] = [:]
        for (value, label) in zip(axis.ticks, labels) {
            guard let t = axis.position(of: value), t >= -1e-9, t <= 1 + 1e-9 else { continue }
            let exactRow = (1 - t) * Double(plot.height - 1)
            let row = plot.y + roundedToInt(exactRow)
            let distance = abs(exactRow - exactRow.rounded())
            if let current = best[row], current.distance <= distance { continue }
            best[row] = (distance, label)
        }
        for (row, entry) in best {
            buffer.set(g.yTick, x: axisX, y: row, style: theme.axis, clip: clip)
            buffer.write(entry.label, x: axisX - TextFit.width(entry.label), y: row, style: theme.muted, clip: clip)
        }
    }

    /// The x axis line under `plot`, with epoch ticks and labels on the row below it.
    func drawXAxis(plot: Rect, xRange: ClosedRange<Double>, clip: Rect, into buffer: inout CellBuffer) {
        let g = theme.glyphs, axisY = plot.maxY
        for column in plot.x..<plot.maxX { buffer.set(g.boxHorizontal, x: column, y: axisY, style: theme.axis, clip: clip) }
        let axis = AxisScale(minimum: xRange.lowerBound, maximum: xRange.upperBound, logarithmic: false,
                             tickCount: max(3, plot.width / 8), roundOutward: false)
        var nextFree = clip.x
        for value in axis.ticks {
            guard let t = fraction(of: value, in: xRange), t >= -1e-9, t <= 1 + 1e-9 else { continue }
            let column = plot.x + roundedToInt(t * Double(plot.width - 1))
            let label = NumberFormat.compact(value)
            let start = min(max(column - TextFit.width(label) / 2, clip.x), clip.maxX - TextFit.width(label))
            guard start >= nextFree else { continue }
            buffer.set(g.xTick, x: column, y: axisY, style: theme.axis, clip: clip)
            nextFree = buffer.write(label, x: start, y: axisY + 1, style: theme.muted, clip: clip) + 1
        }
    }

    /// A vertical marker glyph down every row of `plot` at each marker epoch inside the x range.
    func drawMarkers(plot: Rect, xRange: ClosedRange<Double>, into buffer: inout CellBuffer) {
        for epoch in markers where xRange.contains(epoch) {
            guard let t = fraction(of: epoch, in: xRange) else { continue }
            let column = plot.x + roundedToInt(t * Double(plot.width - 1))
            for row in plot.y..<plot.maxY {
                buffer.set(theme.glyphs.verticalMarker, x: column, y: row, style: theme.eventMarker, clip: plot)
            }
        }
    }

    /// Each marker's label on the plot's top row, right of its marker (left of it when there is no
    /// room on the right); a label that would overlap the one before it, or not fit, is left out.
    func drawMarkerLabels(plot: Rect, xRange: ClosedRange<Double>, into buffer: inout CellBuffer) {
        var nextFree = plot.x
        for (epoch, label) in zip(markers, markerLabels) where xRange.contains(epoch) {
            guard let t = fraction(of: epoch, in: xRange) else { continue }
            let column = plot.x + roundedToInt(t * Double(plot.width - 1))
            let width = TextFit.width(label)
            var start = column + 1
            if start + width > plot.maxX { start = column - width }
            guard start >= nextFree, start >= plot.x, start + width <= plot.maxX else { continue }
            nextFree = buffer.write(label, x: start, y: plot.y, style: theme.eventMarker, clip: plot) + 1
        }
    }
}
