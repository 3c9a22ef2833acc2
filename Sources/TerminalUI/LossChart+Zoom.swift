/// Zooming into an epoch range and reading values off at a cursor.
extension LossChart {
    /// `points` cut to `epochWindow`: the points inside, plus a point on each edge the line
    /// crosses, linearly interpolated between its neighbours (no band there), so the lines run
    /// to the edges at their true height. All points without a window. O(points).
    func windowed(_ points: [LossPoint]) -> [LossPoint] {
        guard let window = epochWindow else { return points }
        var cut: [LossPoint] = []
        var previous: LossPoint?
        for point in points where point.epoch.isFinite {
            defer { previous = point }
            let inside = window.contains(point.epoch)
            if let before = previous, before.value.isFinite, point.value.isFinite {
                for edge in [window.lowerBound, window.upperBound]
                where (before.epoch < edge && edge < point.epoch) || (point.epoch < edge && edge < before.epoch) {
                    let t = (edge - before.epoch) / (point.epoch - before.epoch)
                    cut.append(LossPoint(epoch: edge, value: before.value + t * (point.value - before.value)))
                }
            }
            if inside { cut.append(point) }
        }
        return cut
    }

    /// The cursor line at the read-out's epoch, and the box of values in the plot's upper corner
    /// away from the cursor (the left one when the cursor is in the right half).
    func drawReadout(_ readout: LossReadout, plot: Rect, xRange: ClosedRange<Double>, into buffer: inout CellBuffer) {
        var cursorColumn: Int?
        if xRange.contains(readout.epoch), let t = fraction(of: readout.epoch, in: xRange) {
            let column = plot.x + roundedToInt(t * Double(plot.width - 1))
            cursorColumn = column
            for row in plot.y..<plot.maxY {
                buffer.set(theme.glyphs.verticalMarker, x: column, y: row, style: theme.label, clip: plot)
            }
        }
        let rows = readout.lines(fitting: plot.width, ellipsis: theme.glyphs.ellipsis)
        let width = min(plot.width, rows.map { TextFit.width($0.text) }.max() ?? 0)
        let leftHalf = (cursorColumn ?? plot.x) < plot.x + plot.width / 2
        let x = leftHalf ? plot.maxX - width : plot.x
        for (offset, row) in rows.enumerated() where offset < plot.height {
            let y = plot.y + offset
            let text = TextFit.truncate(row.text, to: width, ellipsis: theme.glyphs.ellipsis)
            let padded = text + String(repeating: " ", count: max(0, width - TextFit.width(text)))
            let clip = Rect(x: x, y: y, width: width, height: 1)
            buffer.write(padded, x: x, y: y, style: theme.label, clip: clip)
            if let marker = row.marker, width > 1 { buffer.set(marker.scalar, x: x + 1, y: y, style: marker.style, clip: clip) }
        }
    }
}

/// What the read-out cursor shows: an epoch and each run's train and test loss there.
public struct LossReadout: Hashable, Sendable {
    /// One run's values at the cursor.
    public struct Row: Hashable, Sendable {
        /// The run's name as the legend shows it (`2 lr=0.3`).
        public var name: String
        /// The run's line style and marker, so the row is matched to its curve.
        public var style: CellStyle
        public var marker: Unicode.Scalar
        public var train: Double?
        public var test: Double?
        /// A shorter name for a narrow read-out (`2 0.3`: the settings' values); nil: `name`.
        public var shortName: String?

        public init(name: String, style: CellStyle, marker: Unicode.Scalar, train: Double?, test: Double?,
                    shortName: String? = nil) {
            self.name = name
            self.shortName = shortName
            self.style = style
            self.marker = marker
            self.train = train
            self.test = test
        }
    }

    /// Where the cursor stands.
    public var epoch: Double
    /// One row per run on show, in the order they are listed.
    public var rows: [Row]

    public init(epoch: Double, rows: [Row]) {
        self.epoch = epoch
        self.rows = rows
    }

    /// ` epoch 120`, then ` • 2 lr=0.3  train 0.312  test 0.351` per run (`-` where a run has no
    /// value), names padded so the numbers line up. When that is wider than `width`, the compact
    /// form: ` epoch 120, train/test` over ` • 2 0.3  0.312/0.351`, with the short names, cut (ending
    /// in `ellipsis`) so that the numbers stay whole; only a box too narrow for the numbers cuts them.
    func lines(fitting width: Int, ellipsis: String) -> [(text: String, marker: (scalar: Unicode.Scalar, style: CellStyle)?)] {
        let long = longLines
        if long.allSatisfy({ TextFit.width($0.text) <= width }) { return long }
        let hasTest = rows.contains { $0.test != nil }
        let numbers = rows.map { row in
            (row.train.map(NumberFormat.compact) ?? "-") + (hasTest ? "/" + (row.test.map(NumberFormat.compact) ?? "-") : "")
        }
        let numbersWidth = numbers.map(TextFit.width).max() ?? 0
        let nameRoom = max(0, width - 3 - 2 - numbersWidth - 1)
        let names = rows.map { TextFit.truncate($0.shortName ?? $0.name, to: nameRoom, ellipsis: ellipsis) }
        let nameWidth = names.map(TextFit.width).max() ?? 0
        let header = " epoch " + epochText + (hasTest ? ", train/test " : ", train ")
        return [(header, nil)] + zip(rows, zip(names, numbers)).map { row, text in
            let name = text.0 + String(repeating: " ", count: nameWidth - TextFit.width(text.0))
            return ("   " + name + "  " + text.1 + " ", (row.marker, row.style))
        }
    }

    /// The exact epoch (`1235`, not `1.2k`): the cursor stands on one.
    private var epochText: String {
        let exact = epoch.isFinite && epoch.rounded() == epoch && abs(epoch) < 1e15
        return exact ? String(Int(epoch)) : NumberFormat.compact(epoch)
    }

    /// The long form: each value named (`train 0.312  test 0.351`).
    private var longLines: [(text: String, marker: (scalar: Unicode.Scalar, style: CellStyle)?)] {
        let nameWidth = rows.map { TextFit.width($0.name) }.max() ?? 0
        let header = " epoch " + epochText + " "
        return [(header, nil)] + rows.map { row in
            let name = row.name + String(repeating: " ", count: nameWidth - TextFit.width(row.name))
            var text = "   " + name + "  train " + (row.train.map(NumberFormat.compact) ?? "-")
            if row.test != nil || rows.contains(where: { $0.test != nil }) {
                text += "  test " + (row.test.map(NumberFormat.compact) ?? "-")
            }
            return (text + " ", (row.marker, row.style))
        }
    }
}
