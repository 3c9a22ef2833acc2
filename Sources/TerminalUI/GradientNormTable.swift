import Foundation

/// One layer's line in a `GradientNormTable`: its name and the history of its gradient norm.
public struct GradientNormRow: Hashable, Sendable {
    /// The layer's name, such as `dense1 2→16`.
    public var name: String
    /// The latest ‖∂W‖ (nil before the first epoch).
    public var latest: Double?
    /// ‖∂W‖ over time, oldest first, already sampled to at most the sparkline's width.
    public var history: [Double]

    /// A row for layer `name`: its `latest` norm (by default the last of `history`) and `history`.
    public init(name: String, latest: Double? = nil, history: [Double]) {
        self.name = name
        self.latest = latest ?? history.last
        self.history = history
    }
}

/// Gradient norms per layer: name, latest ‖∂W‖ (`3.1e-4`), a flag when it vanishes or explodes,
/// and a sparkline of its history on a log scale shared by all rows.
///
/// A header line comes first when there is a spare row. Flagged values and flags use the warning
/// style (non-finite norms the bad style).
public struct GradientNormTable: Widget, Sendable {
    /// One row per layer, input side first.
    public var rows: [GradientNormRow]
    /// A norm below this fraction of the largest healthy layer norm is flagged as vanishing: the
    /// layers before it barely learn while the others do (converged nets, whose norms all shrink
    /// together, are not flagged).
    public var vanishingRatio: Double
    /// Norms above this are flagged as exploding.
    public var explodingAbove: Double
    /// Glyphs and styles.
    public var theme: Theme
    /// The header over the sparklines (say what span of time they cover).
    public var historyTitle = "history"

    /// A table of `rows`, flagging norms under 1e-3 of the largest and above 1e3 unless told otherwise.
    public init(rows: [GradientNormRow], vanishingRatio: Double = 1e-3, explodingAbove: Double = 1e3, theme: Theme) {
        self.rows = rows
        self.vanishingRatio = vanishingRatio
        self.explodingAbove = explodingAbove
        self.theme = theme
    }

    /// The log10 range every row's sparkline shares, so layers compare at a glance: all finite
    /// positive norms shown, widened to at least `minimumDecades` around its middle (a change of a
    /// few percent then stays a flat line instead of filling the row).
    public func sharedLogScale(minimumDecades: Double = 2) -> ClosedRange<Double>? {
        let logs = rows.flatMap(\.history).filter { $0.isFinite && $0 > 0 }.map(log10)
        guard let low = logs.min(), let high = logs.max() else { return nil }
        let middle = (low + high) / 2, half = max(high - low, minimumDecades) / 2
        return (middle - half)...(middle + half)
    }

    /// The largest latest norm that is finite and not exploding (0 when there is none).
    var largestHealthyNorm: Double {
        rows.compactMap(\.latest).filter { $0.isFinite && $0 <= explodingAbove }.max() ?? 0
    }

    /// The flag for a norm: `nan`, `explode`, `zero` (a layer that no longer learns at all, such
    /// as dead ReLUs), `vanish`, or nil when the norm is healthy.
    public func flag(for norm: Double) -> String? {
        if !norm.isFinite { return "nan" }
        if norm > explodingAbove { return "explode" }
        if norm == 0 { return "zero" }
        if norm < vanishingRatio * largestHealthyNorm { return "vanish" }
        return nil
    }

    /// Draws into `area`, clipped to it: cells outside `area` are left as they were.
    public func render(in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let valueWidth = 7, flagWidth = 7
        let nameWidth = min(max(4, rows.map { TextFit.width($0.name) }.max() ?? 4), max(1, area.width / 3))
        let hasHeader = area.height > rows.count
        let scale = sharedLogScale()
        let g = theme.glyphs
        var y = area.y
        if hasHeader {
            let header = pad("layer", nameWidth) + " " + pad(g.isASCII ? "|dW|" : "‖∂W‖", valueWidth, right: true) + " " + pad("", flagWidth) + " " + historyTitle
            buffer.write(header, x: area.x, y: y, style: theme.muted, clip: area)
            y += 1
        }
        for row in rows where y < area.maxY {
            let latest = row.latest
            let flag = latest.flatMap { self.flag(for: $0) }
            let valueStyle = latest.map { $0.isFinite ? (flag == nil ? theme.label : theme.warning) : theme.bad } ?? theme.muted
            var x = buffer.write(pad(TextFit.truncate(row.name, to: nameWidth, ellipsis: g.ellipsis), nameWidth) + " ",
                                 x: area.x, y: y, style: theme.label, clip: area)
            let value = latest.map { NumberFormat.scientific($0, significant: 2) } ?? "-"
            x = buffer.write(pad(value, valueWidth, right: true), x: x, y: y, style: valueStyle, clip: area)
            x = buffer.write(" ", x: x, y: y, style: theme.label, clip: area)
            x = buffer.write(pad(flag ?? "", flagWidth), x: x, y: y, style: flag == "nan" ? theme.bad : theme.warning, clip: area)
            let sparkArea = Rect(x: x + 1, y: y, width: area.maxX - x - 1, height: 1).intersection(area)
            if !sparkArea.isEmpty {
                var sparkline = Sparkline(values: row.history, logScale: true, style: theme.trainSeries, glyphs: g)
                sparkline.scale = scale
                sparkline.render(in: sparkArea, into: &buffer)
            }
            y += 1
        }
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let gap = String(repeating: " ", count: max(0, width - TextFit.width(text)))
        return right ? gap + text : text + gap
    }
}
