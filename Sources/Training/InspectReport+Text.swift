import MLPEngine

extension InspectReport {
    /// The report as chain-rule lines a learner can follow with a pencil, in `notation`:
    ///
    /// - forward, input side first: each neuron's `z = Σ w·a + b` with its terms, and `a = f(z)`;
    /// - the error E of the sample;
    /// - backward, output layer first: each neuron's `δ = ∂E/∂z` — `ŷ − y` for sigmoid + BCE and
    ///   softmax + cross-entropy (the fused form), `(ŷ − y)·f′(z)` for MSE, `f′(z)·Σ w·δ` for a
    ///   hidden neuron — then `∂E/∂w = δ·a` and `∂E/∂b = δ` of its weights and bias, beside the
    ///   batch mean a full-batch step applies;
    /// - the batch's loss and accuracy.
    ///
    /// The results on the right of each `=` are the engine's own numbers (those of `json`); the
    /// factors shown on the left are recomputed from them for reading. A sum of more than
    /// `termLimit` terms shows its largest terms and how many more there are. Numbers in Swift's
    /// shortest round-trip form.
    public func text(notation: ChainRuleNotation = .unicode, termLimit: Int = 8) -> String {
        var lines = header()
        lines += [""] + forward(termLimit: termLimit)
        lines += [""] + error()
        lines += [""] + backward(termLimit: termLimit)
        lines += [""] + footer()
        return lines.map(notation.spell).joined(separator: "\n") + "\n"
    }

    private var outputLayer: Int { network.shapes.count - 1 }

    /// Sample y of output unit `unit`: the label with one unit, one-hot with more.
    private func target(_ unit: Int) -> Double {
        network.loss == .squaredError ? RegressionTarget.value(trace.label)
            : network.outputCount == 1 ? Double(trace.label) : (unit == trace.label ? 1 : 0)
    }

    /// The sample's label: its class number, and the name the data gave it when it had names.
    private var labelText: String {
        classes.isIndices ? "\(trace.label)" : "\(classes.name(of: trace.label)) (class \(trace.label))"
    }

    private func header() -> [String] {
        let activations = network.shapes.map(\.activation.rawValue).joined(separator: ", ")
        return [
            network.loss == .squaredError
                ? "sample \(sample) of \(sampleCount), target \(target(0)) (regression)"
                : "sample \(sample) of \(sampleCount), label \(labelText): \(trace.isCorrect ? "classified correctly" : "misclassified")",
            "network \(network.architecture): \(activations); loss \(network.loss.rawValue)",
            "input x = \(list(trace.input))",
        ]
    }

    private func forward(termLimit: Int) -> [String] {
        var lines = ["forward: z = Σ w·a + b, a = f(z); the a feeding layer 1 is the input x"]
        for (index, shape) in network.shapes.enumerated() {
            let layer = trace.layers[index], incoming = trace.incoming(toLayer: index)
            let weights = network.weights(ofLayer: index), biases = network.biases(ofLayer: index)
            lines.append("layer \(index + 1), \(shape.activation.rawValue)\(index == outputLayer ? ", output ŷ" : "")")
            for neuron in 0..<shape.outputs {
                let row = Array(weights[(weights.startIndex + neuron * shape.inputs)...].prefix(shape.inputs))
                let sum = products(row, incoming, limit: termLimit)
                let bias = biases[biases.startIndex + neuron]
                lines.append("  neuron \(neuron + 1)  z = \(sum) + \(factor(bias)) = \(layer.z[neuron])")
                let f = shape.activation == .softmax ? "e^z / Σ e^z" : "\(shape.activation.rawValue)(\(layer.z[neuron]))"
                lines.append("  \(pad(neuron))a = \(f) = \(layer.a[neuron])")
            }
        }
        return lines
    }

    private func error() -> [String] {
        let a = trace.layers[outputLayer].a
        let y = network.loss == .squaredError ? "\(target(0))"
            : network.outputCount == 1 ? "\(trace.label)" : "one-hot(\(trace.label)) = \(list(a.indices.map(target)))"
        var lines = ["error: y = \(y), ŷ = \(a.count == 1 ? "\(a[0])" : list(a))"]
        switch network.loss {
        case .mse:
            let terms = a.indices.map { "(\(a[$0]) − \(number(target($0))))²" }
            let sum = terms.count == 1 ? terms[0] : "(" + terms.joined(separator: " + ") + ")"
            lines.append("  E = ½·Σ(ŷ − y)² = ½·\(sum) = \(trace.loss)")
        case .squaredError:
            lines.append("  E = (ŷ − y)² = (\(a[0]) − \(number(target(0))))² = \(trace.loss)")
        case .bce:
            let form = trace.label == 1 ? "−ln(\(a[0]))" : "−ln(1 − \(a[0]))"
            lines.append("  E = −[y·ln ŷ + (1 − y)·ln(1 − ŷ)] = \(form) = \(trace.loss)")
        case .softmaxCrossEntropy:
            lines.append("  E = −ln ŷ of class y = −ln(\(a[trace.label])) = \(trace.loss)")
        }
        return lines
    }

    private func backward(termLimit: Int) -> [String] {
        var lines = ["backward: δ = ∂E/∂z; then ∂E/∂w = δ·a (a from the layer below) and ∂E/∂b = δ,",
                     "  beside the batch's mean over all \(sampleCount) rows"]
        for index in network.shapes.indices.reversed() {
            let shape = network.shapes[index], layer = trace.layers[index]
            let incoming = trace.incoming(toLayer: index)
            let sample = split(trace.gradient, layer: index), mean = split(batch.gradient, layer: index)
            lines.append("layer \(index + 1), " + (index == outputLayer ? outputRule() : "hidden: δ = f′(z)·Σ w·δ, "
                                                   + derivativeRule(shape.activation)))
            for neuron in 0..<shape.outputs {
                let delta = layer.delta[neuron]
                lines.append("  neuron \(neuron + 1)  δ = \(deltaTerms(layer: index, neuron: neuron, limit: termLimit)) = \(delta)")
                for input in 0..<shape.inputs {
                    let name = "w(\(neuron + 1),\(input + 1))"
                    lines.append("    \(name)  ∂E/∂w = \(factor(delta))·\(factor(incoming[input])) = "
                                 + "\(sample.weights[neuron][input])   batch \(mean.weights[neuron][input])")
                }
                let name = "b(\(neuron + 1))"
                lines.append("    \(name)\(String(repeating: " ", count: max(1, 8 - name.count)))∂E/∂b = \(delta)   "
                             + "batch \(mean.biases[neuron])")
            }
        }
        return lines
    }

    private func footer() -> [String] {
        ["batch: all \(sampleCount) rows as one batch, as a full-batch training step sees them: E = \(batch.loss), "
            + (network.loss == .squaredError ? "the MSE (regression)" : "accuracy \(batch.accuracy)"),
         "update: a step of sgd with rate α sets w ← w − α·∂E/∂w and b ← b − α·∂E/∂b, with the batch's values"]
    }

    /// How the output layer's δ is formed.
    private func outputRule() -> String {
        let activation = network.shapes[outputLayer].activation
        switch (network.loss, activation) {
        case (.bce, _): return "output, bce with sigmoid (fused): δ = ŷ − y"
        case (.softmaxCrossEntropy, _): return "output, softmax-ce (fused): δ = ŷ − y"
        case (.mse, .softmax):
            return "output, mse through softmax: δ = ŷ·((ŷ − y) − s), s = Σ ŷ·(ŷ − y) = \(softmaxDot())"
        case (.mse, _): return "output, mse: δ = (ŷ − y)·f′(z), " + derivativeRule(activation)
        case (.squaredError, _): return "output, squared error: δ = 2(ŷ − y)·f′(z), " + derivativeRule(activation)
        }
    }

    private func derivativeRule(_ activation: Activation) -> String {
        switch activation {
        case .sigmoid: "f′(z) = a·(1 − a)"
        case .tanh: "f′(z) = 1 − a²"
        case .relu: "f′(z) = 1 if z > 0, else 0"
        case .linear: "f′(z) = 1"
        case .softmax: "softmax's Jacobian"
        }
    }

    /// f′(z) of neuron `neuron` of layer `index`, as the engine forms it from a (or z for relu).
    private func derivative(layer index: Int, neuron: Int) -> Double {
        let a = trace.layers[index].a[neuron], z = trace.layers[index].z[neuron]
        switch network.shapes[index].activation {
        case .sigmoid: return a * (1 - a)
        case .tanh: return 1 - a * a
        case .relu: return z > 0 ? 1 : 0
        case .linear, .softmax: return 1
        }
    }

    /// Σ ŷ·(ŷ − y) over the output units, the softmax Jacobian's shared term.
    private func softmaxDot() -> Double {
        let a = trace.layers[outputLayer].a
        return a.indices.reduce(0) { $0 + (a[$1] - target($1)) * a[$1] }
    }

    /// The factors of δ of one neuron, left of its `=`.
    private func deltaTerms(layer index: Int, neuron: Int, limit: Int) -> String {
        let a = trace.layers[index].a[neuron]
        if index == outputLayer {
            let difference = "\(a) − \(number(target(neuron)))"
            switch (network.loss, network.shapes[index].activation) {
            case (.bce, _), (.softmaxCrossEntropy, _): return difference
            case (.mse, .softmax): return "\(factor(a))·((\(difference)) − \(factor(softmaxDot())))"
            case (.mse, _): return "(\(difference))·\(factor(derivative(layer: index, neuron: neuron)))"
            case (.squaredError, _): return "2·(\(difference))·\(factor(derivative(layer: index, neuron: neuron)))"
            }
        }
        let next = network.shapes[index + 1]
        let weights = network.weights(ofLayer: index + 1)
        let column = (0..<next.outputs).map { weights[weights.startIndex + $0 * next.inputs + neuron] }
        let sum = products(column, trace.layers[index + 1].delta, limit: limit)
        return "\(factor(derivative(layer: index, neuron: neuron)))·(\(sum))"
    }

    /// `w₁·a₁ + w₂·a₂ + …`; with more than `limit` terms, the `limit − 2` largest in size, then
    /// how many more.
    private func products(_ weights: [Double], _ values: [Double], limit: Int) -> String {
        let terms = weights.indices.map { (index: $0, size: abs(weights[$0] * values[$0])) }
        let shown = terms.count <= limit ? terms
            : Array(terms.sorted { $0.size > $1.size || ($0.size == $1.size && $0.index < $1.index) }.prefix(max(1, limit - 2)))
        var text = shown.map { "\(factor(weights[$0.index]))·\(factor(values[$0.index]))" }.joined(separator: " + ")
        if shown.count < terms.count { text += " + … (\(terms.count - shown.count) more terms)" }
        return text
    }

    /// A number as a factor: in parentheses when negative, so `w·a` stays readable.
    private func factor(_ value: Double) -> String { value.sign == .minus ? "(\(value))" : "\(value)" }

    /// A target: `0` or `1` as integers, else the number.
    private func number(_ value: Double) -> String { value == value.rounded() ? "\(Int(value))" : "\(value)" }

    private func list(_ values: [Double]) -> String { "[" + values.map { "\($0)" }.joined(separator: ", ") + "]" }

    /// Spaces that line a neuron's second line up under its first.
    private func pad(_ neuron: Int) -> String { String(repeating: " ", count: "neuron \(neuron + 1)  ".count) }
}
