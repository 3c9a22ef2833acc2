import TerminalUI
import Training

extension Dashboard {
    /// The loss chart: train and test loss over the whole run, learning-rate changes marked.
    /// `overlays` are the other side-by-side runs' training losses.
    func renderLoss(
        _ state: TrainerState, view: MonitorViewState, overlays: [LossOverlay] = [], readoutRows: [LossReadout.Row] = [],
        in area: Rect, into buffer: inout CellBuffer
    ) {
        guard !area.isEmpty else { return }  // hidden by a lesson
        // A regression run's loss is the mean squared error itself.
        var title = (run.isRegression ? "Loss = MSE" : "Loss") + (view.logScale ? " (log scale)" : "")
        if let window = view.lossChart.window { title += ", epochs \(window.lowerBound)-\(window.upperBound)" }
        if let smoothing = view.smoothing { title += String(format: " (smoothed %g)", smoothing) }
        if view.runLabels.count > 1 {
            let selected = min(view.selectedRun, view.runLabels.count - 1)
            title += ": run \(selected + 1) of \(view.runLabels.count), \(view.runLabels[selected])"
            if view.commandsToAll { title += "; keys to all runs" }
        }
        let inner = Panel(title: title, theme: theme).draw(in: area, into: &buffer)
        // A watched log that started again is marked where its new segment begins.
        let restarts = state.watched?.restarts ?? []
        var chart = LossChart(train: Self.points(state.history.trainLoss), test: Self.points(state.history.testLoss),
                              markers: state.learningRateChanges.map { Double($0.epoch) } + restarts.map { Double($0) + 0.5 },
                              logScale: view.logScale, theme: theme)
        chart.markerLabels = state.learningRateChanges.map { "lr " + formatRate($0.learningRate) } + restarts.map { _ in "restart" }
        // The legend agrees with the status bar: the latest epoch's losses, not a bucket's mean.
        chart.latestTrain = state.latest?.trainLoss
        chart.latestTest = state.latest?.testLoss
        // A watched log's latest values are its current segment's: none is none, not the run before's.
        chart.legendShowsLatestOnly = state.watched != nil
        // A log that never logged a test loss gets no test entry (a bare `∘ test` promised a line).
        if state.watched != nil, state.history.testLoss.buckets.isEmpty { chart.seriesNames.test = nil }
        // After a rewind, the abandoned future stays as a faint dotted curve; a viewed point is marked.
        chart.faint = state.abandonedLoss.map(Self.points) ?? []
        chart.cursor = state.viewingLiveEpoch != nil ? Double(state.epoch) : nil
        chart.smoothing = view.smoothing
        if view.runLabels.count > 1 {
            chart.overlays = overlays
            chart.trainStyle = theme.runStyle(view.selectedRun)
        }
        configureZoom(&chart, state: state, view: view, readoutRows: readoutRows)
        chart.render(in: inner, into: &buffer)
    }

    /// One chart point per history bucket, at the bucket's middle epoch, with its min/max band.
    static func points(_ history: MetricHistory) -> [LossPoint] {
        history.buckets.map { bucket in
            let middle = bucket.middleEpoch
            return bucket.count > 1
                ? LossPoint(epoch: middle, value: bucket.mean, minimum: bucket.minimum, maximum: bucket.maximum)
                : LossPoint(epoch: middle, value: bucket.mean)
        }
    }

    /// The decision map with the data drawn over it, or a note when the data is not 2-D.
    func renderMap(_ samples: DecisionSamples?, in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }  // hidden by a lesson
        let g = theme.glyphs
        let classes = 0..<min(run.classCount, g.trainPointGlyphs.count)
        let train = classes.map { String(g.pointGlyph(label: $0, isTest: false)) }.joined(separator: " ")
        let test = classes.map { String(g.pointGlyph(label: $0, isTest: true)) }.joined(separator: " ")
        // Narrow panels keep the point key rather than the long name: the first title that fits.
        var titles = run.hasDecisionMap
            ? ["Decision boundary: train \(train), test \(test)", "Boundary: train \(train), test \(test)",
               "train \(train), test \(test)", "Boundary"]
            : ["Decision boundary"]
        if run.hasCurve {
            titles = ["Prediction (line) over the data (dots)", "Prediction over the data", "Prediction"]
        } else if run.isRegression, !run.hasDecisionMap {
            // No prediction is drawn, so the title names no shade: the note below says why.
            titles = ["Map"]
        } else if run.isRegression {
            // The shade is the predicted value, a point's colour its target, on one scale.
            let scale = NumberFormat.compact(run.targetScale)
            titles = ["Prediction: blue -\(scale) ... red +\(scale); points: target, test \(test)",
                      "Prediction -\(scale)...+\(scale), points: target", "Prediction", "Map"]
        }
        if let slice = run.slice, slice.columnCount > 2 {
            // A slice: the columns across and up name it, the other inputs sit at their means. The
            // point key (the region key follows its order) shortens to the training glyphs and
            // outlasts the long wording; the columns' names go last.
            let pair = "x: \(slice.axisNames[0]), y: \(slice.axisNames[1])"
            let key = run.isRegression ? "points: target, test \(test)" : "train \(train), test \(test)"
            let short = run.isRegression ? key : train
            titles = ["Slice \(pair), others at mean: \(key)", "Slice \(pair): \(key)", "Slice \(pair); train \(short)",
                      "Slice \(pair); \(short)", "\(slice.axisNames[0]) \(g.times) \(slice.axisNames[1]): \(short)",
                      "Slice: \(key)", "Slice: \(short)", "Slice \(pair)", pair, "Slice"]
        }
        let title = titles.first { TextFit.width($0) + 6 <= area.width } ?? titles[titles.count - 1]
        let inner = Panel(title: title, theme: theme).draw(in: area, into: &buffer)
        if run.hasDecisionMap, !run.isRegression { drawRegionKey(classes: classes, in: area, into: &buffer) }
        if run.hasCurve {
            curvePlot(curve: samples?.probabilities ?? []).render(in: inner, into: &buffer)
            return
        }
        guard run.hasDecisionMap else {
            let note = "no map: \(run.rawFeatureCount) input feature\(run.rawFeatureCount == 1 ? "" : "s") (the map needs 2)"
            let text = TextFit.truncate(note, to: inner.width, ellipsis: g.ellipsis)
            let place = inner.centered(width: TextFit.width(text), height: 1)
            buffer.write(text, x: place.x, y: place.y, style: theme.muted, clip: inner)
            return
        }
        let map = mapArea(in: inner)
        if run.isRegression {
            RegressionMap(gridWidth: samples?.width ?? 0, gridHeight: samples?.height ?? 0, values: samples?.probabilities ?? [],
                          scale: run.targetScale, xRange: run.xRange, yRange: run.yRange, points: run.points, theme: theme)
                .render(in: map, into: &buffer)
        } else {
            DecisionMap(gridWidth: samples?.width ?? 0, gridHeight: samples?.height ?? 0,
                        classCount: samples?.classCount ?? run.classCount,
                        probabilities: samples?.probabilities ?? [], xRange: run.xRange, yRange: run.yRange,
                        points: run.points, theme: theme)
                .render(in: map, into: &buffer)
        }
        drawMapMargins(map: map, inner: inner, into: &buffer)
    }

    /// Where the map is drawn with characters (no 256 colours), the bottom edge shows each class's
    /// region characters, least to most confident, in the title's class order: `regions .:- ,;+`.
    private func drawRegionKey(classes: Range<Int>, in area: Rect, into buffer: inout CellBuffer) {
        let g = theme.glyphs
        guard theme.colorMode != .palette256 || g.upperHalfBlock == nil else { return }
        let key = " regions " + classes.map { String(String.UnicodeScalarView(g.classRamp(label: $0).dropFirst())) }
            .joined(separator: " ") + " "
        guard TextFit.width(key) + 4 <= area.width, area.height >= 2 else { return }
        buffer.write(key, x: area.x + 2, y: area.maxY - 1, style: theme.title, clip: area)
    }

    /// The selected layer's weights and biases as a heatmap, with a few numbers beside it.
    func renderWeights(_ state: TrainerState, view: MonitorViewState, in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }  // hidden by a lesson
        let network = state.network
        let index = min(max(0, view.selectedLayer), network.shapes.count - 1)
        let shape = network.shapes[index]
        let g = theme.glyphs
        // A watched log's weights come without activations or biases: the title says when they were logged.
        let watchedEpoch = state.watched?.weightsEpoch
        let title = "Weights, layer \(index + 1)/\(network.shapes.count): \(shape.inputs)\(g.arrow)\(shape.outputs) "
            + (watchedEpoch.map { "logged at epoch \($0)" } ?? shape.activation.rawValue)
        let inner = Panel(title: title, theme: theme).draw(in: area, into: &buffer)
        let weights = Array(network.weights(ofLayer: index))
        let biases = Array(network.biases(ofLayer: index))
        var heatmap = Heatmap(rows: shape.outputs, columns: shape.inputs, values: weights,
                              bias: watchedEpoch == nil ? biases : nil, theme: theme)
        let mapWidth = min(inner.width, max(shape.inputs + 2, 38))
        // Narrow layers (2 inputs, say) are drawn up to 4 cells per weight so they read as a grid.
        heatmap.cellWidth = max(1, min(4, (mapWidth - 1) / (shape.inputs + 1)))
        heatmap.render(in: Rect(x: inner.x, y: inner.y, width: mapWidth, height: inner.height), into: &buffer)
        let notes = Rect(x: inner.x + mapWidth + 1, y: inner.y, width: inner.maxX - inner.x - mapWidth - 1, height: inner.height)
        guard notes.width >= 16 else { return }
        let meanMagnitude = weights.isEmpty ? 0 : weights.reduce(0) { $0 + abs($1) } / Double(weights.count)
        let lines: [(String, CellStyle)] = [
            (watchedEpoch == nil ? "\(shape.outputs)\(g.times)\(shape.inputs) + \(shape.outputs) bias"
                : "\(shape.outputs)\(g.times)\(shape.inputs)", theme.label),
            ("mean |w| \(NumberFormat.compact(meanMagnitude))", theme.label),
            ("max |w|  \(NumberFormat.compact(heatmap.scale))", theme.label),
            ("rows: neurons", theme.muted),
            (index == 0 && run.inputNames.count == shape.inputs ? "cols: " + run.inputNames.joined(separator: ", ")
                : index == 0 ? "cols: inputs" : "cols: layer \(index) units", theme.muted),
            (watchedEpoch == nil ? "last: biases" : "biases: not logged", theme.muted),
            ("Tab: next layer", theme.muted),
        ]
        for (offset, line) in lines.enumerated() where offset < notes.height {
            buffer.write(TextFit.truncate(line.0, to: notes.width, ellipsis: g.ellipsis), x: notes.x, y: notes.y + offset,
                         style: line.1, clip: notes)
        }
    }

    /// Per-layer gradient norms with sparklines; the selected layer is marked.
    func renderGradients(_ state: TrainerState, view: MonitorViewState, in area: Rect, into buffer: inout CellBuffer) {
        guard !area.isEmpty else { return }  // hidden by a lesson
        let inner = Panel(title: "Gradient norms (log scale)", theme: theme).draw(in: area, into: &buffer)
        let g = theme.glyphs
        let rows = state.network.shapes.enumerated().map { index, shape in
            let mark = index == view.selectedLayer ? ">" : " "
            let history = index < state.gradientNormHistory.count
                ? state.gradientNormHistory[index].means(resampledTo: max(1, inner.width - 28)) : []
            let latest = state.latest.flatMap { index < $0.gradientNorms.count ? $0.gradientNorms[index].weights : nil }
            return GradientNormRow(name: "\(mark)\(index + 1) \(shape.inputs)\(g.arrow)\(shape.outputs)",
                                   latest: latest ?? history.last, history: history)
        }
        var table = GradientNormTable(rows: rows, theme: theme)
        // Adam scales every weight's step by its own gradient history: a small gradient there is
        // not a layer that stops learning, so `vanish` would mislead.
        if run.optimizer == "adam" { table.vanishingRatio = 0 }
        table.historyTitle = inner.width >= 48 ? "history, whole run" : "history"
        table.render(in: inner, into: &buffer)
    }
}
