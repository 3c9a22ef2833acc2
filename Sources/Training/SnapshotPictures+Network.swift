import Foundation
import Datasets
import MLPEngine

extension SnapshotPictures {
    /// The raw input plane the neuron thumbnails cover, and how a point of it becomes the network's
    /// inputs (feature map and standardisation).
    public struct InputPlane: Sendable {
        public var x: ClosedRange<Double>
        public var y: ClosedRange<Double>
        public var networkInput: @Sendable ([Double]) -> [Double]
        /// With more than two input columns, which two the plane spans (`petal_length × petal_width`).
        public var slice: String?

        public init(x: ClosedRange<Double>, y: ClosedRange<Double>, networkInput: @escaping @Sendable ([Double]) -> [Double]) {
            self.x = x
            self.y = y
            self.networkInput = networkInput
        }

        /// The plane of `run`'s raw data as boundary.svg frames it (5 % padding, equal units on
        /// both axes when the columns' spans are alike, see `frame`): with more than two columns the slice through the first
        /// two (or `slice`, the map's on screen, when it is of this data's columns), the others at their
        /// training means; nil with fewer than 2 features.
        public init?(run: PreparedRun, slice chosen: InputSlice? = nil) {
            guard run.rawData.featureCount >= 2 else { return nil }
            let slice = chosen.flatMap { $0.rebased(on: run.rawTrainingSet) } ?? InputSlice(of: run.rawTrainingSet)
            guard let frame = Self.frame(of: slice.project(run.rawData)) else { return nil }
            self.init(x: frame.x, y: frame.y, networkInput: { point in run.networkInput(slice.point(point[0], point[1])) })
            if slice.columnCount > 2 {
                self.slice = "\(slice.axisNames[0]) × \(slice.axisNames[1]), the other \(slice.columnCount - 2) inputs at their training means"
            }
        }

        /// The most one padded span may exceed the other's for both axes to keep equal units: two
        /// columns of like scale (moons' x and y, iris's sepal length and width) are drawn as a plane
        /// where circles stay round; columns of different scales (weight 8–180 beside length 1–20)
        /// would leave the data a thin band, so each axis then spans its own column. The monitor's
        /// decision map follows the same rule.
        public static let equalUnitsMaxRatio = 3.0

        /// Whether spans `a` and `b` are drawn in equal units (`equalUnitsMaxRatio`).
        public static func sharesUnits(_ a: Double, _ b: Double) -> Bool {
            guard a > 0, b > 0, a.isFinite, b.isFinite else { return false }
            return max(a, b) / min(a, b) <= equalUnitsMaxRatio
        }

        /// The plane around 2-feature data: 5 % padding, then, when the spans are within
        /// `equalUnitsMaxRatio` of each other, equal units on both axes (the shorter span grows about
        /// its middle to the longer's, so circles stay round in the square plot); else each axis
        /// its own padded span. Nil unless the data has 2 features and a sample.
        static func frame(of raw: Dataset) -> (x: ClosedRange<Double>, y: ClosedRange<Double>)? {
            guard raw.featureCount == 2, raw.count > 0 else { return nil }
            let xs = (0..<raw.count).map { raw.features[$0 * 2] }, ys = (0..<raw.count).map { raw.features[$0 * 2 + 1] }
            var (x0, x1, y0, y1) = (xs.min()!, xs.max()!, ys.min()!, ys.max()!)
            let padX = max((x1 - x0) * 0.05, 1e-6), padY = max((y1 - y0) * 0.05, 1e-6)
            (x0, x1, y0, y1) = (x0 - padX, x1 + padX, y0 - padY, y1 + padY)
            guard sharesUnits(x1 - x0, y1 - y0) else { return (x0...x1, y0...y1) }
            if x1 - x0 > y1 - y0 {
                let half = (x1 - x0) / 2, middle = (y0 + y1) / 2
                (y0, y1) = (middle - half, middle + half)
            } else if y1 - y0 > x1 - x0 {
                let half = (y1 - y0) / 2, middle = (x0 + x1) / 2
                (x0, x1) = (middle - half, middle + half)
            }
            return (x0...x1, y0...y1)
        }
    }

    /// The most neurons a column draws; the rest are counted in a "+N more" note.
    public static let networkPictureMaxNeurons = 32

    /// The network as TensorFlow Playground draws it, for a snapshot of `run` at `epoch`.
    public static func network(run: PreparedRun, network: Network, epoch: Int, gridSize: Int = 20,
                               slice: InputSlice? = nil) -> String {
        // The features in use: the data's own column names unless --features chose others.
        let names = run.featureMap == .identity(inputCount: run.rawData.featureCount) ? run.rawData.featureNames
            : run.trainingSet.featureNames
        let classes = run.rawData.classes
        return Self.network(network, dataset: run.rawData.name, inputNames: names, epoch: epoch,
                            plane: InputPlane(run: run, slice: slice), gridSize: gridSize,
                            classNames: classes.isIndices ? nil : classes.allNames)
    }

    /// The network as a diagram: one column per layer (inputs left, output right), each neuron a
    /// `gridSize`² thumbnail of its activation over `plane` (a plain circle without one), a line
    /// per weight coloured by sign and as wide as |w| relative to the layer's largest, and each
    /// neuron's bias as a bar under it. Columns wider than `networkPictureMaxNeurons` show their
    /// first neurons and a "+N more" note.
    ///
    /// Elements tests and tools can read: `<g class="neuron" data-column data-neuron>` per neuron
    /// drawn (column 0 the inputs), `<line class="weight" data-layer data-from data-to
    /// data-value>` per weight drawn, `<rect class="bias" data-layer data-neuron data-value>`.
    /// Output units are named by `classNames` (`P(setosa)`) when the data named its classes.
    public static func network(
        _ network: Network, dataset: String, inputNames: [String], epoch: Int, plane: InputPlane?, gridSize: Int = 20,
        classNames: [String]? = nil
    ) -> String {
        let sizes = network.sizes, columns = sizes.count
        let visible = sizes.map { min($0, networkPictureMaxNeurons) }
        let tallest = visible.max() ?? 1
        let side: Double = tallest <= 8 ? 48 : tallest <= 16 ? 40 : 24
        var pictures = plane.flatMap { thumbnails(network, plane: $0, gridSize: gridSize) }
        // The output's pictures, when it has few units, are drawn twice as large and twice as finely.
        let enlarged = pictures != nil && visible[columns - 1] <= 3
        func sideOf(_ c: Int) -> Double { c == columns - 1 && enlarged ? 2 * side : side }
        func gridOf(_ c: Int) -> Int { c == columns - 1 && enlarged ? 2 * gridSize : gridSize }
        func pitchOf(_ c: Int) -> Double { sideOf(c) * 1.4 }
        func heightOf(_ c: Int) -> Double { Double(visible[c]) * pitchOf(c) - (pitchOf(c) - sideOf(c)) }
        let height = (0..<columns).map(heightOf).max() ?? side
        if enlarged, let plane, let fine = thumbnails(network, plane: plane, gridSize: 2 * gridSize) {
            pictures?[columns - 1] = fine[columns - 1]
        }
        let names = inputNames.count == network.inputCount ? inputNames : (1...network.inputCount).map { "x\($0)" }
        // Room left of the inputs for their names.
        let left = max(90, 28 + (names.prefix(visible[0]).map { SVGDocument.estimatedWidth(of: $0, size: 12) }.max() ?? 0))
        let top = 110.0
        var svg = SVGDocument(width: 0, height: 0)

        svg.text("\(dataset) · \(network.architecture) · epoch \(epoch)", x: 20, y: 30, size: 18,
                 extra: " font-weight=\"bold\" class=\"title\"")
        svg.text(pictures == nil
                 ? "each circle: a neuron; lines: weights (the data has no 2-D input plane to draw neurons over)"
                 : "each square: a neuron's activation over the input plane (\(String(format: "%.3g … %.3g", plane!.x.lowerBound, plane!.x.upperBound)) across, \(String(format: "%.3g … %.3g", plane!.y.lowerBound, plane!.y.upperBound)) up)"
                     + (plane!.slice.map { "; slice: \($0)" } ?? ""),
                 x: 20, y: 50, size: 12, extra: " fill=\"#555555\"")

        func columnX(_ c: Int) -> Double { left + (0..<c).reduce(0) { $0 + sideOf($1) + 160 } }
        func neuronY(_ c: Int, _ i: Int) -> Double { top + (height - heightOf(c)) / 2 + Double(i) * pitchOf(c) }

        // Headings.
        for c in 0..<columns {
            let role = c == 0 ? "input" : c == columns - 1 ? "output" : "hidden \(c)"
            let heading = c == 0 ? "\(sizes[0]) input\(sizes[0] == 1 ? "" : "s")" : "\(sizes[c]) \(network.shapes[c - 1].activation.rawValue)"
            svg.text(role, x: columnX(c) + sideOf(c) / 2, y: 78, size: 11, anchor: "middle", extra: " fill=\"#777777\"")
            svg.text(heading, x: columnX(c) + sideOf(c) / 2, y: 94, size: 13, anchor: "middle",
                     extra: " font-weight=\"bold\" class=\"heading\"")
        }

        // Weights, weakest first so the strong ones lie on top.
        for (l, shape) in network.shapes.enumerated() {
            let w = network.weights(ofLayer: l), base = w.startIndex
            let largest = max(w.reduce(0) { max($0, abs($1)) }, 1e-300)
            var drawn: [(to: Int, from: Int, value: Double)] = []
            for j in 0..<visible[l + 1] { for i in 0..<visible[l] { drawn.append((j, i, w[base + j * shape.inputs + i])) } }
            drawn.sort { abs($0.value) < abs($1.value) }
            let x1 = columnX(l) + sideOf(l) + 1, x2 = columnX(l + 1) - 1
            for (j, i, value) in drawn {
                let r = value.isFinite ? abs(value) / largest : 0
                let colour = value < 0 ? negativeColour : positiveColour
                svg.line(x1, neuronY(l, i) + sideOf(l) / 2, x2, neuronY(l + 1, j) + sideOf(l + 1) / 2, stroke: colour,
                         extra: " stroke-width=\"\(SVGDocument.n(0.4 + 3.6 * r))\" stroke-opacity=\"\(SVGDocument.n(0.1 + 0.8 * r * r))\""
                             + " class=\"weight\" data-layer=\"\(l + 1)\" data-from=\"\(i)\" data-to=\"\(j)\" data-value=\"\(value)\"")
            }
        }

        // Neurons, their biases and labels.
        for c in 0..<columns {
            let biases = c == 0 ? [] : Array(network.biases(ofLayer: c - 1))
            let largestBias = max(biases.reduce(0) { max($0, abs($1)) }, 1e-300)
            let side = sideOf(c), grid = gridOf(c)
            for i in 0..<visible[c] {
                let x = columnX(c), y = neuronY(c, i)
                let name = c == 0 ? names[i] : "layer \(c) neuron \(i + 1)"
                let tooltip = c == 0 ? "input \(name)" : "\(name): bias \(String(format: "%.4g", biases[i]))"
                if let pictures {
                    let values = pictures[c][(i * grid * grid)..<((i + 1) * grid * grid)]
                    svg.raw("<g class=\"neuron\" data-column=\"\(c)\" data-neuron=\"\(i)\"><title>\(SVGDocument.escape(tooltip))</title>")
                    svg.raw("<g transform=\"translate(\(SVGDocument.n(x)) \(SVGDocument.n(y))) scale(\(SVGDocument.n(side / Double(grid))))\" shape-rendering=\"crispEdges\">")
                    svg.raw(thumbnailPaths(values, gridSize: grid))
                    svg.raw("</g>")
                    svg.rect(x: x, y: y, width: side, height: side, fill: "none", extra: " stroke=\"#666666\" stroke-width=\"0.75\"")
                    svg.raw("</g>")
                } else {
                    svg.raw("<g class=\"neuron\" data-column=\"\(c)\" data-neuron=\"\(i)\"><title>\(SVGDocument.escape(tooltip))</title>")
                    svg.raw("<circle cx=\"\(SVGDocument.n(x + side / 2))\" cy=\"\(SVGDocument.n(y + side / 2))\" r=\"\(SVGDocument.n(side / 2 - 1))\" fill=\"#f4f4f4\" stroke=\"#666666\"/>")
                    svg.raw("</g>")
                }
                if c == 0 {
                    svg.text(name, x: x - 8, y: y + side / 2 + 4, size: 12, anchor: "end", extra: " class=\"input-name\"")
                } else {
                    // The bias: a bar from the middle under the neuron, right for positive, left for negative.
                    let b = biases[i], half = side / 2 * (b.isFinite ? min(1, abs(b) / largestBias) : 0)
                    svg.line(x, y + side + 4, x + side, y + side + 4, stroke: "#cccccc", extra: " stroke-width=\"0.5\"")
                    svg.rect(x: b < 0 ? x + side / 2 - half : x + side / 2, y: y + side + 2.5, width: max(half, 0.5), height: 3,
                             fill: b < 0 ? negativeColour : positiveColour,
                             extra: " class=\"bias\" data-layer=\"\(c)\" data-neuron=\"\(i)\" data-value=\"\(b)\"")
                    if c == columns - 1 {
                        let softmax = network.shapes[c - 1].activation == .softmax
                        let label = network.outputCount == 1 ? classNames.map { "P(\($0[1]))" } ?? "P(class 1)"
                            : softmax ? classNames.map { "P(\($0[i]))" } ?? "P(class \(i))" : "output \(i + 1)"
                        svg.text(label, x: x + side + 8, y: y + side / 2 + 4, size: 12, extra: " class=\"output-name\"")
                    }
                }
            }
            if sizes[c] > visible[c] {
                svg.text("+\(sizes[c] - visible[c]) more", x: columnX(c) + sideOf(c) / 2, y: neuronY(c, visible[c] - 1) + side + 22,
                         size: 12, anchor: "middle", extra: " class=\"more\" fill=\"#555555\"")
            }
        }

        // Legend.
        var y = top + height + (zip(sizes, visible).contains { $0 > $1 } ? 56 : 40)
        svg.line(20, y - 4, 50, y - 4, stroke: negativeColour, extra: " stroke-width=\"3\"")
        svg.text("negative weight", x: 56, y: y, size: 12)
        svg.line(170, y - 4, 200, y - 4, stroke: positiveColour, extra: " stroke-width=\"3\"")
        svg.text("positive weight", x: 206, y: y, size: 12)
        svg.text("line width: |w| relative to the layer's largest; bar under a neuron: its bias (right > 0, left < 0)",
                 x: 320, y: y, size: 12, extra: " fill=\"#555555\"")
        if pictures != nil {
            y += 24
            for k in 0...20 {
                svg.rect(x: 20 + Double(k) * 8, y: y - 11, width: 8, height: 12, fill: fill(Double(k - 10) / 10))
            }
            svg.rect(x: 20, y: y - 11, width: 168, height: 12, fill: "none", extra: " stroke=\"#666666\" stroke-width=\"0.5\"")
            svg.text("−1 … 1: tanh a; sigmoid, softmax 2a − 1; relu, linear and inputs a / max |a| over the plane",
                     x: 196, y: y, size: 12, extra: " fill=\"#555555\"")
        }
        svg.fitToContent(margin: 20)
        return svg.text
    }

    /// Class 0's and class 1's colours (as boundary.svg draws them) for negative and positive.
    static var negativeColour: String { let c = SVGDocument.classColors[0]; return SVGDocument.color(c.0, c.1, c.2) }
    static var positiveColour: String { let c = SVGDocument.classColors[1]; return SVGDocument.color(c.0, c.1, c.2) }

    /// A value in −1…1 as a colour: class 0's blue below 0, white at 0, class 1's orange above; grey
    /// for a value that is not a number.
    static func fill(_ t: Double) -> String {
        guard t.isFinite else { return "#bbbbbb" }
        let base = SVGDocument.classColors[t < 0 ? 0 : 1], s = min(1, abs(t))
        return SVGDocument.color(1 - s * (1 - base.0), 1 - s * (1 - base.1), 1 - s * (1 - base.2))
    }

    /// Every column's neurons over a `gridSize`² grid of `plane`, top row first, scaled to −1…1:
    /// `result[column][neuron * gridSize² + row * gridSize + column]`, column 0 the inputs. Nil when
    /// the plane's points do not map to the network's inputs.
    static func thumbnails(_ network: Network, plane: InputPlane, gridSize: Int) -> [[Double]]? {
        let n = gridSize * gridSize, k = network.inputCount
        var features: [Double] = []
        features.reserveCapacity(n * k)
        for row in 0..<gridSize {
            for col in 0..<gridSize {
                let x = plane.x.lowerBound + (Double(col) + 0.5) / Double(gridSize) * (plane.x.upperBound - plane.x.lowerBound)
                let y = plane.y.upperBound - (Double(row) + 0.5) / Double(gridSize) * (plane.y.upperBound - plane.y.lowerBound)
                let input = plane.networkInput([x, y])
                guard input.count == k else { return nil }
                features += input
            }
        }
        let activations = network.layerActivations(features: features)
        let inputs = (0..<k).flatMap { j in scaled((0..<n).map { features[$0 * k + j] }[...], activation: .linear) }
        return [inputs] + network.shapes.enumerated().map { l, shape in
            (0..<shape.outputs).flatMap { i in scaled(activations[l][(i * n)..<((i + 1) * n)], activation: shape.activation) }
        }
    }

    /// An activation scaled to −1…1 for the diverging palette (here and in the monitor's network
    /// view): tanh as it is, sigmoid and softmax from 0…1, relu and linear by their largest magnitude.
    public static func scaled(_ values: ArraySlice<Double>, activation: Activation) -> [Double] {
        switch activation {
        case .tanh: return Array(values)
        case .sigmoid, .softmax: return values.map { 2 * $0 - 1 }
        case .relu, .linear:
            let largest = values.reduce(0) { max($0, abs($1)) }
            return largest > 0 && largest.isFinite ? values.map { $0 / largest } : values.map { $0.isFinite ? 0 : $0 }
        }
    }

    /// One `<path>` per colour (values quantised to steps of 0.05), each a run of equal cells in a
    /// row as `M x y h w v 1 h -w z`, in grid units.
    static func thumbnailPaths(_ values: ArraySlice<Double>, gridSize: Int) -> String {
        func level(_ v: Double) -> Int { v.isFinite ? Int((max(-1, min(1, v)) * 20).rounded()) : Int.min }
        var runs: [Int: String] = [:], order: [Int] = []
        let start = values.startIndex
        for row in 0..<gridSize {
            var col = 0
            while col < gridSize {
                let l = level(values[start + row * gridSize + col])
                var end = col + 1
                while end < gridSize && level(values[start + row * gridSize + end]) == l { end += 1 }
                if runs[l] == nil { order.append(l) }
                runs[l, default: ""] += "M\(col) \(row)h\(end - col)v1h-\(end - col)z"
                col = end
            }
        }
        return order.map { l in
            "<path fill=\"\(fill(l == Int.min ? .nan : Double(l) / 20))\" d=\"\(runs[l]!)\"/>"
        }.joined(separator: "\n")
    }
}
