import Datasets
import MLPEngine

extension SnapshotPictures {
    /// boundary.svg for a regression on one input column: the data (x, y) as dots (filled:
    /// training, hollow: test) and the network's prediction ŷ(x) as a line at `samples` x values
    /// evenly over the data's x range (8 % margin each side), under a title, with tick labels and
    /// a key. The y axis spans the targets (8 % margin); the line is clipped to the plot where the
    /// prediction leaves it, and broken where it is not finite. O(samples × weights + points).
    static func curve(run: PreparedRun, network: Network, epoch: Int?, samples: Int = 300) -> String {
        let width = 600.0, height = 400.0, left = 70.0, top = 46.0
        var svg = SVGDocument(width: left + width + 30, height: top + height + 96)
        svg.text(title("Prediction", run: run, network: network, epoch: epoch), x: 20, y: 24, size: 15,
                 extra: " font-weight=\"bold\" class=\"title\"")
        let sets = [(run.rawTrainingSet, false), (run.rawTestSet, true)]
        let xs = sets.flatMap { $0.0.features }.filter(\.isFinite), ys = sets.flatMap { $0.0.targets }.filter(\.isFinite)
        guard let x = padded(xs), let y = padded(ys) else { return svg.text }
        func place(_ px: Double, _ py: Double) -> (Double, Double) {
            (left + (px - x.lowerBound) / (x.upperBound - x.lowerBound) * width,
             top + (y.upperBound - py) / (y.upperBound - y.lowerBound) * height)
        }
        svg.raw("<clipPath id=\"plot\"><rect x=\"\(SVGDocument.n(left))\" y=\"\(SVGDocument.n(top))\" "
                + "width=\"\(SVGDocument.n(width))\" height=\"\(SVGDocument.n(height))\"/></clipPath>")
        for (set, isTest) in sets {
            for (value, target) in zip(set.features, set.targets) where value.isFinite && target.isFinite {
                let (px, py) = place(value, target)
                let style = isTest ? "fill=\"white\" stroke=\"#d95f02\" stroke-width=\"1.5\"" : "fill=\"#999999\" stroke=\"black\" stroke-width=\"0.5\""
                svg.raw("<circle class=\"point \(isTest ? "test" : "train")\" data-label=\"\(target)\" cx=\"\(SVGDocument.n(px))\" "
                        + "cy=\"\(SVGDocument.n(py))\" r=\"3\" \(style)/>")
            }
        }
        // The prediction: one batched forward pass at the sample x values, the engine's own outputs.
        let at = (0..<samples).map { x.lowerBound + (Double($0) + 0.5) / Double(samples) * (x.upperBound - x.lowerBound) }
        let inputs = at.flatMap { run.networkInput([$0]) }
        let predictions = inputs.count == samples * network.inputCount ? network.outputs(features: inputs) : []
        var segment: [(Double, Double)] = []
        func finish() {
            svg.path(segment, stroke: "#1f6fb4", extra: " stroke-width=\"2\" clip-path=\"url(#plot)\" class=\"prediction\"")
            segment = []
        }
        for (px, value) in zip(at, predictions) {
            if value.isFinite { segment.append(place(px, value)) } else { finish() }
        }
        finish()
        svg.raw("<rect x=\"\(SVGDocument.n(left))\" y=\"\(SVGDocument.n(top))\" width=\"\(SVGDocument.n(width))\" "
                + "height=\"\(SVGDocument.n(height))\" fill=\"none\" stroke=\"black\"/>")
        let xTicks = AxisTicks.linear(x.lowerBound, x.upperBound, maxIntervals: 6, extend: false)
        for (value, label) in zip(xTicks.values, xTicks.labels) {
            let px = place(value, y.lowerBound).0
            svg.line(px, top + height, px, top + height + 5, stroke: "black")
            svg.text(label, x: px, y: top + height + 18, size: 11, anchor: "middle", extra: " class=\"x-tick\"")
        }
        let yTicks = AxisTicks.linear(y.lowerBound, y.upperBound, maxIntervals: 6, extend: false)
        for (value, label) in zip(yTicks.values, yTicks.labels) {
            let py = place(x.lowerBound, value).1
            svg.line(left - 5, py, left, py, stroke: "black")
            svg.text(label, x: left - 8, y: py + 4, size: 11, anchor: "end", extra: " class=\"y-tick\"")
        }
        let name = run.rawData.featureNames.first ?? "x"
        svg.text(name, x: left + width / 2, y: top + height + 36, size: 12, anchor: "middle")
        svg.text("target", x: 16, y: top + height / 2, size: 12, anchor: "middle",
                 extra: " transform=\"rotate(-90 16 \(SVGDocument.n(top + height / 2)))\"")
        svg.text("dots: the data (filled: training, hollow: test); line: the network's prediction ŷ(\(name))",
                 x: left, y: top + height + 60, size: 12)
        return svg.text
    }

    /// The finite extent of `values` with 8 % margin each side, or nil when there is none.
    private static func padded(_ values: [Double]) -> ClosedRange<Double>? {
        guard let low = values.min(), let high = values.max() else { return nil }
        let margin = high > low ? (high - low) * 0.08 : max(1, abs(low) * 0.1)
        return (low - margin)...(high + margin)
    }
}
