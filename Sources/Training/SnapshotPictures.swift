import Foundation
import MLPEngine
import Datasets

/// The pictures a snapshot holds, as SVG text: loss curves, decision boundary, weight heatmaps.
public enum SnapshotPictures {
    /// The model's decision over a grid covering the data, shaded by class and confidence, with
    /// every data point drawn over it (training points filled, test points hollow), under a title
    /// (data set, network, epoch), with tick labels on both axes and a key of the classes.
    ///
    /// The grid is fine (150 × 150 samples, 4 px) so the boundary shows no stair steps; equal
    /// shades along a row are one rectangle, which keeps the file small. A regression on one
    /// input column is drawn by `curve` instead.
    public static func boundary(run: PreparedRun, network: Network, epoch: Int? = nil, gridSize: Int = 150,
                                slice: InputSlice? = nil) -> String {
        // A regression on one input column: the data and the prediction's curve instead.
        if run.rawData.featureCount == 1, network.loss == .squaredError, run.rawData.count > 0 {
            return curve(run: run, network: network, epoch: epoch)
        }
        let size = 600.0, left = 70.0, top = 46.0
        var svg = SVGDocument(width: left + size + 30, height: top + size + 96)
        svg.text(title("Decision boundary", run: run, network: network, epoch: epoch), x: 20, y: 24, size: 15,
                 extra: " font-weight=\"bold\" class=\"title\"")
        guard run.rawData.featureCount >= 2, run.rawData.count > 0 else {
            svg.text("the decision boundary needs 2 input features; this data has \(run.rawData.featureCount)",
                     x: left, y: top + 20, size: 14)
            return svg.text
        }
        // More than two columns: a slice through two of them, the others at their training means.
        let slice = slice ?? InputSlice(of: run.rawTrainingSet)
        let raw = slice.project(run.rawData)
        if slice.columnCount > 2 {
            svg.text("slice: \(slice.axisNames[0]) × \(slice.axisNames[1]), the other \(slice.columnCount - 2) inputs "
                     + "at their training means", x: left, y: top - 8, size: 12, extra: " class=\"slice\"")
        }
        // Equal units on both axes, so circles stay round in the square plot (network.svg frames alike).
        guard let frame = InputPlane.frame(of: raw) else { return svg.text }
        let (x0, x1, y0, y1) = (frame.x.lowerBound, frame.x.upperBound, frame.y.lowerBound, frame.y.upperBound)
        var inputs: [Double] = []
        inputs.reserveCapacity(gridSize * gridSize * network.inputCount)
        for j in 0..<gridSize {
            for i in 0..<gridSize {
                let px = x0 + (Double(i) + 0.5) / Double(gridSize) * (x1 - x0)
                let py = y1 - (Double(j) + 0.5) / Double(gridSize) * (y1 - y0)
                inputs += run.networkInput(slice.point(px, py))
            }
        }
        let outputs = network.outputs(features: inputs)
        let k = network.outputCount, cell = size / Double(gridSize)
        // 24 shades a class: too few steps to see, few enough for long runs of one shade. The
        // colours are made once (formatting them per sample was most of a snapshot's time).
        let shades = (0..<max(2, k)).map { label in
            (0...24).map { level in
                let base = SVGDocument.classColors[label % SVGDocument.classColors.count]
                let strength = 0.15 + 0.45 * Double(level) / 24
                return SVGDocument.color(1 - strength * (1 - base.0), 1 - strength * (1 - base.1), 1 - strength * (1 - base.2))
            }
        }
        // Regression: the predicted value on a diverging scale of the largest target magnitude.
        let regression = network.loss == .squaredError
        let scale = regression ? Self.targetScale(of: run.rawTrainingSet) : 1
        func fill(_ index: Int) -> String {
            if regression { return Self.divergingColor(outputs[index] / scale) }
            let probabilities = k == 1 ? [1 - outputs[index], outputs[index]] : Array(outputs[(index * k)..<(index * k + k)])
            let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0
            let confidence = probabilities.count > 1 ? (probabilities[best] - 1 / Double(probabilities.count))
                / (1 - 1 / Double(probabilities.count)) : 1
            return shades[best][Int((max(0, min(1, confidence.isFinite ? confidence : 0)) * 24).rounded())]
        }
        for j in 0..<gridSize {
            let fills = (0..<gridSize).map { fill(j * gridSize + $0) }
            var start = 0
            for i in 1...gridSize where i == gridSize || fills[i] != fills[start] {
                svg.rect(x: left + Double(start) * cell, y: top + Double(j) * cell, width: Double(i - start) * cell + 0.3,
                         height: cell + 0.3, fill: fills[start])
                start = i
            }
        }
        func place(_ x: Double, _ y: Double) -> (Double, Double) {
            (left + (x - x0) / (x1 - x0) * size, top + (y1 - y) / (y1 - y0) * size)
        }
        for (set, isTest) in [(slice.project(run.rawTrainingSet), false), (slice.project(run.rawTestSet), true)] {
            for s in 0..<set.count {
                let (px, py) = place(set.features[s * 2], set.features[s * 2 + 1])
                let colour: String
                if regression {
                    colour = Self.divergingColor(RegressionTarget.value(set.labels[s]) / scale)
                } else {
                    let c = SVGDocument.classColors[set.labels[s] % SVGDocument.classColors.count]
                    colour = SVGDocument.color(c.0, c.1, c.2)
                }
                let style = isTest ? "fill=\"white\" stroke=\"\(colour)\" stroke-width=\"1.5\"" : "fill=\"\(colour)\" stroke=\"black\" stroke-width=\"0.5\""
                svg.raw("<circle class=\"point \(isTest ? "test" : "train")\" data-label=\"\(regression ? RegressionTarget.value(set.labels[s]).description : String(set.labels[s]))\" cx=\"\(SVGDocument.n(px))\" cy=\"\(SVGDocument.n(py))\" r=\"3.5\" \(style)/>")
            }
        }
        svg.raw("<rect x=\"\(SVGDocument.n(left))\" y=\"\(SVGDocument.n(top))\" width=\"\(SVGDocument.n(size))\" height=\"\(SVGDocument.n(size))\" fill=\"none\" stroke=\"black\"/>")
        let names = raw.featureNames.count == 2 ? raw.featureNames : ["x1", "x2"]
        let xTicks = AxisTicks.linear(x0, x1, maxIntervals: 6, extend: false)
        for (value, label) in zip(xTicks.values, xTicks.labels) {
            let px = place(value, y0).0
            svg.line(px, top + size, px, top + size + 5, stroke: "black")
            svg.text(label, x: px, y: top + size + 18, size: 11, anchor: "middle", extra: " class=\"x-tick\"")
        }
        let yTicks = AxisTicks.linear(y0, y1, maxIntervals: 6, extend: false)
        for (value, label) in zip(yTicks.values, yTicks.labels) {
            let py = place(x0, value).1
            svg.line(left - 5, py, left, py, stroke: "black")
            svg.text(label, x: left - 8, y: py + 4, size: 11, anchor: "end", extra: " class=\"y-tick\"")
        }
        svg.text(names[0], x: left + size / 2, y: top + size + 36, size: 12, anchor: "middle")
        svg.text(names[1], x: 16, y: top + size / 2, size: 12, anchor: "middle",
                 extra: " transform=\"rotate(-90 16 \(SVGDocument.n(top + size / 2)))\"")
        // The key: one swatch per class, then how points and shades read.
        var keyX = left
        let keyY = top + size + 60
        if regression {
            drawRegressionKey(into: &svg, scale: scale, x: left, y: keyY)
            return svg.text
        }
        for label in 0..<max(2, raw.classCount) {
            let c = SVGDocument.classColors[label % SVGDocument.classColors.count]
            svg.rect(x: keyX, y: keyY - 9, width: 9, height: 9, fill: SVGDocument.color(c.0, c.1, c.2),
                     extra: " stroke=\"black\" stroke-width=\"0.5\" class=\"key\"")
            // Named as the data named them (setosa, 3) when its labels were not 0..K−1.
            let name = raw.classes.isIndices || label >= raw.classCount ? "class \(label)" : raw.classes.name(of: label)
            svg.text(name, x: keyX + 12, y: keyY, size: 12)
            keyX += 24 + SVGDocument.estimatedWidth(of: name, size: 12)
        }
        svg.text("filled: training points, hollow: test points; shade: predicted class and confidence",
                 x: left, y: keyY + 20, size: 12)
        return svg.text
    }

    /// `Loss: spiral, 2-16-16-1 tanh, epoch 1200`: what a picture shows, of which run and when.
    public static func title(_ what: String, run: PreparedRun, network: Network, epoch: Int?) -> String {
        let activation = (network.shapes.count > 1 ? network.shapes.first : network.shapes.last)?.activation.rawValue ?? ""
        return "\(what): \(run.rawData.name), \(network.architecture) \(activation)" + (epoch.map { ", epoch \($0)" } ?? "")
    }

    /// Each layer's weights (and a bias column `b`) as a heatmap on a blue–white–orange scale around
    /// 0, averaged down to at most 64×64 cells with the summary stated, under `title`. Layers sit
    /// side by side (wrapping at about 1000 px), numbered from 1 as in the monitor; each has its
    /// rows numbered by unit, its columns named (the first layer's by `inputNames`, when there is
    /// one name per input; later layers' by the units of the layer before) and a colour bar with
    /// its range. The document is as large as what it holds. Cells are 8 px, larger (up to 16)
    /// when no layer is wider or taller than 32.
    public static func weights(network: Network, inputNames: [String] = [], title: String = "") -> String {
        let maxCells = 64
        let largest = network.shapes.map { min(max($0.inputs, $0.outputs), maxCells) }.max() ?? 1
        let cellSize = max(8, min(16, (256 / Double(largest)).rounded(.down)))
        let labelSize = min(10, cellSize - 1)
        var svg = SVGDocument(width: 0, height: 0)
        var y = 22.0
        if !title.isEmpty {
            svg.text(title, x: 20, y: y, size: 15, extra: " font-weight=\"bold\" class=\"title\"")
            y += 20
        }
        svg.text("rows: units, columns: inputs, then the bias b; blue < 0 < orange, scaled per layer",
                 x: 20, y: y, size: 11, extra: " fill=\"#555555\"")
        var x = 20.0, rowTop = y + 26, rowBottom = y + 26
        for (index, shape) in network.shapes.enumerated() {
            let w = Array(network.weights(ofLayer: index)), b = Array(network.biases(ofLayer: index))
            let scale = max(w.map(abs).max() ?? 0, b.map(abs).max() ?? 0, 1e-12)
            let rows = min(shape.outputs, maxCells), columns = min(shape.inputs, maxCells)
            let averaged = rows < shape.outputs || columns < shape.inputs
            let heading = "layer \(index + 1) of \(network.shapes.count): \(shape.inputs)→\(shape.outputs) \(shape.activation.rawValue)"
            let note = averaged ? "averaged to \(rows)×\(columns)" : ""
            // Column names: inputs for the first layer, the previous layer's units after; none when averaged.
            var columnNames = (1...max(1, columns)).map { String($0) }
            if index == 0, inputNames.count == shape.inputs { columnNames = inputNames }
            if columns < shape.inputs { columnNames = [] }
            // Names longer than about 90 px are cut short, so they stay under the layer's heading.
            let longest = Int(90 / (labelSize * 0.56))
            columnNames = columnNames.map { $0.count > longest ? $0.prefix(longest - 1) + "…" : $0 }
            let nameRoom = (columnNames + ["b"]).map { SVGDocument.estimatedWidth(of: $0, size: labelSize) }.max()! + 6
            let rowRoom = rows < shape.outputs ? 0 : SVGDocument.estimatedWidth(of: String(rows), size: labelSize) + 6
            let gridWidth = rowRoom + Double(columns + 2) * cellSize
            let blockWidth = max(gridWidth, SVGDocument.estimatedWidth(of: heading, size: 13), 150)
            if x > 20, x + blockWidth > 1000 {
                x = 20
                rowTop = rowBottom + 36
            }
            svg.text(heading, x: x, y: rowTop, size: 13)
            if !note.isEmpty { svg.text(note, x: x, y: rowTop + 15, size: 11, extra: " fill=\"#555555\"") }
            let gridLeft = x + rowRoom, gridTop = rowTop + (note.isEmpty ? 8 : 22) + nameRoom
            func colour(_ v: Double) -> String {
                let t = max(-1, min(1, v / scale))
                return t < 0 ? SVGDocument.color(1 + t, 1 + t * 0.6, 1) : SVGDocument.color(1, 1 - t * 0.6, 1 - t)
            }
            for (c, name) in (columnNames + (columnNames.isEmpty ? [] : [""])).enumerated() {
                let cx = gridLeft + (Double(c == columnNames.count ? columns + 1 : c) + 0.5) * cellSize
                let text = c == columnNames.count ? "b" : name
                let baseline = gridTop - 4
                svg.text(text, x: cx + labelSize * 0.35, y: baseline, size: labelSize,
                         extra: " transform=\"rotate(-90 \(SVGDocument.n(cx + labelSize * 0.35)) \(SVGDocument.n(baseline)))\" class=\"column-name\"")
            }
            for r in 0..<rows {
                let r0 = r * shape.outputs / rows, r1 = (r + 1) * shape.outputs / rows
                if rowRoom > 0 {
                    svg.text(String(r + 1), x: gridLeft - 4, y: gridTop + (Double(r) + 0.5) * cellSize + labelSize * 0.35,
                             size: labelSize, anchor: "end", extra: " class=\"row-name\"")
                }
                for c in 0..<columns {
                    let c0 = c * shape.inputs / columns, c1 = (c + 1) * shape.inputs / columns
                    var sum = 0.0
                    for rr in r0..<r1 { for cc in c0..<c1 { sum += w[rr * shape.inputs + cc] } }
                    svg.rect(x: gridLeft + Double(c) * cellSize, y: gridTop + Double(r) * cellSize, width: cellSize,
                             height: cellSize, fill: colour(sum / Double((r1 - r0) * (c1 - c0))))
                }
                let bias = b[r0..<r1].reduce(0, +) / Double(r1 - r0)
                svg.rect(x: gridLeft + Double(columns + 1) * cellSize, y: gridTop + Double(r) * cellSize, width: cellSize,
                         height: cellSize, fill: colour(bias))
            }
            // The colour bar: −range … 0 … +range in 24 steps.
            let barTop = gridTop + Double(rows) * cellSize + 12, barWidth = 120.0
            for step in 0..<24 {
                svg.rect(x: x + Double(step) * barWidth / 24, y: barTop, width: barWidth / 24 + 0.3, height: 8,
                         fill: colour((Double(step) + 0.5) / 12 * scale - scale), extra: " class=\"colour-bar\"")
            }
            let range = String(format: "%.3g", scale)
            svg.text("−" + range, x: x, y: barTop + 20, size: 10)
            svg.text("0", x: x + barWidth / 2, y: barTop + 20, size: 10, anchor: "middle")
            svg.text("+" + range, x: x + barWidth, y: barTop + 20, size: 10, anchor: "end")
            rowBottom = max(rowBottom, barTop + 24)
            x += blockWidth + 36
        }
        svg.fitToContent(margin: 20)
        return svg.text
    }
}
