import Datasets
import Dispatch
import MLPEngine

/// How many training samples one optimiser step uses.
public enum BatchSize: Sendable, Equatable, CustomStringConvertible {
    /// The whole training set, in file order, every step.
    case full
    /// Mini-batches of this many samples, reshuffled every epoch with the run's seeded generator.
    case samples(Int)

    public var description: String {
        switch self {
        case .full: "full"
        case .samples(let n): String(n)
        }
    }
}

/// Why an epoch was abandoned: something became NaN or infinite.
public struct Divergence: Sendable, Equatable, CustomStringConvertible {
    /// The epoch that failed (1-based).
    public var epoch: Int
    /// What became non-finite, e.g. `loss became NaN`.
    public var what: String
    /// The learning rate in force.
    public var learningRate: Double
    /// The largest |w| of the restored weights when they are past saving (beyond
    /// `Divergence.unusableWeight`, where products overflow); nil when training can go on from
    /// them with a lower learning rate.
    public var unusableLargestWeight: Double?

    /// Restored weights larger than this are reported as unusable (a net of these sizes trained
    /// by a sane rate stays many orders of magnitude below).
    public static let unusableWeight = 1e8

    public init(epoch: Int, what: String, learningRate: Double, unusableLargestWeight: Double? = nil) {
        self.epoch = epoch
        self.what = what
        self.learningRate = learningRate
        self.unusableLargestWeight = unusableLargestWeight
    }

    /// `loss became NaN at epoch 812 with lr 8; restored weights of epoch 811`, plus `, already
    /// blown up (|w| up to 3.6e+168)` when they are past saving.
    public var description: String {
        let base = "\(what) at epoch \(epoch) with lr \(formatRate(learningRate)); restored weights of epoch \(epoch - 1)"
        guard let largest = unusableLargestWeight else { return base }
        return base + ", already blown up (|w| up to \(String(format: "%.2g", largest)))"
    }
}

/// The result of one call to `TrainingRun.runEpoch()`.
public enum EpochOutcome: Sendable, Equatable {
    case completed(EpochReport)
    case diverged(Divergence)
}

/// One training run driven one explicit epoch at a time: network, optimiser, data, epoch count
/// and the seeded shuffling stream.
///
/// The deterministic core the threaded `Trainer` wraps; tests drive it directly.
/// **Not thread-safe**: use it from one thread at a time (the gradient fans out internally).
public final class TrainingRun {
    public internal(set) var trainingSet: Dataset
    public internal(set) var testSet: Dataset
    public internal(set) var batchSize: BatchSize
    public private(set) var network: Network
    public internal(set) var optimizer: Optimizer
    /// Epochs completed in the model's life.
    public private(set) var epoch: Int
    /// The stream that shuffles mini-batches; part of the state a resume restores.
    public private(set) var generator: SeededGenerator

    /// Whether each epoch keeps a `StepRecord` of its last step (for the monitor's inspector;
    /// off by default, as it costs a copy of the parameters per epoch).
    public var recordsLastStep = false
    /// The last step of the last completed epoch, when `recordsLastStep` is on.
    public private(set) var lastStep: StepRecord?

    private let parallel: ParallelGradient
    /// Threads the gradient fans out to (results do not depend on it).
    public var threads: Int { parallel.threads }
    private var gradient: [Double]
    /// The gradient with the L1 term added, when there is one (allocated once per shape).
    private var regularized: [Double] = []
    var order: [Int]

    /// A run starting from `network` (and `optimizer`, fresh unless given) at `epoch`.
    public init(
        network: Network, optimizer: Optimizer, trainingSet: Dataset, testSet: Dataset,
        batchSize: BatchSize, threads: Int, epoch: Int = 0, generator: SeededGenerator
    ) {
        precondition(trainingSet.count > 0, "a training set needs samples")
        self.network = network
        self.optimizer = optimizer
        self.trainingSet = trainingSet
        self.testSet = testSet
        self.batchSize = batchSize
        self.epoch = epoch
        self.generator = generator
        parallel = ParallelGradient(threads: threads)
        gradient = [Double](repeating: 0, count: network.parameters.count)
        order = Array(0..<trainingSet.count)
    }

    /// The mini-batch shuffling stream of a run seeded with `seed` (kept apart from the streams
    /// that draw the data and the weights from the same seed).
    public static func shuffleGenerator(seed: UInt64) -> SeededGenerator {
        SeededGenerator(seed: seed ^ 0x5EED)
    }

    /// The learning rate used from the next step on (the trainer changes it between epochs).
    public var learningRate: Double {
        get { optimizer.settings.learningRate }
        set { optimizer.settings.learningRate = newValue }
    }

    /// Replaces the network (same shape or not) and starts a fresh optimiser at epoch 0.
    public func reset(network: Network, generator: SeededGenerator) {
        self.network = network
        self.generator = generator
        optimizer = Optimizer(settings: optimizer.settings, parameterCount: network.parameters.count)
        gradient = [Double](repeating: 0, count: network.parameters.count)
        epoch = 0
        lastStep = nil
    }

    /// The run's state at this epoch boundary, to come back to.
    public var rewindPoint: RewindPoint {
        RewindPoint(epoch: epoch, parameters: network.parameters, optimizer: optimizer, generator: generator)
    }

    /// Goes back to `point` (same network shape): weights, optimiser (with the learning rate then
    /// in force), shuffle stream and epoch, so the epochs that follow are exactly the ones that
    /// followed it the first time.
    public func restore(_ point: RewindPoint) {
        precondition(point.parameters.count == network.parameters.count, "a rewind point of another network")
        network.parameters = point.parameters
        optimizer = point.optimizer
        generator = point.generator
        epoch = point.epoch
        lastStep = nil
    }

    /// Sets one weight or bias (index into `network.parameters`) between epochs: the user typed a
    /// new value in the inspector. The optimiser's state is kept. The value must be finite.
    public func setParameter(_ index: Int, to value: Double) {
        precondition(network.parameters.indices.contains(index) && value.isFinite, "parameter edit out of range")
        network.parameters[index] = value
    }

    /// Trains one epoch: one step for a full batch, ⌈n/B⌉ steps for mini-batches of B.
    ///
    /// On a non-finite loss, gradient, weight or optimiser state, the epoch's changes are undone (weights, optimiser
    /// state and shuffle stream are those of the previous epoch) and the divergence is returned.
    public func runEpoch() -> EpochOutcome {
        let started = DispatchTime.now().uptimeNanoseconds
        let savedNetwork = network, savedOptimizer = optimizer, savedGenerator = generator
        let n = trainingSet.count
        let number = epoch + 1
        var totals = PassTotals()
        let stepSize: Int
        switch batchSize {
        case .full:
            stepSize = n
        case .samples(let size):
            stepSize = min(size, n)
            shuffleOrder()
        }
        var start = 0
        var pendingStep: StepRecord?
        while start < n {
            let end = min(start + stepSize, n)
            let step = parallel.compute(network: network, features: trainingSet.features, labels: trainingSet.labels,
                                        order: batchSize == .full ? [] : order, range: start..<end, into: &gradient)
            totals = totals + step
            if let problem = nonFinite(loss: step.lossSum) {
                return diverge(problem, number, savedNetwork, savedOptimizer, savedGenerator)
            }
            let before = recordsLastStep && end == n ? network.parameters : nil
            let previousMoment = before != nil ? optimizer.firstMoment : []
            if optimizer.settings.l1 != 0 {
                addL1()
                optimizer.update(&network.parameters, gradient: regularized)
            } else {
                optimizer.update(&network.parameters, gradient: gradient)
            }
            if let before {
                let change = zip(network.parameters, before).map { $0 - $1 }
                pendingStep = StepRecord(epoch: number, batchSize: end - start, gradient: gradient, before: before,
                                      change: change, optimizer: optimizer, previousFirstMoment: previousMoment,
                                      stepInEpoch: start / stepSize + 1, stepsInEpoch: (n + stepSize - 1) / stepSize,
                                      epochStart: savedNetwork.parameters)
            }
            start = end
        }
        if !network.parameters.allSatisfy(\.isFinite) {
            let what = network.parameters.contains(where: \.isNaN) ? "weights became NaN" : "weights became infinite"
            return diverge(what, number, savedNetwork, savedOptimizer, savedGenerator)
        }
        // Adam's second moment holds squared gradients: one past 1e154 makes it infinite while the
        // weights stay finite (the step divides by its root). Such a state cannot be saved or resumed.
        if !optimizer.firstMoment.allSatisfy(\.isFinite) || !optimizer.secondMoment.allSatisfy(\.isFinite) {
            return diverge("optimiser state became infinite", number, savedNetwork, savedOptimizer, savedGenerator)
        }
        epoch = number
        if let pendingStep { lastStep = pendingStep }
        let test = evaluateTestSet()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let norms = network.gradientNorms(gradient).map { GradientNorm(weights: $0.weights, biases: $0.biases) }
        return .completed(EpochReport(
            epoch: number, trainLoss: totals.lossSum / Double(n), testLoss: test?.loss,
            trainAccuracy: quality(totals, count: n, targetVariance: targetVariances.train), testAccuracy: test?.accuracy,
            learningRate: optimizer.settings.learningRate, gradientNorms: norms, seconds: seconds,
            samplesPerSecond: seconds > 0 ? Double(n) / seconds : 0))
    }

    /// `regularized` = the gradient plus λ·sign(w) on every weight (biases untouched, sign(0) = 0):
    /// the gradient of λ·Σ|w| as autograd gives it.
    private func addL1() {
        let lambda = optimizer.settings.l1
        if regularized.count != gradient.count { regularized = gradient }
        for i in gradient.indices { regularized[i] = gradient[i] }
        for shape in network.shapes {
            for i in shape.weightOffset..<shape.biasOffset {
                let w = network.parameters[i]
                if w > 0 { regularized[i] += lambda } else if w < 0 { regularized[i] -= lambda }
            }
        }
    }

    private func nonFinite(loss: Double) -> String? {
        if loss.isNaN { return "loss became NaN" }
        if loss.isInfinite { return "loss became infinite" }
        // One pass over the gradient on every step; which kind of non-finite only when there is one.
        if gradient.allSatisfy(\.isFinite) { return nil }
        return gradient.contains(where: \.isNaN) ? "gradient became NaN" : "gradient became infinite"
    }

    private func diverge(
        _ what: String, _ number: Int, _ savedNetwork: Network, _ savedOptimizer: Optimizer,
        _ savedGenerator: SeededGenerator
    ) -> EpochOutcome {
        let lr = optimizer.settings.learningRate
        network = savedNetwork
        optimizer = savedOptimizer
        optimizer.settings.learningRate = lr
        generator = savedGenerator
        // Several epochs of a too-large rate can blow the weights up before the loss overflows:
        // then the last finite weights are no place to resume from, and the user should know.
        let largest = network.parameters.reduce(0) { max($0, abs($1)) }
        let usable = largest <= Divergence.unusableWeight
        return .diverged(Divergence(epoch: number, what: what, learningRate: lr,
                                    unusableLargestWeight: usable ? nil : largest))
    }



    /// Fisher–Yates shuffle of the sample order with the run's generator. Works on a local copy of
    /// the generator and the order's buffer, so the loop pays no exclusivity check per swap.
    private func shuffleOrder() {
        var stream = generator
        order.withUnsafeMutableBufferPointer { order in
            for i in 0..<order.count { order[i] = i }
            var i = order.count - 1
            while i > 0 {
                let j = Int(stream.next() % UInt64(i + 1))
                order.swapAt(i, j)
                i -= 1
            }
        }
        generator = stream
    }

    private var testWorkspace: Workspace?
    /// Var(y) of the training and test targets (regression), for R².
    lazy var targetVariances = (train: trainingSet.targetVariance, test: testSet.targetVariance)

    /// Mean loss and accuracy (R² for regression) on the test set, or nil when there is none.
    public func evaluateTestSet() -> (loss: Double, accuracy: Double)? {
        guard testSet.count > 0 else { return nil }
        if testWorkspace?.fits(network) != true {
            testWorkspace = Workspace(for: network, capacity: ParallelGradient.shardCapacity(for: network))
        }
        let totals = testSet.features.withUnsafeBufferPointer { f in
            testSet.labels.withUnsafeBufferPointer { l in
                network.evaluate(features: f.baseAddress!, labels: l.baseAddress!, featureCount: network.inputCount,
                                 range: 0..<testSet.count, workspace: testWorkspace!)
            }
        }
        return (totals.lossSum / Double(testSet.count),
                quality(totals, count: testSet.count, targetVariance: targetVariances.test))
    }
}
