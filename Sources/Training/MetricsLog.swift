/// Per-epoch metrics for snapshots, in bounded memory.
///
/// Every epoch is kept until `capacity` rows are held; then every other row is dropped and from
/// then on only epochs that are multiples of the doubled `stride` are kept, and so on. So the log
/// always holds the epochs that are multiples of `stride` (plus the newest epoch), never more than
/// `capacity + 1` rows. The rule is written into each snapshot's `run.json`.
public struct MetricsLog: Sendable, Equatable {
    public let capacity: Int
    /// Only epochs that are multiples of this are kept (1 until the first thinning).
    public private(set) var stride = 1
    public private(set) var rows: [EpochReport] = []
    /// The newest epoch, kept even when it is not a multiple of `stride`.
    public private(set) var latest: EpochReport?

    public init(capacity: Int = 10_000) {
        precondition(capacity >= 2, "capacity must be at least 2")
        self.capacity = capacity
    }

    /// A log restored from a snapshot's state.json.
    init(capacity: Int, stride: Int, rows: [EpochReport], latest: EpochReport?) {
        self.capacity = capacity
        self.stride = stride
        self.rows = Array(rows.suffix(capacity))
        self.latest = latest
    }

    /// Records an epoch's report.
    public mutating func record(_ report: EpochReport) {
        latest = report
        guard report.epoch % stride == 0 else { return }
        rows.append(report)
        if rows.count > capacity {
            stride *= 2
            rows.removeAll { $0.epoch % stride != 0 }
        }
    }

    /// The rows to write: the kept ones, then the newest epoch if it was not kept.
    public var rowsForExport: [EpochReport] {
        guard let latest, rows.last?.epoch != latest.epoch else { return rows }
        return rows + [latest]
    }

    /// The thinning rule in words, for `run.json`.
    public var rule: String {
        "every epoch up to \(capacity) rows; each time the log grows past \(capacity) rows the kept "
            + "stride doubles (now \(stride)): rows are the epochs that are multiples of the stride, plus the newest epoch"
    }

    /// Forgets the rows after `epoch` (a rewind); the newest is then the last row kept.
    public mutating func truncate(after epoch: Int) {
        let exact = latest?.epoch == epoch ? latest : nil
        rows.removeAll { $0.epoch > epoch }
        latest = exact ?? rows.last
    }

    public mutating func removeAll() {
        rows.removeAll(keepingCapacity: true)
        latest = nil
        stride = 1
    }
}
