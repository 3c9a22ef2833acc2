/// A row a `ThinnedLog` keeps or drops by its epoch.
public protocol EpochKeyedRow: Sendable, Equatable {
    /// The epoch the row records (on the chart's axis for a watched log).
    var epoch: Int { get }
}

/// One row per recorded epoch, in bounded memory: the thinning of a snapshot's metrics.csv.
///
/// Every epoch is kept until `capacity` rows are held; then every other row is dropped and from
/// then on only epochs that are multiples of the doubled `stride` are kept, and so on. So the log
/// always holds the epochs that are multiples of `stride` (plus the newest epoch), never more than
/// `capacity + 1` rows. Two logs of one capacity fed the same epochs keep the same rows (a watched
/// log's extra values beside its `MetricsLog`). The rule is written into each snapshot's `run.json`.
public struct ThinnedLog<Row: EpochKeyedRow>: Sendable, Equatable {
    public let capacity: Int
    /// Only epochs that are multiples of this are kept (1 until the first thinning).
    public private(set) var stride = 1
    public private(set) var rows: [Row] = []
    /// The newest row, kept even when its epoch is not a multiple of `stride`.
    public private(set) var latest: Row?

    public init(capacity: Int = 10_000) {
        precondition(capacity >= 2, "capacity must be at least 2")
        self.capacity = capacity
    }

    /// A log restored from a snapshot's state.json.
    init(capacity: Int, stride: Int, rows: [Row], latest: Row?) {
        self.capacity = capacity
        self.stride = stride
        self.rows = Array(rows.suffix(capacity))
        self.latest = latest
    }

    /// Records an epoch's row. O(1) amortised: a thinning, O(capacity), comes once per `capacity / 2` rows kept.
    public mutating func record(_ row: Row) {
        latest = row
        guard row.epoch % stride == 0 else { return }
        rows.append(row)
        if rows.count > capacity {
            stride *= 2
            rows.removeAll { $0.epoch % stride != 0 }
        }
    }

    /// The rows to write: the kept ones, then the newest epoch if it was not kept.
    public var rowsForExport: [Row] {
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
