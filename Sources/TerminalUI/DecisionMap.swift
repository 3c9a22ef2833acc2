/// A labelled data point drawn over a decision map.
public struct DataPoint: Hashable, Sendable {
    /// Horizontal coordinate, in data units.
    public var x: Double
    /// Vertical coordinate, in data units (growing upward on screen).
    public var y: Double
    /// The true class, 0 ..< classCount.
    public var label: Int
    /// Whether the point belongs to the test split (drawn with the test glyphs).
    public var isTest: Bool
    /// A regression point's target (`RegressionMap`); nil for a class.
    public var value: Double?

    /// A point at (`x`, `y`) of class `label`.
    public init(x: Double, y: Double, label: Int, isTest: Bool) {
        self.x = x
        self.y = y
        self.label = label
        self.isTest = isTest
    }
}

/// A classifier's view of the plane: each cell shaded by the predicted class (hue) and its
/// confidence (intensity), with the data points drawn over it, y growing upward.
///
/// The grid holds `gridWidth` × `gridHeight` samples; sample (i, j) is at index `j * gridWidth + i`,
/// i counting from `xMin`, j from `yMin` (j = 0 is the bottom row), its centre at
/// `xMin + (i + 0.5) · (xMax − xMin) / gridWidth`. Probabilities are flat:
/// `probabilities[sample * classCount + k]`, or for two classes just P(class 1) per sample.
/// With 256 colours and unicode glyphs each cell shows two samples as a half block `▀`
/// (foreground above, background below); otherwise each class has a glyph ramp (` .:-`, ` ,;+`…).
public struct DecisionMap: Widget, Sendable {
    /// Samples across.
    public var gridWidth: Int
    /// Samples down.
    public var gridHeight: Int
    /// Number of classes, 2 or more.
    public var classCount: Int
    /// Class probabilities per sample (see the type's summary for the layout).
    public var probabilities: [Double]
    /// The data range across: left edge `lowerBound`, right edge `upperBound`.
    public var xRange: ClosedRange<Double>
    /// The data range up: bottom edge `lowerBound`, top edge `upperBound`.
    public var yRange: ClosedRange<Double>
    /// Points drawn over the map (training first, test on top).
    public var points: [DataPoint]
    /// Glyphs and styles.
    public var theme: Theme

    /// A map of `gridWidth` × `gridHeight` samples of `classCount` classes over the given ranges.
    public init(
        gridWidth: Int, gridHeight: Int, classCount: Int, probabilities: [Double],
        xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, points: [DataPoint], theme: Theme
    ) {
        self.gridWidth = gridWidth
        self.gridHeight = gridHeight
        self.classCount = classCount
        self.probabilities = probabilities
        self.xRange = xRange
        self.yRange = yRange
        self.points = points
        self.theme = theme
    }

    /// A map whose probabilities come one array per sample (`classProbabilities[sample][k]`).
    /// Arrays of different lengths leave the map without predictions (points still draw).
    public init(
        gridWidth: Int, gridHeight: Int, classProbabilities: [[Double]],
        xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, points: [DataPoint], theme: Theme
    ) {
        let classCount = classProbabilities.first?.count ?? 2
        let consistent = classProbabilities.allSatisfy { $0.count == classCount }
        self.init(gridWidth: gridWidth, gridHeight: gridHeight, classCount: classCount,
                  probabilities: consistent ? classProbabilities.flatMap { $0 } : [],
                  xRange: xRange, yRange: yRange, points: points, theme: theme)
    }

    /// Whether probabilities hold one value per sample, P(class 1) of a two-class problem.
    var isBinaryShorthand: Bool { classCount == 2 && probabilities.count == gridWidth * gridHeight }

    /// Whether the grid and probabilities agree in size.
    var hasPredictions: Bool {
        gridWidth > 0 && gridHeight > 0 && classCount >= 2
            && (isBinaryShorthand || probabilities.count == gridWidth * gridHeight * classCount)
    }

    /// The predicted class of sample (i, j) and its confidence normalised to 0…1 (0: a tie
    /// between all classes, 1: certain).
    public func prediction(i: Int, j: Int) -> (label: Int, confidence: Double) {
        let sample = j * gridWidth + i
        if isBinaryShorthand {
            let p = probabilities[sample].isFinite ? min(1, max(0, probabilities[sample])) : 0.5
            return p >= 0.5 ? (1, 2 * p - 1) : (0, 1 - 2 * p)
        }
        var best = 0, bestP = -Double.infinity
        for k in 0..<classCount where probabilities[sample * classCount + k] > bestP {
            best = k
            bestP = probabilities[sample * classCount + k]
        }
        let floor = 1 / Double(classCount)
        let confidence = bestP.isFinite ? (bestP - floor) / (1 - floor) : 0
        return (best, min(1, max(0, confidence)))
    }

    /// O(area cells + samples shown): each sample's look is worked out once, then cells look it up.
    public func render(in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }
        if hasPredictions {
            let halfBlock = theme.colorMode == .palette256 ? theme.glyphs.upperHalfBlock : nil
            let pixelRows = halfBlock == nil ? area.height : 2 * area.height
            let sampleColumns = (0..<area.width).map { column in
                min(gridWidth - 1, Int((Double(column) + 0.5) / Double(area.width) * Double(gridWidth)))
            }
            let sampleRows = (0..<pixelRows).map { pixel in
                min(gridHeight - 1, max(0, Int((1 - (Double(pixel) + 0.5) / Double(pixelRows)) * Double(gridHeight))))
            }
            var looks = [Cell?](repeating: nil, count: gridWidth * gridHeight)
            func look(_ i: Int, _ j: Int) -> Cell {
                if let cached = looks[j * gridWidth + i] { return cached }
                let computed = sampleLook(i: i, j: j, halfBlock: halfBlock)
                looks[j * gridWidth + i] = computed
                return computed
            }
            for row in 0..<area.height {
                for column in 0..<area.width {
                    let i = sampleColumns[column]
                    var cell: Cell
                    if halfBlock != nil {
                        cell = look(i, sampleRows[2 * row])
                        cell.style.background = look(i, sampleRows[2 * row + 1]).style.foreground
                    } else {
                        cell = look(i, sampleRows[row])
                    }
                    buffer[area.x + column, area.y + row] = cell
                }
            }
        }
        drawPoints(in: area, into: &buffer)
    }

    /// How sample (i, j) looks: with a half block, the block in the class colour (the caller sets
    /// the background from the sample below); otherwise the class ramp glyph in the class style.
    private func sampleLook(i: Int, j: Int, halfBlock: Unicode.Scalar?) -> Cell {
        let p = prediction(i: i, j: j)
        if let halfBlock {
            return Cell(halfBlock, style: CellStyle(foreground: theme.classColor(label: p.label, confidence: p.confidence) ?? .terminalDefault))
        }
        let ramp = theme.glyphs.classRamp(label: p.label)
        let level = roundedToInt(p.confidence * Double(ramp.count - 1))
        return Cell(ramp[level], style: theme.classStyle(label: p.label, confidence: p.confidence))
    }

    /// Training points, then test points, each at the cell containing it; points outside the
    /// ranges are not drawn. Keeps the cell's background so the map shows through.
    private func drawPoints(in area: Rect, into buffer: inout CellBuffer) {
        let width = xRange.upperBound - xRange.lowerBound, height = yRange.upperBound - yRange.lowerBound
        guard width > 0, height > 0 else { return }
        for pass in [false, true] {
            for point in points where point.isTest == pass {
                let fx = (point.x - xRange.lowerBound) / width, fy = (point.y - yRange.lowerBound) / height
                guard fx >= 0, fx <= 1, fy >= 0, fy <= 1 else { continue }
                let column = area.x + min(area.width - 1, Int(fx * Double(area.width)))
                let row = area.y + min(area.height - 1, Int((1 - fy) * Double(area.height)))
                var style = theme.pointStyle(label: point.label, isTest: point.isTest)
                style.background = buffer[column, row].style.background
                buffer.set(theme.glyphs.pointGlyph(label: point.label, isTest: point.isTest), x: column, y: row, style: style, clip: area)
            }
        }
    }
}
