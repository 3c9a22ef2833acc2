import MLPEngine
import Training

/// The training and test confusion matrices of one network.
public struct ConfusionPair: Sendable, Equatable {
    public var train: ConfusionMatrix
    public var test: ConfusionMatrix

    /// `network`'s matrices on `run`'s training and test sets (network inputs): one forward pass
    /// over each set, O(weights × samples).
    public init(network: MLPEngine.Network, run: MonitorRunInfo) {
        train = ConfusionMatrix(network: network, data: run.trainingSet)
        test = ConfusionMatrix(network: network, data: run.testSet)
    }
}

/// Keeps the confusion matrices of the state on show until its generation, epoch or edits change
/// (a running model at most every `minimumInterval` seconds). A value type, one per run.
public struct ConfusionCache {
    public let run: MonitorRunInfo
    public let minimumInterval: Double
    private var cached: (key: [Int], pair: ConfusionPair, at: Double)?

    public init(run: MonitorRunInfo, minimumInterval: Double = 0.5) {
        self.run = run
        self.minimumInterval = minimumInterval
    }

    /// The matrices of `state`'s network at time `now` (seconds).
    public mutating func matrices(for state: TrainerState, now: Double) -> ConfusionPair {
        let key = [state.generation, state.epoch, state.parameterEdits]
        if let cached, cached.key == key || (cached.key[0] == key[0] && cached.key[2] == key[2]
                                             && state.status == .running && now - cached.at < minimumInterval) {
            return cached.pair
        }
        let pair = ConfusionPair(network: state.network, run: run)
        cached = (key, pair, now)
        return pair
    }
}
