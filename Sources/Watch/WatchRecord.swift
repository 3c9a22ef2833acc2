/// One logged moment of a watched run: a JSONL line, a CSV row, or a TensorBoard step's scalars.
///
/// Only `epoch` is required; every other field is what the writer chose to log.
public struct WatchRecord: Sendable, Equatable {
    /// A numeric field the protocol does not name, shown as an extra curve.
    public struct Extra: Sendable, Equatable {
        public var name: String
        public var value: Double
        public init(name: String, value: Double) {
            self.name = name
            self.value = value
        }
    }

    /// The epoch (or, for sources that count only steps, the step).
    public var epoch: Int
    /// The optimiser step, when logged.
    public var step: Int?
    /// When the record was written, in Unix seconds.
    public var time: Double?
    /// One epoch's wall time in seconds (mlptop's own `--log` writes it).
    public var seconds: Double?
    public var trainLoss: Double?
    public var testLoss: Double?
    public var trainAccuracy: Double?
    public var testAccuracy: Double?
    public var learningRate: Double?
    /// Each layer's gradient norm ‖∂E/∂W‖ (for mlptop's `[weights, biases]` pairs, the first).
    public var gradientNorms: [Double]?
    /// Each layer's weight matrix, one row per output unit (as PyTorch's `nn.Linear.weight`).
    public var weights: [[[Double]]]?
    /// Every other numeric field, in the order written.
    public var extras: [Extra]

    public init(epoch: Int, step: Int? = nil, time: Double? = nil, seconds: Double? = nil,
                trainLoss: Double? = nil, testLoss: Double? = nil, trainAccuracy: Double? = nil,
                testAccuracy: Double? = nil, learningRate: Double? = nil, gradientNorms: [Double]? = nil,
                weights: [[[Double]]]? = nil, extras: [Extra] = []) {
        self.epoch = epoch
        self.step = step
        self.time = time
        self.seconds = seconds
        self.trainLoss = trainLoss
        self.testLoss = testLoss
        self.trainAccuracy = trainAccuracy
        self.testAccuracy = testAccuracy
        self.learningRate = learningRate
        self.gradientNorms = gradientNorms
        self.weights = weights
        self.extras = extras
    }

    /// The value of the named metric: a known field by its protocol name, else an extra.
    public func value(named name: String) -> Double? {
        switch name {
        case "train_loss": trainLoss
        case "test_loss": testLoss
        case "train_accuracy": trainAccuracy
        case "test_accuracy": testAccuracy
        case "lr": learningRate
        default: extras.first { $0.name == name }?.value
        }
    }

    /// Sets a metric by its protocol name (the known fields), or adds it as an extra.
    mutating func set(_ name: String, _ value: Double) {
        switch name {
        case "train_loss": trainLoss = value
        case "test_loss": testLoss = value
        case "train_accuracy": trainAccuracy = value
        case "test_accuracy": testAccuracy = value
        case "lr": learningRate = value
        case "time": time = value
        case "seconds": seconds = value
        default:
            if let index = extras.firstIndex(where: { $0.name == name }) {
                extras[index].value = value
            } else {
                extras.append(Extra(name: name, value: value))
            }
        }
    }
}
