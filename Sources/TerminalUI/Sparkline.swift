import Foundation

/// A one-row bar chart of a series (`▁▂▃▄▅▆▇█`, or the ASCII ramp), scaled to its own range or
/// to a given `scale`.
///
/// Shows the last `area.width` values from the left edge, scaled to the range of those values (a
/// long history's old extremes would flatten the recent part). With `logScale` bars follow log10 and
/// values ≤ 0 are left blank; non-finite values are always blank. A constant series draws its
/// lowest bar.
public struct Sparkline: Widget, Sendable {
    /// The series, oldest first.
    public var values: [Double]
    /// Whether bar heights follow log10 of the values.
    public var logScale: Bool
    /// The style of every bar.
    public var style: CellStyle
    /// Glyphs (the sparkline ramp).
    public var glyphs: GlyphSet
    /// A fixed scale (log10 units with `logScale`) shared with other sparklines, so rows can be
    /// compared; nil scales to the values shown.
    public var scale: ClosedRange<Double>?

    /// A sparkline of `values`.
    public init(values: [Double], logScale: Bool = false, style: CellStyle = .plain, glyphs: GlyphSet) {
        self.values = values
        self.logScale = logScale
        self.style = style
        self.glyphs = glyphs
    }

    /// Draws into `area`, clipped to it: cells outside `area` are left as they were.
    public func render(in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        let shown = values.suffix(area.width)
        var low = Double.infinity, high = -Double.infinity
        if let scale {
            (low, high) = (scale.lowerBound, scale.upperBound)
        } else {
            for value in shown {
                guard let t = transformed(value) else { continue }
                low = min(low, t)
                high = max(high, t)
            }
        }
        let ramp = glyphs.sparkRamp
        for (offset, value) in shown.enumerated() {
            guard let t = transformed(value) else { continue }
            let fraction = high > low ? min(1, max(0, (t - low) / (high - low))) : 0
            let level = roundedToInt(fraction * Double(ramp.count - 1))
            buffer.set(ramp[level], x: area.x + offset, y: area.y, style: style, clip: area)
        }
    }

    /// The value on the bar scale, or nil when it cannot be drawn.
    private func transformed(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        if logScale { return value > 0 ? log10(value) : nil }
        return value
    }
}
