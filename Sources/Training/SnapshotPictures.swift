import Foundation
import MLPEngine

/// The pictures a snapshot holds, as SVG text: loss curves, decision boundary, weight heatmaps.
public enum SnapshotPictures {
    /// Train and test loss over the run, on a linear and a log axis, with learning-rate changes
    /// marked: one `<path>` per curve per panel.
    ///
    /// The epoch axis runs from 0 (the epoch before the first recorded) to the last epoch recorded.
    /// Each history bucket is plotted at its middle epoch with its mean; the first and last buckets'
    /// means are also drawn at the first and last epochs they cover, so the curves span the run.
    public static func loss(history: LossHistory, learningRateChanges: [LearningRateChange]) -> String {
        var svg = SVGDocument(width: 800, height: 640)
        let series = [("train", history.trainLoss, "#1f77b4"), ("test", history.testLoss, "#ff7f0e")]
        let firstEpoch = series.compactMap { $0.1.buckets.first?.firstEpoch }.min() ?? 1
        let lastEpoch = series.compactMap { $0.1.buckets.last?.lastEpoch }.max() ?? 1
        let startEpoch = Double(max(0, firstEpoch - 1)), endEpoch = max(Double(lastEpoch), startEpoch + 1)
        let points = series.map { name, metric, colour in
            var curve = metric.buckets.map { (Double($0.firstEpoch + $0.lastEpoch) / 2, $0.mean) }
            if let first = metric.buckets.first, first.count > 1 { curve.insert((Double(first.firstEpoch), first.mean), at: 0) }
            if let last = metric.buckets.last, last.count > 1 { curve.append((Double(last.lastEpoch), last.mean)) }
            return (name, curve, colour)
        }
        for (panel, logScale) in [(0, false), (1, true)] {
            let top = 40.0 + Double(panel) * 310, left = 80.0, width = 690.0, height = 240.0
            svg.text(logScale ? "loss (log scale)" : "loss (linear scale)", x: left, y: top - 12, size: 14, extra: " font-weight=\"bold\"")
            let all = points.flatMap { $0.1 }.filter { $0.1.isFinite && (!logScale || $0.1 > 0) }
            let values = all.map(\.1)
            let yTicks = logScale
                ? AxisTicks.logarithmic(values.min() ?? 0.1, values.max() ?? 1)
                : AxisTicks.linear(min(0, values.min() ?? 0), values.max() ?? 1, extend: true)
            let low = logScale ? log10(yTicks.lower) : yTicks.lower, high = logScale ? log10(yTicks.upper) : yTicks.upper
            let xTicks = AxisTicks.linear(startEpoch, endEpoch, maxIntervals: 8, extend: false, thousands: true)
            func x(_ epoch: Double) -> Double { left + (epoch - startEpoch) / (endEpoch - startEpoch) * width }
            func y(_ value: Double) -> Double {
                let v = logScale ? log10(max(value, 1e-300)) : value
                return top + height - (v - low) / (high - low) * height
            }
            let panelName = logScale ? "log" : "linear"
            svg.line(left, top + height, left + width, top + height, stroke: "black",
                     extra: " class=\"x-axis\" data-panel=\"\(panelName)\"")
            svg.line(left, top, left, top + height, stroke: "black")
            for (value, label) in zip(yTicks.values, yTicks.labels) {
                let yy = y(value)
                svg.line(left - 4, yy, left, yy, stroke: "black")
                svg.text(label, x: left - 8, y: yy + 4, size: 11, anchor: "end",
                         extra: " class=\"y-tick\" data-panel=\"\(panelName)\"")
            }
            for (epoch, label) in zip(xTicks.values, xTicks.labels) {
                svg.line(x(epoch), top + height, x(epoch), top + height + 4, stroke: "black")
                svg.text(label, x: x(epoch), y: top + height + 18, size: 11, anchor: "middle",
                         extra: " class=\"x-tick\" data-panel=\"\(panelName)\"")
            }
            svg.text("epoch", x: left + width / 2, y: top + height + 34, size: 12, anchor: "middle")
            svg.text("loss", x: 20, y: top + height / 2, size: 12, anchor: "middle",
                     extra: " transform=\"rotate(-90 20 \(SVGDocument.n(top + height / 2)))\"")
            for change in learningRateChanges where (startEpoch...endEpoch).contains(Double(change.epoch)) {
                svg.line(x(Double(change.epoch)), top, x(Double(change.epoch)), top + height, stroke: "#999999",
                         extra: " stroke-dasharray=\"4 3\" class=\"lr-change\" data-panel=\"\(panelName)\"")
            }
            for (name, curve, colour) in points where !curve.isEmpty {
                let visible = curve.filter { $0.1.isFinite && (!logScale || $0.1 > 0) }
                svg.path(visible.map { (x($0.0), y($0.1)) }, stroke: colour,
                         extra: " stroke-width=\"1.5\" class=\"curve\" data-series=\"\(name)\" data-panel=\"\(panelName)\"")
            }
            for (i, (name, _, colour)) in points.filter({ !$0.1.isEmpty }).enumerated() {
                svg.line(left + width - 120, top + 10 + Double(i) * 16, left + width - 100, top + 10 + Double(i) * 16, stroke: colour,
                         extra: " stroke-width=\"2\"")
                svg.text(name, x: left + width - 94, y: top + 14 + Double(i) * 16, size: 11)
            }
        }
        return svg.text
    }

    /// The model's decision over a grid covering the data, shaded by class and confidence, with
    /// every data point drawn over it (training points filled, test points hollow).
    public static func boundary(run: PreparedRun, network: Network, gridSize: Int = 60) -> String {
        let size = 600.0, margin = 40.0
        var svg = SVGDocument(width: size + 2 * margin, height: size + 2 * margin + 30)
        let raw = run.rawData
        guard raw.featureCount == 2, raw.count > 0 else {
            svg.text("the decision boundary needs 2 input features; this data has \(raw.featureCount)",
                     x: margin, y: margin + 20, size: 14)
            return svg.text
        }
        let xs = stride(from: 0, to: raw.count, by: 1).map { raw.features[$0 * 2] }
        let ys = stride(from: 0, to: raw.count, by: 1).map { raw.features[$0 * 2 + 1] }
        var (x0, x1, y0, y1) = (xs.min()!, xs.max()!, ys.min()!, ys.max()!)
        let padX = max((x1 - x0) * 0.05, 1e-6), padY = max((y1 - y0) * 0.05, 1e-6)
        (x0, x1, y0, y1) = (x0 - padX, x1 + padX, y0 - padY, y1 + padY)
        // Equal units on both axes, so circles stay round in the square plot: the shorter span grows
        // about its middle, up to three times its length (beyond, the picture would be mostly empty).
        if x1 - x0 > y1 - y0 {
            let half = min(x1 - x0, 3 * (y1 - y0)) / 2, middle = (y0 + y1) / 2
            (y0, y1) = (middle - half, middle + half)
        } else if y1 - y0 > x1 - x0 {
            let half = min(y1 - y0, 3 * (x1 - x0)) / 2, middle = (x0 + x1) / 2
            (x0, x1) = (middle - half, middle + half)
        }
        var inputs: [Double] = []
        inputs.reserveCapacity(gridSize * gridSize * network.inputCount)
        for j in 0..<gridSize {
            for i in 0..<gridSize {
                let px = x0 + (Double(i) + 0.5) / Double(gridSize) * (x1 - x0)
                let py = y1 - (Double(j) + 0.5) / Double(gridSize) * (y1 - y0)
                inputs += run.networkInput([px, py])
            }
        }
        let outputs = network.outputs(features: inputs)
        let k = network.outputCount, cell = size / Double(gridSize)
        for j in 0..<gridSize {
            for i in 0..<gridSize {
                let index = j * gridSize + i
                let probabilities = k == 1 ? [1 - outputs[index], outputs[index]] : Array(outputs[(index * k)..<(index * k + k)])
                let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] } ?? 0
                let confidence = probabilities.count > 1 ? (probabilities[best] - 1 / Double(probabilities.count))
                    / (1 - 1 / Double(probabilities.count)) : 1
                let base = SVGDocument.classColors[best % SVGDocument.classColors.count]
                let strength = 0.15 + 0.45 * max(0, min(1, confidence))
                let fill = SVGDocument.color(1 - strength * (1 - base.0), 1 - strength * (1 - base.1), 1 - strength * (1 - base.2))
                svg.rect(x: margin + Double(i) * cell, y: margin + Double(j) * cell, width: cell + 0.3, height: cell + 0.3, fill: fill)
            }
        }
        func place(_ x: Double, _ y: Double) -> (Double, Double) {
            (margin + (x - x0) / (x1 - x0) * size, margin + (y1 - y) / (y1 - y0) * size)
        }
        for (set, isTest) in [(run.rawTrainingSet, false), (run.rawTestSet, true)] {
            for s in 0..<set.count {
                let (px, py) = place(set.features[s * 2], set.features[s * 2 + 1])
                let c = SVGDocument.classColors[set.labels[s] % SVGDocument.classColors.count]
                let colour = SVGDocument.color(c.0, c.1, c.2)
                let style = isTest ? "fill=\"white\" stroke=\"\(colour)\" stroke-width=\"1.5\"" : "fill=\"\(colour)\" stroke=\"black\" stroke-width=\"0.5\""
                svg.raw("<circle class=\"point \(isTest ? "test" : "train")\" data-label=\"\(set.labels[s])\" cx=\"\(SVGDocument.n(px))\" cy=\"\(SVGDocument.n(py))\" r=\"3.5\" \(style)/>")
            }
        }
        svg.raw("<rect x=\"\(SVGDocument.n(margin))\" y=\"\(SVGDocument.n(margin))\" width=\"\(SVGDocument.n(size))\" height=\"\(SVGDocument.n(size))\" fill=\"none\" stroke=\"black\"/>")
        svg.text(String(format: "x1 %.3g … %.3g", x0, x1), x: margin + size / 2, y: margin + size + 20, size: 12, anchor: "middle")
        svg.text(String(format: "x2 %.3g … %.3g", y0, y1), x: 14, y: margin + size / 2, size: 12, anchor: "middle",
                 extra: " transform=\"rotate(-90 14 \(SVGDocument.n(margin + size / 2)))\"")
        svg.text("filled: training points, hollow: test points; shade: predicted class and confidence",
                 x: margin, y: margin + size + 42, size: 12)
        return svg.text
    }

    /// Each layer's weights (and a bias column) as a heatmap on a blue–white–red scale around 0,
    /// averaged down to at most 64×64 cells with the summary stated. Layers are numbered from 1, as
    /// in the monitor ("layer 1 of 3: 2→16 tanh …"). The document is as large as what it holds.
    /// Cells are 8 px, larger (up to 16) when no layer is wider or taller than 32.
    public static func weights(network: Network) -> String {
        let maxCells = 64
        let largest = network.shapes.map { min(max($0.inputs, $0.outputs), maxCells) }.max() ?? 1
        let cellSize = max(8, min(16, (256 / Double(largest)).rounded(.down)))
        var svg = SVGDocument(width: 0, height: 0)
        svg.text("rows: units, columns: inputs, then the bias; blue < 0 < orange, scaled per layer",
                 x: 20, y: 22, size: 11, extra: " fill=\"#555555\"")
        var y = 50.0
        for (index, shape) in network.shapes.enumerated() {
            let w = Array(network.weights(ofLayer: index)), b = Array(network.biases(ofLayer: index))
            let scale = max(w.map(abs).max() ?? 0, b.map(abs).max() ?? 0, 1e-12)
            let rows = min(shape.outputs, maxCells), columns = min(shape.inputs, maxCells)
            var title = "layer \(index + 1) of \(network.shapes.count): \(shape.inputs)→\(shape.outputs) \(shape.activation.rawValue), weights and bias, range ±\(String(format: "%.3g", scale))"
            if rows < shape.outputs || columns < shape.inputs { title += " (averaged to \(rows)×\(columns))" }
            svg.text(title, x: 20, y: y, size: 13)
            y += 10
            func colour(_ v: Double) -> String {
                let t = max(-1, min(1, v / scale))
                return t < 0 ? SVGDocument.color(1 + t, 1 + t * 0.6, 1) : SVGDocument.color(1, 1 - t * 0.6, 1 - t)
            }
            for r in 0..<rows {
                let r0 = r * shape.outputs / rows, r1 = (r + 1) * shape.outputs / rows
                for c in 0..<columns {
                    let c0 = c * shape.inputs / columns, c1 = (c + 1) * shape.inputs / columns
                    var sum = 0.0
                    for rr in r0..<r1 { for cc in c0..<c1 { sum += w[rr * shape.inputs + cc] } }
                    svg.rect(x: 20 + Double(c) * cellSize, y: y + Double(r) * cellSize, width: cellSize, height: cellSize,
                             fill: colour(sum / Double((r1 - r0) * (c1 - c0))))
                }
                let bias = b[r0..<r1].reduce(0, +) / Double(r1 - r0)
                svg.rect(x: 20 + Double(columns + 1) * cellSize, y: y + Double(r) * cellSize, width: cellSize, height: cellSize,
                         fill: colour(bias))
            }
            y += Double(rows) * cellSize + 40
        }
        svg.fitToContent(margin: 20)
        return svg.text
    }
}
