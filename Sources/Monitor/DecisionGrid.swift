import MLPEngine
import Training

/// The network's class probabilities over a grid covering the data, for the decision map.
public struct DecisionSamples: Hashable, Sendable {
    /// Samples across and up (see `DecisionMap` for the layout).
    public var width: Int
    public var height: Int
    /// P(class 1) per sample for a one-output network, else `classCount` numbers per sample.
    public var probabilities: [Double]
    /// The classes the probabilities describe.
    public var classCount: Int
}

/// Evaluates the network over the decision map's grid, and keeps the result until something it
/// depends on changes.
///
/// The key is (generation, epoch, grid size). While the trainer runs, the epoch changes every few
/// hundred microseconds, so a changed epoch alone is re-evaluated at most once per
/// `minimumInterval` (the map is a picture, not a measurement); a reset, a new size or a paused
/// run is evaluated at once. One batched forward pass per evaluation: O(width × height × weights).
/// A value type; not shared between threads.
public struct DecisionGrid {
    /// What the cached samples were computed from.
    struct CacheKey: Hashable {
        var generation: Int
        var epoch: Int
        /// Weights typed in the inspector change the map without a new epoch.
        var edits: Int
        var width: Int
        var height: Int
    }

    /// The run's input space and feature transform.
    public let run: MonitorRunInfo
    /// The shortest time between two evaluations of a running model of the same generation and size.
    public let minimumInterval: Double
    /// How many times the network has been evaluated over the grid (for tests and benchmarks).
    public private(set) var evaluationCount = 0

    private var cached: (key: CacheKey, samples: DecisionSamples, at: Double)?

    /// A grid over `run`'s input space.
    public init(run: MonitorRunInfo, minimumInterval: Double = 0.2) {
        self.run = run
        self.minimumInterval = minimumInterval
    }

    /// The probabilities of `state`'s network over a `width` × `height` grid at time `now`
    /// (seconds), from the cache when it is current enough; nil when there is no map to draw.
    /// For a one-input regression (`run.hasCurve`), the prediction at `width` x values (height 1).
    public mutating func samples(for state: TrainerState, width: Int, height: Int, now: Double) -> DecisionSamples? {
        guard run.hasDecisionMap || run.hasCurve, width > 0, height > 0 else { return nil }
        let key = CacheKey(generation: state.generation, epoch: state.epoch, edits: state.parameterEdits,
                           width: width, height: height)
        if let cached {
            if cached.key == key { return cached.samples }
            let onlyEpochMoved = cached.key.generation == key.generation && cached.key.edits == key.edits
                && cached.key.width == width
                && cached.key.height == height
            if onlyEpochMoved, state.status == .running, now - cached.at < minimumInterval { return cached.samples }
        }
        let samples = evaluate(state.network, width: width, height: height)
        evaluationCount += 1
        cached = (key, samples, now)
        return samples
    }

    /// The most multiply-adds one evaluation may cost (a few milliseconds): a big network is
    /// evaluated on a coarser grid and shown in blocks, so the screen never waits for it.
    static let multiplyAddBudget = 50_000_000

    /// One forward pass over the grid centres, at full resolution when the network is small enough
    /// for `multiplyAddBudget`, else on a grid coarser by a whole factor and scaled back up.
    func evaluate(_ network: Network, width: Int, height: Int) -> DecisionSamples {
        let cost = width * height * max(1, network.weightCount)
        guard cost > Self.multiplyAddBudget else { return evaluateFull(network, width: width, height: height) }
        var factor = 2
        while (width / factor) * (height / factor) * network.weightCount > Self.multiplyAddBudget,
              width / factor > 1 || height / factor > 1 {
            factor += 1
        }
        let coarse = evaluateFull(network, width: max(1, width / factor), height: max(1, height / factor))
        let k = coarse.probabilities.count / max(1, coarse.width * coarse.height)
        guard k > 0 else { return DecisionSamples(width: width, height: height, probabilities: [], classCount: coarse.classCount) }
        var probabilities: [Double] = []
        probabilities.reserveCapacity(width * height * k)
        for j in 0..<height {
            let cj = min(coarse.height - 1, j * coarse.height / height)
            for i in 0..<width {
                let ci = min(coarse.width - 1, i * coarse.width / width)
                let start = (cj * coarse.width + ci) * k
                probabilities.append(contentsOf: coarse.probabilities[start..<(start + k)])
            }
        }
        return DecisionSamples(width: width, height: height, probabilities: probabilities, classCount: coarse.classCount)
    }

    /// One forward pass over every grid centre, mapped to the network's inputs.
    func evaluateFull(_ network: Network, width: Int, height: Int) -> DecisionSamples {
        if run.hasCurve { return evaluateCurve(network, count: width) }
        let x = run.xRange, y = run.yRange
        let dx = (x.upperBound - x.lowerBound) / Double(width), dy = (y.upperBound - y.lowerBound) / Double(height)
        var features: [Double] = []
        features.reserveCapacity(width * height * network.inputCount)
        for j in 0..<height {
            let py = y.lowerBound + (Double(j) + 0.5) * dy
            for i in 0..<width {
                let input = run.networkInput([x.lowerBound + (Double(i) + 0.5) * dx, py])
                guard input.count == network.inputCount else {
                    return DecisionSamples(width: width, height: height, probabilities: [], classCount: network.classCount)
                }
                features.append(contentsOf: input)
            }
        }
        return DecisionSamples(width: width, height: height, probabilities: network.outputs(features: features),
                               classCount: network.classCount)
    }
}
