import MLPEngine
import Training

/// A stage of one sample's trip through the network, for stepping one phase at a time.
public enum BackpropPhase: Hashable, Sendable {
    /// z = W·a + b and a = f(z) of this layer (0-based).
    case forward(Int)
    /// The error of the output against the label.
    case loss
    /// δ = ∂E/∂z and ∂E/∂W = δ·aᵀ of this layer.
    case backward(Int)
    /// The optimiser's step (one epoch: `n`).
    case update

    /// The phase after this one in a network of `layers` layers; nil after the update.
    public func next(layers: Int) -> BackpropPhase? {
        switch self {
        case .forward(let l): l + 1 < layers ? .forward(l + 1) : .loss
        case .loss: .backward(layers - 1)
        case .backward(let l): l > 0 ? .backward(l - 1) : .update
        case .update: nil
        }
    }

    /// The layer (0-based) the phase works on; nil for the loss and the update.
    public var layer: Int? {
        switch self {
        case .forward(let l), .backward(let l): l
        case .loss, .update: nil
        }
    }

    /// `forward, layer 2 of 3`, for the inspector's heading.
    public func name(layers: Int) -> String {
        switch self {
        case .forward(let l): "forward, layer \(l + 1) of \(layers)"
        case .loss: "loss"
        case .backward(let l): "backward, layer \(l + 1) of \(layers)"
        case .update: "update"
        }
    }
}

/// A value being typed for the selected weight or bias.
public struct ParameterPrompt: Hashable, Sendable {
    /// The parameter's index in `Network.parameters`.
    public var index: Int
    /// Its name, `layer 2 w(3,5)`.
    public var name: String
    /// Its value when the prompt opened.
    public var current: Double
    /// What has been typed so far.
    public var text: String = ""
    /// The trainer's edit count and generation when the prompt opened (`TrainerState`).
    public var parameterEdits = 0
    public var generation = 0

    public init(index: Int, name: String, current: Double, text: String = "", parameterEdits: Int = 0, generation: Int = 0) {
        self.index = index
        self.name = name
        self.current = current
        self.text = text
        self.parameterEdits = parameterEdits
        self.generation = generation
    }
}

/// A weight or bias the user set at the prompt: which, and its value before and after.
public struct ParameterEdit: Hashable, Sendable {
    /// The parameter's index in `Network.parameters`.
    public var index: Int
    /// Its name, `layer 2 w(3,5)`.
    public var name: String
    /// Its value before the edit, and the value typed.
    public var from: Double
    public var to: Double
    /// The trainer's edit count once this edit is made (`TrainerState.parameterEdits`), and the
    /// run's generation it was made in.
    public var parameterEdits: Int
    public var generation: Int

    public init(index: Int, name: String, from: Double, to: Double, parameterEdits: Int = 1, generation: Int = 0) {
        self.index = index
        self.name = name
        self.from = from
        self.to = to
        self.parameterEdits = parameterEdits
        self.generation = generation
    }

    /// Whether the edit came after `step`, the last step kept, and nothing has changed the weights
    /// since: the trainer's edit count (`parameterEdits`) is this edit's (no later edit or rewind),
    /// the run is in the same `generation` (no reset), and the step was made before the edit
    /// brought the count to it. Exact: no parameter value is compared.
    public func isSince(_ step: StepRecord?, parameterEdits: Int, generation: Int) -> Bool {
        guard parameterEdits == self.parameterEdits, generation == self.generation else { return false }
        guard let step else { return true }
        return step.parameterEdits < self.parameterEdits
    }
}

/// The outcome of a gradient check of the live network, for the message line and the inspector.
public struct GradientCheckSummary: Hashable, Sendable {
    /// The epoch and edit count of the weights checked.
    public var epoch: Int
    public var parameterEdits: Int
    /// The largest relative error and the layer (0-based) of the parameter where it occurred.
    public var worstRelativeError: Double
    public var worstLayer: Int
    /// Numeric and analytic ∂E/∂p of every parameter.
    public var numeric: [Double]
    public var analytic: [Double]
    /// How many samples the check used.
    public var samples: Int
    /// Wall time, seconds.
    public var seconds: Double
}

/// What the network view remembers: the selected neuron and incoming weight, the chosen sample,
/// the phase being stepped through, a prompt being typed, and the last gradient check.
public struct NetworkViewState: Hashable, Sendable {
    /// Layer sizes, inputs first (`[2, 16, 16, 1]`), as last seen.
    public var sizes: [Int]
    /// The selected neuron's layer (0-based over the network's layers, not counting the inputs).
    public var layer: Int
    /// The selected neuron within its layer.
    public var neuron: Int
    /// The selected incoming weight (0..<inputs), or the bias when it equals the layer's inputs.
    public var input: Int = 0
    /// The chosen training sample (0-based row of the training set).
    public var sample: Int = 0
    /// The number of training samples.
    public var sampleCount: Int
    /// The phase being stepped through, or nil when every layer's numbers are shown.
    public var phase: BackpropPhase?
    /// A value being typed for the selected parameter.
    public var prompt: ParameterPrompt?
    /// The last parameter set at the prompt, if any.
    public var edit: ParameterEdit?
    /// The last gradient check, if any.
    public var gradientCheck: GradientCheckSummary?
    /// Whether a gradient check is running.
    public var checking = false

    /// The view of a network of `sizes` trained on `sampleCount` samples: the first neuron of the
    /// last hidden layer selected (the output's when there is no hidden layer).
    public init(sizes: [Int], sampleCount: Int) {
        self.sizes = sizes.count >= 2 ? sizes : [1, 1]
        layer = max(0, self.sizes.count - 3)
        neuron = 0
        self.sampleCount = max(1, sampleCount)
    }

    /// The number of layers (weights between columns).
    public var layerCount: Int { sizes.count - 1 }
    /// Inputs of the selected neuron's layer.
    public var inputsOfLayer: Int { sizes[layer] }
    /// Whether the bias is selected rather than a weight.
    public var biasSelected: Bool { input == inputsOfLayer }

    /// Follows a new network shape, keeping the selection where it still exists.
    public mutating func adopt(sizes newSizes: [Int]) {
        guard newSizes.count >= 2, newSizes != sizes else { return }
        sizes = newSizes
        layer = min(layer, layerCount - 1)
        neuron = min(neuron, sizes[layer + 1] - 1)
        input = min(input, inputsOfLayer)
        phase = nil
    }

    /// Takes a training set of `count` samples (the run's data changed): the chosen sample stays
    /// if it still exists, else the last one.
    public mutating func adopt(sampleCount count: Int) {
        sampleCount = max(1, count)
        sample = min(sample, sampleCount - 1)
    }

    /// Moves the selection `dx` layers and `dy` neurons (clamped to the network).
    public mutating func move(dx: Int, dy: Int) {
        if dx != 0 {
            layer = min(max(0, layer + dx), layerCount - 1)
            input = min(input, inputsOfLayer)
        }
        neuron = min(max(0, neuron + dy), sizes[layer + 1] - 1)
    }

    /// Picks the next (`step` 1) or previous (−1) incoming weight, the bias after the last weight.
    public mutating func cycleInput(by step: Int) {
        let count = inputsOfLayer + 1
        input = ((input + step) % count + count) % count
    }

    /// Picks the next or previous training sample, wrapping round.
    public mutating func cycleSample(by step: Int) {
        sample = ((sample + step) % sampleCount + sampleCount) % sampleCount
    }

    /// The index in `Network.parameters` of the selected weight or bias.
    public func parameterIndex(in network: Network) -> Int {
        network.parameterIndex(layer: layer, neuron: neuron, input: input)
    }
}
