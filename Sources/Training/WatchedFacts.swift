import MLPEngine

/// What a watched log (`mlptop watch`) tells besides what a trainer publishes: where it comes
/// from, which fields it logs, its extra curves, restarts, and whether the monitor may steer it.
public struct WatchedFacts: Sendable, Equatable {
    /// One extra numeric field's history.
    public struct ExtraCurve: Sendable, Equatable {
        public var name: String
        public var history: MetricHistory
        public var latest: Double
        /// Whether the current segment (since the last restart) has logged this field.
        public var inSegment: Bool
        public init(name: String, history: MetricHistory, latest: Double, inSegment: Bool = true) {
            self.name = name
            self.history = history
            self.latest = latest
            self.inSegment = inSegment
        }
    }

    /// The file followed (`standard input` for `-`).
    public var source: String
    /// `jsonl`, `csv` or `tensorboard`.
    public var format: String
    /// What the chart's x axis counts: `epoch`, or `step` when the log counts only steps.
    public var axis: String
    /// The epoch of the last record as the log wrote it (the chart's axis goes on across restarts;
    /// this does not), nil before the first record.
    public var loggedEpoch: Int?
    /// The last step logged, when steps are logged beside epochs.
    public var step: Int?
    /// The fields the current segment has logged so far (`train_loss`, `test_loss`, `train_accuracy`, `test_accuracy`, `lr`,
    /// `grad_norms`, `weights`, `time`): what the status bar and panels show.
    public var logged: Set<String> = [] { didSet { loggedInLog.formUnion(logged) } }
    /// The fields any record of the log has given, over all segments: what metrics.csv holds
    /// values of and watch.json's `logged` lists.
    public private(set) var loggedInLog: Set<String> = []
    /// The epoch whose weights the weight map shows (nil: none logged).
    public var weightsEpoch: Int?
    /// Every other numeric field, in the order first seen.
    public var extras: [ExtraCurve] = []
    /// Each record's extra values, row for row with the run's metrics log (metrics.csv's columns).
    public var extraLog = WatchedExtraLog()
    /// Epochs (on the chart's axis) where the log started again from a lower epoch: the last
    /// epoch on the axis before each new segment.
    public var restarts: [Int] = []
    /// For each restart, what the chart's axis adds to the log's epochs from then on (chart epoch
    /// − logged epoch in that segment).
    public var restartOffsets: [Int] = []
    /// Lines or records that could not be read and were skipped.
    public var skipped = 0
    /// Why the first skipped line or record could not be read (`file:line: reason`).
    public var firstSkip: String?
    /// Whether the monitor's training keys reach the writer (a control file it holds the lock of).
    public var steerable = false
    /// Why the keys do not reach the writer, when they do not.
    public var readOnlyReason: String?
    /// Whether the source does not exist (yet): `--wait` waits for it.
    public var waiting = false
    /// Whether the source has ended (standard input closed).
    public var ended = false
    /// Whether nothing new has come for a few seconds (a finished run, or a writer that waits).
    public var quiet = false
    /// Whether the writer asked to pause and has not been told to resume (as far as this watcher sent).
    public var pauseRequested = false
    /// Whether that pause was sent while the log was not growing (sent anyway) and no line has
    /// come since: nothing says a writer is there to take it, so it is not shown as PAUSED.
    public var pauseUnanswered = false

    /// The last part of a source's path (`run.jsonl` for `logs/run.jsonl`), as the status bar
    /// and the messages name it.
    public static func shortName(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// The source's short name (`shortName(of: source)`).
    public var shortSource: String { Self.shortName(of: source) }

    public init(source: String, format: String, axis: String = "epoch") {
        self.source = source
        self.format = format
        self.axis = axis
    }

    /// The segment (1 first, one more after each restart) and the log's own epoch of the chart's
    /// epoch `epoch`: segment k + 1 holds the epochs after the k-th restart mark.
    public func logged(chartEpoch epoch: Int) -> (segment: Int, epoch: Int) {
        let segment = restarts.prefix { $0 < epoch }.count
        let offset = segment > 0 && restartOffsets.indices.contains(segment - 1) ? restartOffsets[segment - 1] : 0
        return (segment + 1, epoch - offset)
    }

    /// Forgets what the previous segment logged, at a restart: its fields, step, weights and the
    /// latest extra values are not the new run's. Histories, restarts and counts stay.
    public mutating func startSegment() {
        logged = []
        step = nil
        weightsEpoch = nil
        for index in extras.indices { extras[index].inSegment = false }
    }
}

extension TrainerState {
    /// The state of a run mlptop does not train but reads from a log: nothing recorded yet, the
    /// network `network` standing for the logged weights (nil in `watched.weightsEpoch` until some
    /// are logged).
    public static func watched(_ facts: WatchedFacts, network: Network) -> TrainerState {
        var state = TrainerState(network: network, learningRate: .nan, targetEpochs: 0, epoch: 0, status: .running)
        state.watched = facts
        return state
    }

    /// Records what one log record says of `epoch`, as the trainer records its own epochs: each
    /// metric given goes into its history (a log may give the test loss only every tenth epoch);
    /// the latest report keeps the newest value of each; NaN (a non-finite value logged) is not
    /// drawn but shown in the status bar and marks the run diverged.
    public mutating func recordWatched(
        epoch: Int, trainLoss: Double?, testLoss: Double?, trainAccuracy: Double?, testAccuracy: Double?,
        learningRate: Double?, gradientNorms: [Double]?, seconds: Double?
    ) {
        self.epoch = epoch
        var report = latest ?? EpochReport(epoch: epoch, trainLoss: .nan, testLoss: nil, trainAccuracy: .nan,
                                           testAccuracy: nil, learningRate: .nan, gradientNorms: [], seconds: 0,
                                           samplesPerSecond: 0)
        report.epoch = epoch
        func add(_ value: Double?, to history: inout MetricHistory) {
            if let value, value.isFinite { history.append(epoch: epoch, value: value) }
        }
        add(trainLoss, to: &history.trainLoss)
        add(testLoss, to: &history.testLoss)
        add(trainAccuracy, to: &history.trainAccuracy)
        add(testAccuracy, to: &history.testAccuracy)
        if let trainLoss { report.trainLoss = trainLoss }
        if let testLoss { report.testLoss = testLoss }
        if let trainAccuracy { report.trainAccuracy = trainAccuracy }
        if let testAccuracy { report.testAccuracy = testAccuracy }
        if let seconds { report.seconds = seconds }
        if let learningRate {
            if self.learningRate.isFinite, learningRate != self.learningRate {
                learningRateChanges.append(LearningRateChange(epoch: max(0, epoch - 1), learningRate: learningRate))
            }
            self.learningRate = learningRate
            report.learningRate = learningRate
        }
        if let gradientNorms {
            report.gradientNorms = gradientNorms.map { GradientNorm(weights: $0, biases: .nan) }
            if gradientNormHistory.count < gradientNorms.count {
                gradientNormHistory += Array(repeating: MetricHistory(capacity: Self.gradientHistoryCapacity),
                                             count: gradientNorms.count - gradientNormHistory.count)
            }
            for (layer, norm) in gradientNorms.enumerated() where norm.isFinite {
                gradientNormHistory[layer].append(epoch: epoch, value: norm)
            }
        }
        latest = report
        // metrics.csv holds what this record logged, nothing carried over from earlier records.
        metrics.record(EpochReport(epoch: epoch, trainLoss: trainLoss ?? .nan, testLoss: testLoss,
                                   trainAccuracy: trainAccuracy ?? .nan, testAccuracy: testAccuracy,
                                   learningRate: learningRate ?? .nan,
                                   gradientNorms: gradientNorms?.map { GradientNorm(weights: $0, biases: .nan) } ?? [],
                                   seconds: seconds ?? 0, samplesPerSecond: 0))
        let nonFinite = [("train loss", trainLoss), ("test loss", testLoss)].first { $0.1.map { !$0.isFinite } ?? false }
        if let (name, _) = nonFinite {
            if status != .diverged {
                status = .diverged
                divergence = Divergence(epoch: epoch, what: "\(name) became non-finite", learningRate: self.learningRate)
                say("\(name) became non-finite at epoch \(epoch)")
            }
        } else if status == .diverged, trainLoss != nil {
            status = .running
            divergence = nil
        }
    }

    /// Starts a new segment of a watched run (the log started again): the latest values, the
    /// learning rate, the gradient-norm histories and a divergence belong to the run before, so
    /// they go; the loss histories stay (the chart marks the restart).
    public mutating func startWatchedSegment() {
        latest = nil
        learningRate = .nan
        gradientNormHistory = []
        if status == .diverged {
            status = .running
            divergence = nil
        }
    }

    /// Adds a message to the run's message list (shown once by the monitor).
    public mutating func sayWatched(_ text: String) { say(text) }

    /// Replaces the weights the weight map shows.
    public mutating func showWatchedWeights(_ network: Network) {
        self.network = network
        parameterEdits += 1
    }
}

extension TrainerState {
    /// Sets the status word of a watched run (paused on request, done when its source ended).
    public mutating func setWatchedStatus(_ status: RunStatus) {
        guard self.status != .diverged || status == .running else { return }
        self.status = status
    }
}
