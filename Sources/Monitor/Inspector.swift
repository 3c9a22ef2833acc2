import Foundation
import MLPEngine
import TerminalUI
import Training

/// The inspector's text: the chain rule for the selected neuron and sample with the network's own
/// numbers — forward `z = Σ w·a + b`, `a = f(z)`; backward `δ = ∂E/∂z`; the gradient `∂E/∂w = δ·a`
/// beside the batch mean the trainer used; the optimiser's step; and the gradient check.
///
/// Every value comes from the engine: z, a, δ and the per-sample gradient from `Network.trace`,
/// the batch gradient, the change and the optimiser's state from the trainer's `StepRecord`, the
/// numeric gradient from `GradientCheck`. The products and sums written out between them are the
/// arithmetic a reader can check by hand. Pure.
public struct Inspector: Sendable {
    /// One line and how it is drawn.
    public struct Line: Hashable, Sendable {
        public enum Kind: Hashable, Sendable { case heading, text, note, highlight }
        public var text: String
        public var kind: Kind
    }

    public var network: Network
    public var trace: SampleTrace
    public var selection: NetworkViewState
    public var lastStep: StepRecord?
    public var inputNames: [String]
    /// Whether to write `delta`, `dE/dw`, `sum` instead of `δ`, `∂E/∂w`, `Σ`.
    public var ascii: Bool
    /// Class k's name as the data wrote it (`setosa`); the class number where there is none.
    public var classNames: [String] = []
    /// While stepping phases of a full-batch run: the batch gradient at these weights, which is the
    /// one the coming step applies (the trainer's own pass, `TrainingRun.fullBatchGradient`).
    public var nextGradient: [Double]?
    /// Whether the weights are a rewind point's (whose optimiser step is not kept).
    public var viewingPast = false
    /// The data row of each training sample (`MonitorRunInfo.trainingRows`), or nil when not known.
    public var dataRows: [Int]?
    /// The trainer's edit count and generation (`TrainerState`), to tell whether the last edit
    /// came after the last step.
    public var parameterEdits = 0
    public var generation = 0

    public init(network: Network, trace: SampleTrace, selection: NetworkViewState, lastStep: StepRecord?,
                inputNames: [String], ascii: Bool) {
        self.network = network
        self.trace = trace
        self.selection = selection
        self.lastStep = lastStep
        self.inputNames = inputNames
        self.ascii = ascii
    }

    // Notation, Unicode or ASCII.
    var delta: String { ascii ? "delta" : "δ" }
    var sum: String { ascii ? "sum" : "Σ" }
    var dot: String { ascii ? "*" : "·" }
    var times: String { ascii ? "x" : "×" }
    var dEdw: String { ascii ? "dE/dw" : "∂E/∂w" }
    var dEdz: String { ascii ? "dE/dz" : "∂E/∂z" }
    var prime: String { ascii ? "f'" : "f′" }
    var yHat: String { ascii ? "y^" : "ŷ" }
    // The hats of Adam's corrected moments: a combining circumflex does not survive a terminal cell.
    var mHat: String { "m^" }
    var vHat: String { "v^" }
    var alpha: String { ascii ? "lr" : "α" }
    var minus: String { ascii ? "-" : "−" }
    var arrow: String { ascii ? "->" : "→" }

    /// A number as the inspector prints it: 4 significant digits, sign shown.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if value == 0 { return "0" }
        return String(format: "%+.4g", value)
    }

    /// A number opening a written-out expression: as `number`, without a `+`.
    static func leading(_ value: Double) -> String {
        let text = number(value)
        return text.hasPrefix("+") ? String(text.dropFirst()) : text
    }

    /// A number after an operator: no `+`, a negative one in parentheses (`0.5 − (-0.2)`), so no
    /// two signs meet.
    static func operand(_ value: Double) -> String {
        value < 0 ? "(\(leading(value)))" : leading(value)
    }

    /// Values to be read side by side (`0.66196602 → 0.66201260`): 8 significant digits of the
    /// largest, the same decimals for all; `%.8g` each when that would take more than 12 decimals
    /// or none at all.
    static func aligned(_ values: [Double]) -> [String] {
        let largest = values.map(abs).filter(\.isFinite).max() ?? 0
        let decimals = largest > 0 ? 7 - Int(Foundation.log10(largest).rounded(.down)) : 8
        guard values.allSatisfy(\.isFinite), (1...12).contains(decimals) else { return values.map { String(format: "%.8g", $0) } }
        return values.map { String(format: "%.\(decimals)f", $0) }
    }

    /// A target or label value, written plainly: `1`, `0`.
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.4g", value)
    }

    /// The name of input `j` of layer `layer`: the input's name for the first layer, else `a5`.
    func incomingName(layer: Int, input j: Int) -> String {
        if layer == 0 { return j < inputNames.count ? inputNames[j] : "x\(j + 1)" }
        return "a\(j + 1)"
    }

    /// The selected parameter's name: `w(3,5)` or `b(3)`, 1-based.
    var parameterName: String {
        selection.biasSelected ? "b(\(selection.neuron + 1))" : "w(\(selection.neuron + 1),\(selection.input + 1))"
    }

    /// All sections, or only the phase's when stepping.
    public var lines: [Line] {
        let phase = selection.phase
        var lines = header
        switch phase {
        case nil:
            lines += forward + backward + gradient + update
        case .forward?:
            lines += forward
        case .loss?:
            lines += loss
        case .backward?:
            lines += backward + gradient
        case .update?:
            lines += update
        }
        return lines
    }

    /// The sample's class as the data names it.
    var className: String {
        return classNames.indices.contains(trace.label) ? classNames[trace.label] : "\(trace.label)"
    }

    var header: [Line] {
        let l = selection.layer, shape = network.shapes[l]
        let kind = l == network.shapes.count - 1 ? "output" + (outputClassName(selection.neuron).map { ": \($0)" } ?? "") : "hidden"
        let predicted = trace.isCorrect ? "right" : "wrong"
        // While stepping, the error is not known before the loss phase.
        let errorKnown: Bool = switch selection.phase {
        case .forward?: false
        default: true
        }
        // 0-based, as `inspect --sample` counts; the row of the data `inspect --sample` takes.
        let dataRow = dataRows.flatMap { selection.sample < $0.count ? " (row \($0[selection.sample]))" : nil } ?? ""
        let error = errorKnown ? ", \(predicted), E = \(Self.number(trace.loss).dropFirst())" : ""
        // A regression sample has a target and a prediction, not a class that is right or wrong.
        let what = network.loss == .squaredError
            ? "target \(Self.number(RegressionTarget.value(trace.label)))"
                + (errorKnown ? ", prediction \(Self.number(trace.layers[network.shapes.count - 1].a[0])), E = \(Self.number(trace.loss).dropFirst())" : "")
            : "class \(className)\(error)"
        var lines = [
            Line(text: "neuron \(selection.neuron + 1) of layer \(l + 1) (\(kind), \(shape.inputs)\(arrow)\(shape.outputs) "
                 + "\(shape.activation.rawValue))", kind: .heading),
            Line(text: "sample \(selection.sample) of \(selection.sampleCount)\(dataRow): \(what)", kind: .text),
        ]
        if let edit = pendingEdit {
            lines.append(Line(text: "edited: \(edit.name) \(String(format: "%.8g", edit.from)) \(arrow) "
                              + "\(String(format: "%.8g", edit.to)), not yet trained on", kind: .highlight))
        }
        if let phase = selection.phase {
            lines.append(Line(text: "phase: \(phase.name(layers: network.shapes.count))  (p next, Esc all)", kind: .highlight))
        }
        return lines
    }

    /// How many of a sum's `count` terms are written out, the largest first: all up to 6, else 4
    /// and a line summing the rest.
    static func listedTermCount(_ count: Int) -> Int { count <= 6 ? count : 4 }

    /// z = Σ w·a + b, the largest terms first, and a = f(z).
    var forward: [Line] {
        let l = selection.layer, j = selection.neuron, shape = network.shapes[l]
        let incoming = trace.incoming(toLayer: l)
        let weights = Array(network.weights(ofLayer: l))[(j * shape.inputs)..<((j + 1) * shape.inputs)]
        let terms = weights.enumerated().map { i, w in (i, w, incoming[i], w * incoming[i]) }
            .sorted { abs($0.3) > abs($1.3) }
        var lines = [Line(text: "forward  z = \(sum) w\(dot)a + b", kind: .heading)]
        var listed = Array(terms.prefix(Self.listedTermCount(terms.count)))
        // The weight the inspector follows is always listed, in its place by size.
        if !selection.biasSelected, !listed.contains(where: { $0.0 == selection.input }),
           let followed = terms.first(where: { $0.0 == selection.input }) {
            listed[listed.count - 1] = followed
        }
        let shown = listed.count
        for (i, w, a, product) in listed {
            let mark = !selection.biasSelected && i == selection.input ? ">" : " "
            lines.append(Line(text: "\(mark) w(\(j + 1),\(i + 1))\(dot)\(incomingName(layer: l, input: i)) = "
                              + "\(Self.number(w)) \(times) \(Self.operand(a)) = \(Self.number(product))",
                              kind: mark == ">" ? .highlight : .text))
        }
        if terms.count > shown {
            let others = terms.filter { term in !listed.contains { $0.0 == term.0 } }
            let rest = others.reduce(0) { $0 + $1.3 }
            // "smaller" only while it is true: the followed weight, listed in the place of the
            // last of the largest, may be smaller than terms it pushed into the rest.
            let smallest = listed.map { abs($0.3) }.min() ?? 0
            let word = others.allSatisfy { abs($0.3) <= smallest } ? "smaller" : "other"
            lines.append(Line(text: "  + \(terms.count - shown) \(word) terms = \(Self.number(rest))", kind: .note))
        }
        let bias = network.biases(ofLayer: l)[network.shapes[l].biasOffset + j]
        lines.append(Line(text: "\(selection.biasSelected ? ">" : " ") b(\(j + 1)) = \(Self.number(bias))",
                          kind: selection.biasSelected ? .highlight : .text))
        let layer = trace.layers[l]
        lines.append(Line(text: "  z = \(Self.number(layer.z[j]))", kind: .text))
        lines.append(Line(text: "  a = \(shape.activation.rawValue)(z) = \(Self.number(layer.a[j]))", kind: .text))
        return lines
    }

    /// The class output neuron `k` stands for, where the data name their classes (`versicolor`):
    /// class k of a softmax output, class 1 (the positive one) of a single sigmoid output. Nil for
    /// regression and for classes known only by number.
    func outputClassName(_ k: Int) -> String? {
        guard network.loss != .squaredError else { return nil }
        let named = classNames.enumerated().contains { $1 != String($0) }
        let index = network.outputCount == 1 ? 1 : k
        return named && classNames.indices.contains(index) ? classNames[index] : nil
    }

    /// E of the sample and, at the output, ŷ against y.
    var loss: [Line] {
        let last = network.shapes.count - 1
        let outputs = trace.layers[last].a
        var lines = [Line(text: "loss  E = \(network.loss.rawValue)", kind: .heading)]
        let shown = outputs.prefix(4).enumerated().map { k, a in
            let y = network.loss == .squaredError ? RegressionTarget.value(trace.label)
                : outputs.count == 1 ? Double(trace.label) : (trace.label == k ? 1 : 0)
            return "\(yHat)\(k + 1)\(outputClassName(k).map { " (\($0))" } ?? "") = \(Self.number(a)), y = \(Self.plain(y))"
        }
        lines += shown.map { Line(text: "  " + $0, kind: .text) }
        lines.append(Line(text: "  E = \(lossFormula) = \(Self.leading(trace.loss))", kind: .text))
        return lines + outputDelta
    }

    /// The loss of this sample written out with its numbers, as `mlptop inspect` does; E itself is
    /// the engine's (`trace.loss`).
    var lossFormula: String {
        let outputs = trace.layers[network.shapes.count - 1].a
        let square = ascii ? "^2" : "²", ln = "ln"
        switch network.loss {
        case .squaredError:
            let y = RegressionTarget.value(trace.label)
            return "(\(yHat) \(minus) y)\(square) = (\(Self.leading(outputs[0])) \(minus) \(Self.operand(y)))\(square)"
        case .mse:
            let half = ascii ? "1/2" : "½"
            let general = "\(half)\(dot)\(sum)(\(yHat) \(minus) y)\(square)"
            guard outputs.count == 1 else { return general + " over \(outputs.count) outputs" }
            let y = Double(trace.label)
            return general + " = \(half)\(dot)(\(Self.leading(outputs[0])) \(minus) \(Self.operand(y)))\(square)"
        case .bce:
            let form = trace.label == 1 ? "\(minus)\(ln)(\(Self.leading(outputs[0])))"
                : "\(minus)\(ln)(1 \(minus) \(Self.operand(outputs[0])))"
            return "\(minus)[y\(dot)\(ln) \(yHat) + (1\(minus)y)\(dot)\(ln)(1\(minus)\(yHat))] = \(form)"
        case .softmaxCrossEntropy:
            let k = min(max(trace.label, 0), outputs.count - 1)
            return "\(minus)\(ln) \(yHat) of class y = \(minus)\(ln)(\(yHat)\(k + 1)) = \(minus)\(ln)(\(Self.leading(outputs[k])))"
        }
    }

    /// δ at the output: the fused ŷ − y, or MSE's (ŷ − y)·f′(z).
    var outputDelta: [Line] {
        let last = network.shapes.count - 1, j = selection.neuron
        guard selection.layer == last else { return [] }
        let a = trace.layers[last].a[j]
        let y = network.loss == .squaredError ? RegressionTarget.value(trace.label)
            : network.outputCount == 1 ? Double(trace.label) : (trace.label == j ? 1 : 0)
        let d = trace.layers[last].delta[j]
        switch network.loss {
        case .squaredError:
            return [Line(text: "  \(delta) = 2(\(yHat) \(minus) y)\(dot)\(prime)(z), \(prime)(z) = \(derivativeText(layer: last, neuron: j))",
                         kind: .text),
                    Line(text: "    = 2(\(Self.leading(a)) \(minus) \(Self.operand(y)))\(dot)\(prime)(z) = \(Self.number(d))", kind: .text)]
        case .mse:
            return [Line(text: "  \(delta) = (\(yHat) \(minus) y)\(dot)\(prime)(z), \(prime)(z) = \(derivativeText(layer: last, neuron: j))",
                         kind: .text),
                    Line(text: "    = (\(Self.leading(a)) \(minus) \(Self.operand(y)))\(dot)\(prime)(z) = \(Self.number(d))", kind: .text)]
        case .bce, .softmaxCrossEntropy:
            let pair = network.loss == .bce ? "sigmoid+BCE" : "softmax+CE"
            return [Line(text: "  \(delta) = \(yHat) \(minus) y = \(Self.leading(a)) \(minus) \(Self.operand(y)) = \(Self.number(d))",
                         kind: .text),
                    Line(text: "  (the \(pair) shortcut: f\(ascii ? "'" : "′")(z) cancels out of \(dEdz))", kind: .note)]
        }
    }

    /// δ = ∂E/∂z: from the loss at the output, else f′(z)·Σ w·δ over the next layer.
    var backward: [Line] {
        let l = selection.layer, j = selection.neuron
        let last = network.shapes.count - 1
        if l == last {
            return [Line(text: "backward  \(delta) = \(dEdz)", kind: .heading)] + outputDelta
        }
        // The terms are the next layer's weights out of this neuron and that layer's δ; their sum is
        // the engine's, as the pass summed it (the forward line's z is the trace's too).
        var lines = [Line(text: "backward  \(delta) = \(dEdz)  (w, \(delta) of layer \(l + 2))", kind: .heading)]
        let next = network.shapes[l + 1]
        let weights = Array(network.weights(ofLayer: l + 1))
        let deltas = trace.layers[l + 1].delta
        let terms = (0..<next.outputs).map { k in (k, weights[k * next.inputs + j], deltas[k], weights[k * next.inputs + j] * deltas[k]) }
            .sorted { abs($0.3) > abs($1.3) }
        let listed = terms.prefix(Self.listedTermCount(terms.count))
        for (k, w, d, product) in listed {
            lines.append(Line(text: "  w(\(k + 1),\(j + 1))\(dot)\(delta)\(k + 1) = \(Self.number(w)) \(times) \(Self.operand(d)) = "
                              + "\(Self.number(product))", kind: .text))
        }
        if terms.count > listed.count {
            let rest = terms.dropFirst(listed.count).reduce(0) { $0 + $1.3 }
            lines.append(Line(text: "  + \(terms.count - listed.count) smaller terms = \(Self.number(rest))", kind: .note))
        }
        let total = trace.layers[l].backwardSum?[j] ?? .nan
        let d = trace.layers[l].delta[j]
        let derivative = derivativeText(layer: l, neuron: j)
        lines.append(Line(text: "  \(sum) w\(dot)\(delta) = \(Self.number(total)),  \(prime)(z) = \(derivative)", kind: .text))
        lines.append(Line(text: "  \(delta) = \(prime)(z)\(dot)\(sum) w\(dot)\(delta) = \(Self.number(d))", kind: .text))
        return lines
    }

    /// f′(z) in the activation's own terms: `1 − a² = 0.29`.
    func derivativeText(layer: Int, neuron: Int) -> String {
        let a = trace.layers[layer].a[neuron], z = trace.layers[layer].z[neuron]
        switch network.shapes[layer].activation {
        case .tanh: return "1 \(minus) a\(ascii ? "^2" : "²") = \(Self.number(1 - a * a))"
        case .sigmoid: return "a(1 \(minus) a) = \(Self.number(a * (1 - a)))"
        case .relu: return z > 0 ? "1 (z > 0)" : (ascii ? "0 (z <= 0)" : "0 (z ≤ 0)")
        case .linear: return "1"
        case .softmax: return "softmax"
        }
    }

    /// ∂E/∂w = δ·a for this sample, and the batch mean of the trainer's last step.
    var gradient: [Line] {
        let l = selection.layer, j = selection.neuron
        let index = selection.parameterIndex(in: network)
        let d = trace.layers[l].delta[j]
        var lines = [Line(text: "gradient  \(parameterName)  (Tab picks)", kind: .heading)]
        if selection.biasSelected {
            lines.append(Line(text: "  \(ascii ? "dE/db" : "∂E/∂b") = \(delta) = \(Self.number(trace.gradient[index]))", kind: .text))
        } else {
            let a = trace.incoming(toLayer: l)[selection.input]
            lines.append(Line(text: "  \(dEdw) = \(delta)\(dot)\(incomingName(layer: l, input: selection.input)) = "
                              + "\(Self.number(d)) \(times) \(Self.operand(a)) = \(Self.number(trace.gradient[index]))",
                              kind: .text))
        }
        lines.append(Line(text: "  (this sample alone)", kind: .note))
        if selection.phase != nil, let next = nextGradient, index < next.count {
            lines.append(Line(text: "  batch mean, the step to come: \(Self.number(next[index]))", kind: .text))
            lines.append(Line(text: "  (all \(selection.sampleCount) samples, these weights)", kind: .note))
        } else if viewingPast {
            lines.append(Line(text: "  batch mean: not kept for earlier epochs", kind: .note))
        } else if let step = lastStep, index < step.gradient.count {
            lines.append(Line(text: "  batch mean, last step: \(Self.number(step.gradient[index]))", kind: .text))
            let edited = pendingEdit.map { ", before the edit of \($0.name)" } ?? ""
            lines.append(Line(text: "  (epoch \(step.epoch), m = \(step.batchSize), weights before it\(edited))", kind: .note))
        } else {
            lines.append(Line(text: "  batch mean: after the first step", kind: .note))
        }
        return lines
    }

    /// The edit made at the prompt since the last step, if any (none while viewing an earlier epoch).
    var pendingEdit: ParameterEdit? {
        guard !viewingPast, let edit = selection.edit, edit.isSince(lastStep, parameterEdits: parameterEdits, generation: generation) else { return nil }
        return edit
    }

    /// The optimiser's step on the selected parameter, from the trainer's record.
    var update: [Line] {
        guard let step = lastStep else {
            let note = viewingPast ? "  the step is not kept for earlier epochs" : "  no step yet: n trains one epoch"
            return [Line(text: "update", kind: .heading), Line(text: note, kind: .note)]
        }
        let index = selection.parameterIndex(in: network)
        guard index < step.change.count else { return [] }
        let settings = step.optimizer.settings
        let lr = Self.number(settings.learningRate).replacingOccurrences(of: "+", with: "")
        // Mini-batches: the record is of the epoch's last step, and the weight moved in the others too.
        let which = step.stepsInEpoch > 1 ? "last step, \(step.stepInEpoch) of \(step.stepsInEpoch) in epoch \(step.epoch)"
            : "epoch \(step.epoch)"
        var lines = [Line(text: "update  \(settings.kind.rawValue), \(alpha) = \(lr), \(which)", kind: .heading)]
        if let edit = pendingEdit {
            lines.append(Line(text: "  (made before the edit of \(edit.name), from the weights before it)", kind: .note))
        }
        // What the optimiser was given: the batch mean, plus λ·sign(w) for L1 (weights only), plus wd·w.
        var g = step.gradient[index]
        // The selected parameter's symbol: `b` for a bias, `w` for a weight.
        let p = selection.biasSelected ? "b" : "w"
        let dEdp = ascii ? "dE/d\(p)" : "∂E/∂\(p)", change = ascii ? "d\(p)" : "Δ\(p)"
        var terms = ["\(dEdp)"]
        if settings.l1 != 0, !selection.biasSelected {
            let w = step.before[index]
            g += w > 0 ? settings.l1 : w < 0 ? -settings.l1 : 0
            terms.append("\(ascii ? "l1" : "λ")\(dot)sign(w)")
        }
        if settings.weightDecay != 0 {
            g += settings.weightDecay * step.before[index]
            terms.append("wd\(dot)\(p)")
        }
        let named = terms.count == 1 ? "\(dEdp) (batch mean)" : terms.joined(separator: " + ")
        lines.append(Line(text: "  g = \(named) = \(Self.number(g))", kind: .text))
        switch settings.kind {
        case .sgd:
            lines.append(Line(text: "  \(change) = \(minus)\(alpha)\(dot)g = \(Self.number(step.change[index]))", kind: .text))
        case .momentum:
            let v = step.optimizer.firstMoment[index]
            let mu = ascii ? "mu" : "μ", arrowLeft = ascii ? "<-" : "←"
            if step.optimizer.step > 1, index < step.previousFirstMoment.count {
                lines.append(Line(text: "  v \(arrowLeft) \(mu)\(dot)v + g = \(Self.plain(settings.momentum))\(dot)"
                                  + "\(Self.operand(step.previousFirstMoment[index])) + g = \(Self.number(v))", kind: .text))
            } else {
                lines.append(Line(text: "  v \(arrowLeft) g (the first step) = \(Self.number(v))", kind: .text))
            }
            lines.append(Line(text: "  \(change) = \(minus)\(alpha)\(dot)v = \(Self.number(step.change[index]))", kind: .text))
        case .adam:
            let t = Double(step.optimizer.step)
            let m = step.optimizer.firstMoment[index], v = step.optimizer.secondMoment[index]
            let mHat = m / (1 - Foundation.pow(settings.beta1, t)), vHat = v / (1 - Foundation.pow(settings.beta2, t))
            lines.append(Line(text: "  t = \(step.optimizer.step)  m = \(Self.number(m))  v = \(Self.number(v))", kind: .text))
            lines.append(Line(text: "  \(self.mHat) = m/(1\(minus)\(ascii ? "b1^t" : "β₁ᵗ")) = \(Self.number(mHat))  "
                              + "\(self.vHat) = \(Self.number(vHat))", kind: .text))
            lines.append(Line(text: "  \(change) = \(minus)\(alpha)\(dot)\(self.mHat)/(\(ascii ? "sqrt(v^)" : "√v^") + "
                              + "\(ascii ? "eps" : "ε")) = \(Self.number(step.change[index]))", kind: .text))
        }
        let after = step.before[index] + step.change[index]
        let start = index < step.epochStart.count ? step.epochStart[index] : step.before[index]
        let shown = Self.aligned([step.before[index], after, start])
        lines.append(Line(text: "  \(parameterName): \(shown[0]) \(arrow) \(shown[1])", kind: .text))
        if step.stepsInEpoch > 1, index < step.epochStart.count {
            lines.append(Line(text: "  over the epoch's \(step.stepsInEpoch) steps: \(shown[2]) \(arrow) \(shown[1])", kind: .text))
        }
        return lines
    }

    /// The gradient check's numbers for the selected parameter, if a check was made.
    /// `beforeEdit`: the check was made before the last edit at the prompt, so it is of other weights.
    public static func checkLines(_ check: GradientCheckSummary, index: Int, ascii: Bool, beforeEdit: Bool = false) -> [Line] {
        guard index < check.numeric.count else { return [] }
        let n = check.numeric[index], a = check.analytic[index]
        let error = abs(n - a) / max(abs(n), abs(a), 1e-8)
        let note = beforeEdit ? [Line(text: "  (of the weights before the edit: g checks again)", kind: .note)] : []
        return [Line(text: "gradient check (\(check.samples) samples, epoch \(check.epoch))", kind: .heading)] + note + [
            Line(text: "  numeric  \(number(n))   analytic \(number(a))", kind: .text),
            Line(text: "  relative error \(String(format: "%.1e", error)); worst \(String(format: "%.1e", check.worstRelativeError)) "
                 + "(layer \(check.worstLayer + 1))", kind: .text),
        ]
    }
}
