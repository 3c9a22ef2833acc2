/// One neuron as the network diagram draws it.
public struct DiagramNeuron: Hashable, Sendable {
    /// Its activation over the input plane, scaled to −1…1 (`gridWidth × gridHeight`, row j = 0 at
    /// the bottom, as `DecisionMap` lays samples out); empty when there is no plane to draw.
    public var picture: [Double]
    /// Its value for the chosen sample, shown beside the picture (nil: not computed yet).
    public var value: Double?

    public init(picture: [Double], value: Double?) {
        self.picture = picture
        self.value = value
    }
}

/// One column of the diagram: the inputs, a hidden layer or the output layer.
public struct DiagramColumn: Hashable, Sendable {
    /// The column's heading, e.g. `in`, `1: 16 tanh`.
    public var title: String
    public var neurons: [DiagramNeuron]

    public init(title: String, neurons: [DiagramNeuron]) {
        self.title = title
        self.neurons = neurons
    }
}

/// The network as the Playground draws it: one column per layer (inputs left, output right),
/// every neuron a small picture of its own activation over the input plane in the decision map's
/// diverging palette, its value for the chosen sample beside it, the selected neuron marked, and
/// the weights into the selected neuron shown beside the neurons they come from (colour or glyph
/// by sign and size).
///
/// When a column has more neurons than rows, it shows a window around the selection and says how
/// many are above and below. Pure: O(cells).
public struct NetworkDiagram: Widget, Sendable {
    /// The columns, inputs first.
    public var columns: [DiagramColumn]
    /// The picture grids' size (samples across and up).
    public var gridWidth: Int
    public var gridHeight: Int
    /// The selected neuron: column index (≥ 1) and neuron index.
    public var selection: (column: Int, neuron: Int)
    /// The weights into the selected neuron, one per neuron of the column before it.
    public var incomingWeights: [Double]
    /// The incoming weight picked in the inspector (index into `incomingWeights`; nil: the bias).
    public var selectedInput: Int?
    /// A column to highlight (the layer a phase step is at), if any.
    public var activeColumn: Int?
    /// Colours and glyphs.
    public var theme: Theme

    public init(
        columns: [DiagramColumn], gridWidth: Int, gridHeight: Int, selection: (column: Int, neuron: Int),
        incomingWeights: [Double], selectedInput: Int?, activeColumn: Int? = nil, theme: Theme
    ) {
        self.columns = columns
        self.gridWidth = gridWidth
        self.gridHeight = gridHeight
        self.selection = selection
        self.incomingWeights = incomingWeights
        self.selectedInput = selectedInput
        self.activeColumn = activeColumn
        self.theme = theme
    }

    /// Width of the value printed beside each picture (`-0.73`).
    static let valueWidth = 5

    /// How a column's neurons sit in `rows` rows: the first neuron shown, how many, and the rows
    /// each takes (picture height plus a gap row when there is room).
    static func window(count: Int, selected: Int?, rows: Int) -> (first: Int, shown: Int, pitch: Int) {
        guard count > 0, rows > 0 else { return (0, 0, 1) }
        if count <= rows {
            return (0, count, max(1, min(4, rows / count)))
        }
        // Leave a row above and below for the "n more" notes.
        let shown = max(1, rows - 2)
        let centre = selected ?? 0
        let first = min(max(0, centre - shown / 2), count - shown)
        return (first, shown, 1)
    }

    /// The neuron drawn at screen cell (`x`, `y`) when the diagram fills `area`: its column and
    /// index, or nil over a gap, a title or a note. What a mouse click selects.
    /// `onPicture` is false when the cell is right of the picture: the value and the weight mark.
    public func neuron(atColumn x: Int, row y: Int, in area: Rect) -> (column: Int, neuron: Int, onPicture: Bool)? {
        guard area.contains(column: x, row: y), !columns.isEmpty else { return nil }
        let columnWidth = area.width / columns.count
        guard columnWidth >= 4, area.height >= 2 else { return nil }
        let c = (x - area.x) / columnWidth
        guard c < columns.count else { return nil }
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        let placed = rows(ofColumn: c, body: body)
        let pictureRight = area.x + c * columnWidth + 1 + pictureWidth(column: c, columnWidth: columnWidth, height: placed.first?.height ?? 1)
        for (n, top, height) in placed where (top..<(top + height)).contains(y) {
            return (c, n, x < pictureRight)
        }
        return nil
    }

    /// The width of column `c`'s pictures: as wide as a square in half-block pixels, at most what
    /// the column leaves beside the value (and the weight marks in the column before the selection).
    func pictureWidth(column c: Int, columnWidth: Int, height: Int) -> Int {
        let markWidth = c + 1 == selection.column ? 2 : 0
        return max(1, min(columnWidth - 3 - Self.valueWidth - markWidth, 2 * height + 2))
    }

    /// Where column `c`'s shown neurons sit in `body`: each neuron, its top row and its height.
    func rows(ofColumn c: Int, body: Rect) -> [(neuron: Int, top: Int, height: Int)] {
        let pitchLimit = columns.map { Self.window(count: $0.neurons.count, selected: nil, rows: body.height).pitch }.min() ?? 1
        let selected = selection.column == c ? selection.neuron : nil
        let window = Self.window(count: columns[c].neurons.count, selected: selected, rows: body.height)
        var pitch = min(window.pitch, max(pitchLimit, 1))
        // A narrow output (the decision itself) is drawn larger, as the Playground does.
        let count = columns[c].neurons.count
        if c == columns.count - 1, count <= 3, body.height / count > pitch { pitch = min(body.height / count, 5) }
        let pictureHeight = pitch >= 3 ? pitch - 1 : pitch
        var y = body.y + (window.first > 0 ? 1 : 0)
        var result: [(Int, Int, Int)] = []
        for n in window.first..<(window.first + window.shown) where y < body.maxY {
            result.append((n, y, pictureHeight))
            y += pitch
        }
        return result
    }

    public func render(in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty, !columns.isEmpty else { return }
        let g = theme.glyphs
        let columnWidth = area.width / columns.count
        guard columnWidth >= 4, area.height >= 2 else { return }
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        for (c, column) in columns.enumerated() {
            let x = area.x + c * columnWidth
            let titleStyle = activeColumn == c ? CellStyle(attributes: [.bold, .reverse]) : theme.title
            let title = TextFit.truncate(column.title, to: columnWidth - 1, ellipsis: g.ellipsis)
            buffer.write(title, x: x + 1, y: area.y, style: titleStyle, clip: area)
            let selected = selection.column == c ? selection.neuron : nil
            let placed = rows(ofColumn: c, body: body)
            guard let firstShown = placed.first, let lastShown = placed.last else { continue }
            let markWidth = c + 1 == selection.column ? 2 : 0
            let pictureWidth = pictureWidth(column: c, columnWidth: columnWidth, height: firstShown.height)
            if firstShown.neuron > 0 {
                buffer.write("\(g.isASCII ? "^" : "↑") \(firstShown.neuron) more", x: x + 1, y: body.y, style: theme.muted, clip: body)
            }
            for (n, y, height) in placed {
                let neuron = column.neurons[n]
                let place = Rect(x: x + 1, y: y, width: pictureWidth, height: height)
                if selected == n {
                    buffer.set(g.isASCII ? ">" : "▸", x: x, y: y, style: theme.title, clip: area)
                }
                drawPicture(neuron, in: place.intersection(body), into: &buffer)
                var valueText = neuron.value.map { NumberFormat.signedShort($0) } ?? String(repeating: " ", count: Self.valueWidth - 1) + "·"
                if valueText.count > Self.valueWidth { valueText = String(valueText.prefix(Self.valueWidth)) }
                let valueStyle = selected == n ? CellStyle(attributes: .reverse) : theme.label
                buffer.write(valueText, x: place.maxX + 1, y: y, style: valueStyle, clip: body)
                if markWidth > 0, n < incomingWeights.count {
                    drawWeightMark(incomingWeights[n], isSelected: selectedInput == n,
                                   x: place.maxX + 1 + Self.valueWidth, y: y, clip: body, into: &buffer)
                }
            }
            let below = column.neurons.count - lastShown.neuron - 1
            let pitch = placed.count > 1 ? placed[1].top - placed[0].top : firstShown.height
            if below > 0 {
                buffer.write("\(g.isASCII ? "v" : "↓") \(below) more", x: x + 1, y: min(lastShown.top + pitch, body.maxY - 1),
                             style: theme.muted, clip: body)
            }
        }
    }

    /// The picture, or a box of the value's sign when there is no plane.
    private func drawPicture(_ neuron: DiagramNeuron, in place: Rect, into buffer: inout CellBuffer) {
        guard !place.isEmpty else { return }
        if neuron.picture.count == gridWidth * gridHeight, gridWidth > 0, gridHeight > 0 {
            // P(class 1) = (v + 1)/2: the decision map's two hues, shaded by |v|.
            let probabilities = neuron.picture.map { ($0 + 1) / 2 }
            DecisionMap(gridWidth: gridWidth, gridHeight: gridHeight, classCount: 2, probabilities: probabilities,
                        xRange: 0...1, yRange: 0...1, points: [], theme: theme)
                .render(in: place, into: &buffer)
        } else {
            let t = neuron.value.map { max(-1, min(1, $0)) } ?? 0
            for row in place.y..<place.maxY {
                for column in place.x..<place.maxX {
                    buffer.set(theme.divergingGlyph(t), x: column, y: row, style: theme.diverging(t), clip: place)
                }
            }
        }
    }

    /// Two cells showing a weight's sign and size: its colour (or sign glyph) and magnitude glyph,
    /// reversed when it is the weight picked in the inspector.
    private func drawWeightMark(_ weight: Double, isSelected: Bool, x: Int, y: Int, clip: Rect, into buffer: inout CellBuffer) {
        let largest = incomingWeights.reduce(0) { max($0, abs($1)) }
        let t = largest > 0 ? weight / largest : 0
        var style = theme.diverging(t)
        if isSelected { style.attributes.insert(.reverse) }
        let glyph = theme.divergingGlyph(t)
        buffer.set(glyph, x: x, y: y, style: style, clip: clip)
        buffer.set(glyph, x: x + 1, y: y, style: style, clip: clip)
    }
}
