import MLPEngine

/// Everything the trainer publishes: the latest facts and the bounded history of the run.
///
/// A value: a reader gets a consistent copy of one moment, never a half-updated state.
public struct TrainerState: Sendable {
    public var status: RunStatus
    /// Epochs completed in the model's life.
    public var epoch: Int
    /// The last epoch's report (nil before the first epoch).
    public var latest: EpochReport?
    /// Loss and accuracy over the whole run, bucketed.
    public var history: LossHistory
    /// Each layer's gradient norm ‖∂E/∂W‖ over the whole run, bucketed like the losses.
    public var gradientNormHistory: [MetricHistory]
    /// The learning rate in force.
    public var learningRate: Double
    /// Learning-rate changes with the epoch after which each took effect.
    public var learningRateChanges: [LearningRateChange]
    /// The current network (weights after the last completed epoch).
    public var network: Network
    /// Recent messages, oldest first (at most 32).
    public var messages: [TrainerMessage]
    /// Epochs per second over the last second or so; at the target, the last measured speed (or the
    /// run's average when it ended before a measurement). 0 while paused, stopped or diverged, and
    /// while running until the first measurement: see `knownEpochsPerSecond`.
    public var epochsPerSecond: Double
    /// The speed to show: nil while running before the first measurement (shown as `-`).
    public var knownEpochsPerSecond: Double? {
        status == .running && epochsPerSecond == 0 ? nil : epochsPerSecond
    }
    /// When the run reached its target or diverged, in `DispatchTime` uptime nanoseconds (nil
    /// before), so a summary can time the run to the nanosecond rather than to its polling.
    public var endedAt: UInt64?
    /// The speed limit in epochs per second, if one is set.
    public var speedLimit: Double?
    /// The epoch at which the run ends (0: never).
    public var targetEpochs: Int
    /// Increases with every reset, so a display can clear its own caches.
    public var generation: Int
    /// Increases with every change of the weights between epochs (a typed edit), so a display
    /// keyed by the epoch knows to redraw.
    public var parameterEdits: Int
    /// The optimiser's last step, when the run records it (the monitor's inspector).
    public var lastStep: StepRecord?
    /// The training loss of the future a rewind abandoned, drawn faintly until the next reset.
    public var abandonedLoss: MetricHistory?
    /// Set only in the copy a monitor draws while the user views a rewind point: the live epoch
    /// (the copy's `epoch` and `network` are the viewed point's).
    public var viewingLiveEpoch: Int?
    /// Per-epoch metrics (thinned for very long runs), for `metrics.csv`.
    public var metrics: MetricsLog
    /// Every command that changed the run, with the epoch at which it took effect.
    public var commandLog: [CommandRecord]
    /// What happened, while the run stands diverged (nil otherwise).
    public var divergence: Divergence?
    /// The seed of the current weights after a reset (nil: the run's own seed drew them).
    public var weightsSeed: UInt64?
    /// The run as last redefined in the settings panel or by a data edit (nil: as it started):
    /// what snapshots describe and the monitor draws.
    public var definition: PreparedRun?
    /// Increases with every redefinition, so a display knows to take the new one.
    public var definitionVersion = 0
    /// What a watched log tells besides (nil for a run mlptop trains).
    public var watched: WatchedFacts?

    /// Buckets kept per layer for the gradient-norm sparklines (more than any sparkline is wide).
    public static let gradientHistoryCapacity = 256

    /// Empty gradient-norm histories, one per layer of `network`.
    static func emptyGradientHistories(for network: Network) -> [MetricHistory] {
        Array(repeating: MetricHistory(capacity: gradientHistoryCapacity), count: network.shapes.count)
    }

    init(network: Network, learningRate: Double, targetEpochs: Int, epoch: Int, status: RunStatus) {
        self.status = status
        self.epoch = epoch
        latest = nil
        history = LossHistory()
        gradientNormHistory = Self.emptyGradientHistories(for: network)
        self.learningRate = learningRate
        learningRateChanges = []
        self.network = network
        messages = []
        epochsPerSecond = 0
        endedAt = nil
        speedLimit = nil
        self.targetEpochs = targetEpochs
        generation = 0
        parameterEdits = 0
        lastStep = nil
        abandonedLoss = nil
        viewingLiveEpoch = nil
        metrics = MetricsLog()
        commandLog = []
        divergence = nil
        weightsSeed = nil
        watched = nil
    }

    /// The newest message, if any.
    public var lastMessage: TrainerMessage? { messages.last }

    mutating func say(_ text: String) {
        let id = (messages.last?.id ?? 0) + 1
        messages.append(TrainerMessage(id: id, text: text, epoch: epoch))
        if messages.count > 32 { messages.removeFirst(messages.count - 32) }
    }

    /// This state as it was at a rewind point: its weights and epoch, the epoch's metrics (or the
    /// nearest the log kept before it), the live epoch noted for the status bar. For display only.
    public func viewing(epoch: Int, parameters: [Double]) -> TrainerState {
        var viewed = self
        viewed.viewingLiveEpoch = self.epoch
        viewed.epoch = epoch
        viewed.network.parameters = parameters
        // The metrics log thins long runs to every 2nd, 4th… epoch: then the nearest kept before it.
        viewed.latest = metrics.latest?.epoch == epoch ? metrics.latest : metrics.rows.last { $0.epoch <= epoch }
        viewed.lastStep = nil
        return viewed
    }

    /// Forgets everything after `epoch` (a rewind): the loss, accuracy, metrics and gradient-norm
    /// histories and the learning-rate changes. The training loss as it was is kept as the
    /// abandoned future.
    mutating func rewind(to epoch: Int) {
        abandonedLoss = history.trainLoss
        history.truncate(after: epoch)
        metrics.truncate(after: epoch)
        for layer in gradientNormHistory.indices { gradientNormHistory[layer].truncate(after: epoch) }
        learningRateChanges.removeAll { $0.epoch > epoch }
        latest = metrics.rows.last { $0.epoch == epoch } ?? (metrics.latest?.epoch == epoch ? metrics.latest : nil)
        self.epoch = epoch
        lastStep = nil
        divergence = nil
    }

    mutating func record(_ report: EpochReport, network: Network, lastStep: StepRecord? = nil) {
        epoch = report.epoch
        if var lastStep {
            lastStep.parameterEdits = parameterEdits
            self.lastStep = lastStep
        }
        latest = report
        divergence = nil
        endedAt = nil
        history.record(report)
        metrics.record(report)
        self.network = network
        for (layer, norm) in report.gradientNorms.enumerated() where layer < gradientNormHistory.count {
            gradientNormHistory[layer].append(epoch: report.epoch, value: norm.weights)
        }
    }
}

/// A command that changed the run, as recorded in a snapshot's `run.json`.
public struct CommandRecord: Sendable, Equatable {
    /// Epochs completed when it took effect.
    public var epoch: Int
    /// `pause`, `resume`, `step`, `lr 0.05`, `reset seed 7`, `snapshot`, `stop`.
    public var command: String
}
