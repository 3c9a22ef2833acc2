import Foundation

/// One run's curves in loss.svg: its name in the legend, its history and its colour.
public struct LossPictureRun: Sendable {
    public var name: String
    public var history: LossHistory
    /// Where it stands among side-by-side runs (its stable colour), nil for a lone run (train
    /// blue, test orange).
    public var index: Int?
    /// The epoch a fork went on from its parent at (nil: a run of its own). Its history up to there
    /// is its parent's, drawn by the parent: the fork is drawn from this epoch on, its start marked.
    public var forkEpoch: Int?

    public init(name: String, history: LossHistory, index: Int? = nil, forkEpoch: Int? = nil) {
        self.name = name
        self.history = history
        self.index = index
        self.forkEpoch = forkEpoch
    }
}

extension SnapshotPictures {
    /// The colours of side-by-side runs, in run order: the monitor's run hues, darkened to read on white.
    static let runColors = ["#0087d7", "#d73737", "#28a028", "#a03cc8", "#c89600", "#00a0a0"]

    /// Train and test loss over one run, as `loss(runs:)` draws it.
    /// `restarts`: a watched log's restarts (the last epoch on the axis before each new segment);
    /// `restartOffsets`, `axisName`: see `loss(runs:…)`.
    public static func loss(history: LossHistory, learningRateChanges: [LearningRateChange], title: String = "",
                            restarts: [Int] = [], restartOffsets: [Int] = [], axisName: String = "epoch") -> String {
        loss(runs: [LossPictureRun(name: "", history: history)], learningRateChanges: learningRateChanges, title: title,
             restarts: restarts, restartOffsets: restartOffsets, axisName: axisName)
    }

    /// Train and test loss of every run in `runs`, on a linear and a log axis: for each curve a
    /// faint band from the raw minimum to maximum of each history bucket and the thin raw line
    /// (so no spike is hidden), under the smoothed line (`LossSmoothing.pictureWeight`): one
    /// `<path>` per curve per panel, the band a `<polygon>`, the raw line a `<polyline>`.
    ///
    /// A lone run draws train blue and test orange; side-by-side runs each draw in their stable
    /// colour (as in the monitor), train solid and test dashed, with a legend naming them.
    /// The epoch axis runs from 0 (the epoch before the first recorded) to the last epoch recorded.
    /// Each history bucket is plotted at its middle epoch; the first and last buckets are also
    /// drawn at the first and last epochs they cover, so the curves span the run. Learning-rate
    /// changes are marked and labelled with the rate they set.
    ///
    /// A watched log that started again (`restarts`, each the last epoch on the axis before a new
    /// segment) is marked `restart` between the segments, as the monitor's chart does (the label
    /// above the plot, clear of the curves), and each segment is drawn and smoothed on its own: no
    /// line joins or averages two segments. With `restartOffsets` (each restart's chart epoch −
    /// logged epoch) the axis is labelled in the log's own epochs, starting again after each
    /// restart (`loggedEpochTicks`), and named `axisName` (`epoch`, or `step`) "as logged".
    public static func loss(runs: [LossPictureRun], learningRateChanges: [LearningRateChange], title: String = "",
                            restarts: [Int] = [], restartOffsets: [Int] = [], axisName: String = "epoch") -> String {
        let weight = LossSmoothing.pictureWeight
        let curves = runs.flatMap { run in
            [("train", run.history.trainLoss), ("test", run.history.testLoss)].map { kind, metric in
                LossPictureCurve(run: run, kind: kind, metric: metric, weight: weight, restarts: restarts)
            }
        }.filter { !$0.raw.isEmpty }
        // Side by side, the legend is a block of rows under the title, and the panels move down.
        let legend = runs.count > 1 ? legendRows(curves: curves, width: 690) : []
        let legendHeight = legend.isEmpty ? 0 : Double(legend.count) * 16 + 6
        var svg = SVGDocument(width: 800, height: 686 + legendHeight)
        if !title.isEmpty { svg.text(title, x: 20, y: 22, size: 15, extra: " font-weight=\"bold\" class=\"title\"") }
        for (row, entries) in legend.enumerated() {
            var x = 80.0
            let y = 44 + Double(row) * 16
            for entry in entries {
                svg.line(x, y - 4, x + 20, y - 4, stroke: entry.colour, extra: " stroke-width=\"2\"\(entry.dash) class=\"legend\"")
                svg.text(entry.name, x: x + 24, y: y, size: 11)
                x += SVGDocument.estimatedWidth(of: entry.name, size: 11) + 38
            }
        }
        let firstEpoch = runs.compactMap { $0.history.trainLoss.buckets.first?.firstEpoch }.min() ?? 1
        let lastEpoch = runs.flatMap { [$0.history.trainLoss, $0.history.testLoss] }.compactMap { $0.buckets.last?.lastEpoch }.max() ?? 1
        let startEpoch = Double(max(0, firstEpoch - 1)), endEpoch = max(Double(lastEpoch), startEpoch + 1)
        for (panel, logScale) in [(0, false), (1, true)] {
            let top = 70.0 + legendHeight + Double(panel) * 310, left = 80.0, width = 690.0, height = 240.0
            let panelName = logScale ? "log" : "linear"
            svg.text(logScale ? "loss (log scale)" : "loss (linear scale)", x: left, y: top - 12, size: 14, extra: " font-weight=\"bold\"")
            let values = curves.flatMap { $0.raw.map(\.1) + $0.lows + $0.highs }.filter { $0.isFinite && (!logScale || $0 > 0) }
            let yTicks = logScale
                ? AxisTicks.logarithmic(values.min() ?? 0.1, values.max() ?? 1)
                : AxisTicks.linear(min(0, values.min() ?? 0), values.max() ?? 1, extend: true)
            let low = logScale ? log10(yTicks.lower) : yTicks.lower, high = logScale ? log10(yTicks.upper) : yTicks.upper
            let xTicks = loggedEpochTicks(AxisTicks.linear(startEpoch, endEpoch, maxIntervals: 8, extend: false, thousands: true),
                                          start: startEpoch, end: endEpoch, restarts: restarts, offsets: restartOffsets)
            func x(_ epoch: Double) -> Double { left + (epoch - startEpoch) / (endEpoch - startEpoch) * width }
            func y(_ value: Double) -> Double {
                let v = logScale ? log10(max(value, 1e-300)) : value
                return top + height - (v - low) / (high - low) * height
            }
            func drawable(_ value: Double) -> Bool { value.isFinite && (!logScale || value > 0) }
            drawAxes(&svg, panel: panelName, top: top, left: left, width: width, height: height,
                     xTicks: xTicks.map { (x($0.position), $0.position) }, xLabels: xTicks.map(\.label),
                     xName: restartOffsets.isEmpty || restarts.isEmpty ? axisName : axisName + " (as logged: counts again after each restart)",
                     yTicks: yTicks.values.map(y), yLabels: yTicks.labels)
            for (index, change) in learningRateChanges.enumerated() where (startEpoch...endEpoch).contains(Double(change.epoch)) {
                let xx = x(Double(change.epoch))
                svg.line(xx, top, xx, top + height, stroke: "#999999",
                         extra: " stroke-dasharray=\"4 3\" class=\"lr-change\" data-panel=\"\(panelName)\"")
                // Staggered down three rows, so labels of nearby changes do not sit on each other;
                // near the right edge the label goes left of its line.
                let label = "lr " + formatRate(change.learningRate)
                let rightSide = xx + 4 + SVGDocument.estimatedWidth(of: label, size: 10) <= left + width
                svg.text(label, x: rightSide ? xx + 3 : xx - 3, y: top + 11 + Double(index % 3) * 12, size: 10,
                         anchor: rightSide ? "start" : "end",
                         extra: " fill=\"#555555\" class=\"lr-label\" data-panel=\"\(panelName)\"")
            }
            // Each restart's label sits above the plot, centred on its line, where no curve goes;
            // a label that would run into the one before is left out (the line stays).
            var labelEnd = -Double.infinity
            for restart in restarts where (startEpoch...endEpoch).contains(Double(restart) + 0.5) {
                let xx = x(Double(restart) + 0.5)
                svg.line(xx, top, xx, top + height, stroke: "#444444",
                         extra: " stroke-dasharray=\"2 2\" class=\"restart\" data-panel=\"\(panelName)\"")
                let half = SVGDocument.estimatedWidth(of: "restart", size: 10) / 2
                guard xx - half > labelEnd + 4 else { continue }
                labelEnd = xx + half
                svg.text("restart", x: xx, y: top - 2, size: 10, anchor: "middle",
                         extra: " fill=\"#444444\" class=\"restart-label\" data-panel=\"\(panelName)\"")
            }
            func tags(_ curve: LossPictureCurve) -> String {
                " data-series=\"\(curve.kind)\" data-run=\"\(SVGDocument.escape(curve.runName))\" data-panel=\"\(panelName)\""
            }
            // Bands and raw lines first, every run's, so no smoothed line is buried under another run's band.
            for curve in curves {
                let tags = tags(curve)
                for piece in curve.pieces {
                    let band = piece.band.filter { drawable($0.low) && drawable($0.high) }
                    if band.count >= 2 {
                        let outline = band.map { (x($0.epoch), y($0.high)) } + band.reversed().map { (x($0.epoch), y($0.low)) }
                        svg.raw("<polygon points=\"\(outline.map { "\(SVGDocument.n($0.0)),\(SVGDocument.n($0.1))" }.joined(separator: " "))\" "
                                + "fill=\"\(curve.colour)\" fill-opacity=\"0.15\" stroke=\"none\" class=\"band\"\(tags)/>")
                    }
                    let raw = piece.raw.filter { drawable($0.1) }
                    svg.raw("<polyline points=\"\(raw.map { "\(SVGDocument.n(x($0.0))),\(SVGDocument.n(y($0.1)))" }.joined(separator: " "))\" "
                            + "fill=\"none\" stroke=\"\(curve.colour)\" stroke-opacity=\"0.35\" stroke-width=\"0.8\"\(curve.dash) "
                            + "class=\"raw\"\(tags)/>")
                }
            }
            for curve in curves {
                let tags = tags(curve)
                svg.path(pieces: curve.pieces.map { $0.smoothed.filter { drawable($0.1) }.map { (x($0.0), y($0.1)) } },
                         stroke: curve.colour, extra: " stroke-width=\"1.8\"\(curve.dash) class=\"curve\"\(tags)")
            }
            // Where each fork leaves its parent: a ring at the start of its training curve.
            for curve in curves where curve.kind == "train" {
                guard let epoch = curve.forkEpoch, let start = curve.pieces.first?.smoothed.first, drawable(start.1) else { continue }
                svg.raw("<circle cx=\"\(SVGDocument.n(x(start.0)))\" cy=\"\(SVGDocument.n(y(start.1)))\" r=\"3.5\" "
                        + "fill=\"white\" stroke=\"\(curve.colour)\" stroke-width=\"1.5\" class=\"fork-point\"\(tags(curve))>"
                        + "<title>\(SVGDocument.escape(curve.runName)) forked at epoch \(epoch)</title></circle>")
            }
            if legend.isEmpty { drawLegend(&svg, curves: curves, top: top, right: left + width) }
        }
        svg.text("lines: moving average (weight \(weight)); shaded: the raw values' range; thin: the raw values",
                 x: 80, y: 676 + legendHeight, size: 10, extra: " fill=\"#555555\" class=\"note\"")
        return svg.text
    }

    /// Axis lines, ticks and their labels, and the axis names, of one panel.
    private static func drawAxes(
        _ svg: inout SVGDocument, panel: String, top: Double, left: Double, width: Double, height: Double,
        xTicks: [(Double, Double)], xLabels: [String], xName: String, yTicks: [Double], yLabels: [String]
    ) {
        svg.line(left, top + height, left + width, top + height, stroke: "black", extra: " class=\"x-axis\" data-panel=\"\(panel)\"")
        svg.line(left, top, left, top + height, stroke: "black")
        for (yy, label) in zip(yTicks, yLabels) {
            svg.line(left - 4, yy, left, yy, stroke: "black")
            svg.text(label, x: left - 8, y: yy + 4, size: 11, anchor: "end", extra: " class=\"y-tick\" data-panel=\"\(panel)\"")
        }
        for ((xx, _), label) in zip(xTicks, xLabels) {
            svg.line(xx, top + height, xx, top + height + 4, stroke: "black")
            svg.text(label, x: xx, y: top + height + 18, size: 11, anchor: "middle", extra: " class=\"x-tick\" data-panel=\"\(panel)\"")
        }
        svg.text(xName, x: left + width / 2, y: top + height + 34, size: 12, anchor: "middle", extra: " class=\"x-name\"")
        svg.text("loss", x: 20, y: top + height / 2, size: 12, anchor: "middle",
                 extra: " transform=\"rotate(-90 20 \(SVGDocument.n(top + height / 2)))\"")
    }

    /// A lone run's legend on each panel's title row, right-aligned, outside the plot: `train` and `test`.
    private static func drawLegend(_ svg: inout SVGDocument, curves: [LossPictureCurve], top: Double, right: Double) {
        var end = right
        for curve in curves.reversed() {
            let start = end - SVGDocument.estimatedWidth(of: curve.kind, size: 11) - 28
            svg.line(start, top - 16, start + 20, top - 16, stroke: curve.colour, extra: " stroke-width=\"2\" class=\"legend\"")
            svg.text(curve.kind, x: start + 24, y: top - 12, size: 11)
            end = start - 10
        }
    }

    /// Side-by-side runs' legend, wrapped into rows `width` wide: each run's name in its colour,
    /// then what solid (train) and dashed (test) mean.
    private static func legendRows(curves: [LossPictureCurve], width: Double) -> [[(name: String, colour: String, dash: String)]] {
        var entries: [(name: String, colour: String, dash: String)] = []
        var seen = Set<String>()
        for curve in curves where seen.insert(curve.runName).inserted { entries.append((curve.runName, curve.colour, "")) }
        if curves.contains(where: { $0.kind == "test" }) {
            entries += [("train", "#333333", ""), ("test", "#333333", " stroke-dasharray=\"5 3\"")]
        }
        var rows: [[(name: String, colour: String, dash: String)]] = [[]]
        var used = 0.0
        for entry in entries {
            let needed = SVGDocument.estimatedWidth(of: entry.name, size: 11) + 38
            if used + needed > width, !rows[rows.count - 1].isEmpty {
                rows.append([])
                used = 0
            }
            rows[rows.count - 1].append(entry)
            used += needed
        }
        return rows
    }
}

/// One curve of loss.svg, ready to draw: raw bucket means, smoothed means and the min/max band,
/// in one piece per segment of a watched log (one piece for a trained run).
private struct LossPictureCurve {
    /// The part of a curve within one segment.
    struct Piece {
        /// (epoch, value) of each bucket's mean, with the first and last buckets also at their ends.
        var raw: [(Double, Double)]
        var smoothed: [(Double, Double)]
        var band: [(epoch: Double, low: Double, high: Double)]
    }

    let runName: String
    let kind: String
    /// The epoch the run was forked at (nil: a run of its own); the curve starts there.
    let forkEpoch: Int?
    let colour: String
    let dash: String
    let pieces: [Piece]
    var raw: [(Double, Double)] { pieces.flatMap(\.raw) }
    var lows: [Double] { pieces.flatMap { $0.band.map(\.low) } }
    var highs: [Double] { pieces.flatMap { $0.band.map(\.high) } }

    /// `restarts`: the last epoch on the axis before each new segment; a bucket belongs to the
    /// segment its first epoch is in.
    init(run: LossPictureRun, kind: String, metric: MetricHistory, weight: Double, restarts: [Int] = []) {
        runName = run.name
        self.kind = kind
        forkEpoch = run.forkEpoch
        if let index = run.index {
            colour = SnapshotPictures.runColors[index % SnapshotPictures.runColors.count]
            dash = kind == "test" ? " stroke-dasharray=\"5 3\"" : ""
        } else {
            colour = kind == "train" ? "#1f77b4" : "#ff7f0e"
            dash = ""
        }
        var segments: [[MetricBucket]] = []
        var segment = -1
        for bucket in metric.buckets {
            let index = restarts.filter { $0 < bucket.firstEpoch }.count
            if index != segment || segments.isEmpty {
                segments.append([])
                segment = index
            }
            segments[segments.count - 1].append(bucket)
        }
        pieces = segments.map { Self.piece($0, weight: weight, from: run.forkEpoch) }
    }

    /// Smoothed bucket by bucket; the end points repeat their bucket's values. A fork's curve
    /// (`from`: its fork epoch) is smoothed over its whole history, the parent's part included, so
    /// it leaves the parent's smoothed line where they part; but it is drawn from the bucket that
    /// holds the fork epoch on, and no point lies before the fork epoch (the parent's history
    /// before it is the parent's to draw).
    private static func piece(_ all: [MetricBucket], weight: Double, from forkEpoch: Int? = nil) -> Piece {
        let start = forkEpoch.map(Double.init) ?? -Double.infinity
        let kept = zip(all, LossSmoothing.smoothed(all.map(\.mean), weight: weight)).filter { $0.0.lastEpoch >= forkEpoch ?? Int.min }
        let buckets = kept.map(\.0)
        var points: [(epoch: Double, mean: Double, smooth: Double, low: Double, high: Double)] = kept.map {
            (max(start, Double($0.firstEpoch + $0.lastEpoch) / 2), $0.mean, $1, $0.minimum, $0.maximum)
        }
        if let first = buckets.first, first.width > 1, let head = points.first, max(start, Double(first.firstEpoch)) < head.epoch {
            points.insert((max(start, Double(first.firstEpoch)), head.mean, head.smooth, head.low, head.high), at: 0)
        }
        if let last = buckets.last, last.width > 1, let tail = points.last {
            points.append((Double(last.lastEpoch), tail.mean, tail.smooth, tail.low, tail.high))
        }
        return Piece(raw: points.map { ($0.epoch, $0.mean) }, smoothed: points.map { ($0.epoch, $0.smooth) },
                     band: points.map { ($0.epoch, $0.low, $0.high) })
    }
}
