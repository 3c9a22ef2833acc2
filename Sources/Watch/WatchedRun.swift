import MLPEngine
import Training

/// A watched log gathered into the state the monitor draws: every record goes in as the trainer
/// records its epochs, so the same dashboard, warnings and snapshots serve both.
///
/// Restarts (the epoch going back, as when the writer starts again) begin a new segment: the
/// chart's axis goes on from where the last segment ended, and the restart is marked and said;
/// the latest values, weights and gradient norms of the segment before are forgotten.
/// A value type; `WatchSource` keeps one behind a lock.
public struct WatchedRun: Sendable {
    /// What the monitor draws.
    public private(set) var state: TrainerState
    /// Added to each record's epoch to place it on the chart's axis: the last restart's offset.
    private var offset: Int { facts.restartOffsets.last ?? 0 }
    /// The last epoch placed on the axis.
    private var lastAxisEpoch: Int?
    /// (time, epoch) of recent records, for the speed.
    private var recentTimes: [(time: Double, epoch: Int)] = []
    /// The fields seen so far, a bit each (in `fieldNames` order), so each record is checked cheaply.
    private var loggedMask = 0
    private static let fieldNames = ["train_loss", "test_loss", "train_accuracy", "test_accuracy", "lr", "time", "grad_norms"]
    /// Where each extra curve lives in `state.watched.extras`.
    private var extraIndex: [String: Int] = [:]
    /// The most extra curves kept (more would not fit any panel).
    public static let extraCurveLimit = 32

    /// An empty watched run of `source` in `format`.
    public init(source: String, format: String) {
        let placeholder = (try? Network(sizes: [1, 1], activations: [.linear], loss: .mse))!
        state = .watched(WatchedFacts(source: source, format: format), network: placeholder)
        state.watched!.extraLog = WatchedExtraLog(capacity: state.metrics.capacity)
    }

    /// The facts (never nil for a watched run).
    public var facts: WatchedFacts { state.watched! }

    /// Changes the facts in place (no copy of their histories).
    private mutating func updateFacts(_ body: (inout WatchedFacts) -> Void) {
        body(&state.watched!)
    }

    /// Takes in one record; `arrival` is the monitor clock when it was read (for the speed of
    /// logs without `time`), nil while catching up on what was written before.
    public mutating func absorb(_ record: WatchRecord, arrival: Double?) {
        if let last = facts.loggedEpoch, record.epoch < last {
            let restartAt = lastAxisEpoch ?? 0
            recentTimes.removeAll()
            loggedMask = 0
            state.startWatchedSegment()
            updateFacts {
                $0.startSegment()
                $0.restarts.append(restartAt)
                $0.restartOffsets.append(restartAt - record.epoch + 1)
            }
            state.sayWatched("the log started again at epoch \(record.epoch) (after epoch \(last)): a new segment")
        }
        let epoch = record.epoch + offset
        state.watched!.loggedEpoch = record.epoch
        // Several records of one epoch (a log per step): later values go to the same epoch only
        // if they come later on the axis; the histories need increasing epochs.
        let axisEpoch = max(epoch, lastAxisEpoch ?? Int.min)
        lastAxisEpoch = axisEpoch
        if let step = record.step { state.watched!.step = step }
        func bit(_ present: Bool, _ index: Int) -> Int { present ? 1 << index : 0 }
        let mask = bit(record.trainLoss != nil, 0) | bit(record.testLoss != nil, 1) | bit(record.trainAccuracy != nil, 2)
            | bit(record.testAccuracy != nil, 3) | bit(record.learningRate != nil, 4) | bit(record.time != nil, 5)
            | bit(record.gradientNorms != nil, 6)
        if mask & ~loggedMask != 0 {
            loggedMask |= mask
            for (bit, name) in Self.fieldNames.enumerated() where mask & (1 << bit) != 0 {
                state.watched!.logged.insert(name)
            }
        }
        state.recordWatched(epoch: axisEpoch, trainLoss: record.trainLoss, testLoss: record.testLoss,
                            trainAccuracy: record.trainAccuracy, testAccuracy: record.testAccuracy,
                            learningRate: record.learningRate, gradientNorms: record.gradientNorms,
                            seconds: record.seconds)
        var extraValues: [Double?] = []
        for extra in record.extras {
            addExtra(extra, epoch: axisEpoch)
            guard let index = extraIndex[extra.name] else { continue }
            if extraValues.count <= index { extraValues += Array(repeating: nil, count: index + 1 - extraValues.count) }
            extraValues[index] = extra.value
        }
        state.watched!.extraLog.record(.init(epoch: axisEpoch, values: extraValues))
        if let weights = record.weights { showWeights(weights, epoch: record.epoch) }
        measureSpeed(record, epoch: axisEpoch, arrival: arrival)
    }

    private mutating func addExtra(_ extra: WatchRecord.Extra, epoch: Int) {
        let index: Int
        if let known = extraIndex[extra.name] {
            index = known
        } else {
            guard state.watched!.extras.count < Self.extraCurveLimit else { return }
            index = state.watched!.extras.count
            extraIndex[extra.name] = index
            state.watched!.extras.append(.init(name: extra.name, history: MetricHistory(), latest: extra.value))
        }
        state.watched!.extras[index].latest = extra.value
        state.watched!.extras[index].inSegment = true
        if extra.value.isFinite, (state.watched!.extras[index].history.buckets.last?.lastEpoch ?? Int.min) < epoch {
            state.watched!.extras[index].history.append(epoch: epoch, value: extra.value)
        }
    }

    /// Shows logged weight matrices in the weight map, when they chain as a network's layers do.
    private mutating func showWeights(_ matrices: [[[Double]]], epoch: Int) {
        var sizes: [Int] = []
        for (layer, matrix) in matrices.enumerated() {
            guard let width = matrix.first?.count, width > 0, matrix.allSatisfy({ $0.count == width }) else {
                state.sayWatched("weights of epoch \(epoch): layer \(layer + 1) is not a matrix; not shown")
                return
            }
            if sizes.isEmpty {
                sizes = [width]
            } else if sizes.last != width {
                state.sayWatched("weights of epoch \(epoch): layer \(layer + 1) takes \(width) inputs but layer \(layer) "
                                 + "gives \(sizes.last!); not shown")
                return
            }
            sizes.append(matrix.count)
        }
        guard sizes.count >= 2, sizes.reduce(0, +) < 1_000_000,
              var network = try? Network(sizes: sizes, activations: Array(repeating: .linear, count: sizes.count - 1),
                                         loss: .mse)
        else { return }
        for (layer, matrix) in matrices.enumerated() {
            let shape = network.shapes[layer]
            var offset = shape.weightOffset
            for row in matrix {
                for value in row {
                    network.parameters[offset] = value.isFinite ? value : 0
                    offset += 1
                }
            }
        }
        state.showWatchedWeights(network)
        updateFacts {
            $0.weightsEpoch = epoch
            $0.logged.insert("weights")
        }
    }

    /// Epochs per second over the last few seconds: from logged times, else from `seconds`
    /// (one epoch's duration), else from arrival times while following.
    private mutating func measureSpeed(_ record: WatchRecord, epoch: Int, arrival: Double?) {
        guard let time = record.time ?? arrival else {
            if let seconds = record.seconds, seconds > 0 { state.epochsPerSecond = 1 / seconds }
            return
        }
        recentTimes.append((time, epoch))
        while let first = recentTimes.first, time - first.time > 3, recentTimes.count > 2 { recentTimes.removeFirst() }
        guard let first = recentTimes.first, time > first.time, epoch > first.epoch else { return }
        state.epochsPerSecond = Double(epoch - first.epoch) / (time - first.time)
    }

    /// Notes a line or record that could not be read; says it once (the first one).
    public mutating func skip(_ message: String) {
        if facts.skipped == 0 {
            state.sayWatched(message + " (skipped; later bad lines are counted)")
            updateFacts { $0.firstSkip = message }
        }
        updateFacts { $0.skipped += 1 }
    }

    /// Says `text` in the monitor's message line.
    public mutating func say(_ text: String) { state.sayWatched(text) }

    /// Sets how the axis is named, whether the keys steer, whether the source ended.
    public mutating func update(_ body: (inout WatchedFacts) -> Void) { updateFacts(body) }

    /// The status word: paused when asked to pause, diverged, done when the source ended.
    public mutating func setStatus(_ status: RunStatus) { state.setWatchedStatus(status) }

    /// The speed, set to 0 when the writer has gone quiet.
    public mutating func setSpeed(_ epochsPerSecond: Double) { state.epochsPerSecond = epochsPerSecond }
}
