import MLPEngine

/// What the trainer keeps of an epoch boundary to go back to it: weights, optimiser state, the
/// shuffle stream and the epoch. Restoring all four makes the run continue bit for bit as it did.
public struct RewindPoint: Sendable, Equatable {
    public var epoch: Int
    public var parameters: [Double]
    public var optimizer: Optimizer
    public var generator: SeededGenerator

    /// Bytes this point holds: parameters and optimiser moments, and 256 for the arrays' headers,
    /// the allocator's rounding and the point's own fields (an allowance on the safe side).
    var bytes: Int { 8 * (parameters.count + optimizer.firstMoment.count + optimizer.secondMoment.count) + 256 }
}

/// A bounded set of rewind points covering the whole run, denser recently.
///
/// Every epoch is offered; the store keeps at most `capacity` points, worked out from a memory
/// budget. When full, the older half is thinned to every other point, so recent epochs are kept
/// one by one while older ones grow geometrically sparser; the first point (where the run began)
/// is always kept. Amortised O(1) per epoch plus the copy of the point itself.
public struct RewindStore: Sendable {
    /// The default memory budget, bytes.
    public static let defaultBudget = 64 << 20
    /// The budget in bytes.
    public private(set) var budget: Int
    /// The points, oldest first, epochs increasing.
    public private(set) var points: [RewindPoint] = []
    private var capacity = 0

    public init(budget: Int = RewindStore.defaultBudget) {
        self.budget = max(0, budget)
    }

    /// The epochs one can go back to, oldest first.
    public var epochs: [Int] { points.map(\.epoch) }

    /// Offers the state at an epoch boundary (epochs must increase; an epoch at or before the last
    /// kept one replaces the later ones, as after a rewind).
    public mutating func offer(_ point: RewindPoint) {
        if capacity == 0 { capacity = max(2, min(1 << 20, budget / max(1, point.bytes))) }
        guard budget >= point.bytes * 2 else { return }
        if let last = points.last, last.epoch >= point.epoch { drop(after: point.epoch - 1) }
        points.append(point)
        if points.count > capacity { thinOlderHalf() }
    }

    /// The point at `epoch`, if kept.
    public func point(at epoch: Int) -> RewindPoint? {
        points.last { $0.epoch == epoch }
    }

    /// Forgets the points after `epoch` (the abandoned future of a rewind).
    public mutating func drop(after epoch: Int) {
        points.removeAll { $0.epoch > epoch }
    }

    /// Changes the budget (runs side by side share one): points beyond what the new budget holds
    /// are thinned away, older ones first, the first point kept; a budget too small for two points
    /// forgets them all (rewinding is then off).
    public mutating func setBudget(_ bytes: Int) {
        budget = max(0, bytes)
        guard let sample = points.last else { return capacity = 0 }
        guard budget >= sample.bytes * 2 else { return removeAll() }
        capacity = max(2, min(1 << 20, budget / max(1, sample.bytes)))
        while points.count > capacity {
            let before = points.count
            thinOlderHalf()
            // Three points thin to three: drop the oldest but the first instead.
            if points.count == before { points.remove(at: 1) }
        }
    }

    /// Bytes the points hold now (by `RewindPoint.bytes`).
    public var bytesHeld: Int { points.reduce(0) { $0 + $1.bytes } }

    /// Forgets everything (a reset starts a new run).
    public mutating func removeAll() {
        points.removeAll()
        capacity = 0
    }

    /// Keeps every other point of the older half (the first always), halving its density.
    private mutating func thinOlderHalf() {
        let half = points.count / 2
        var kept: [RewindPoint] = []
        kept.reserveCapacity(points.count)
        for (index, point) in points.enumerated() where index >= half || index % 2 == 0 {
            kept.append(point)
        }
        points = kept
    }
}
