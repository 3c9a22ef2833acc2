/// The extra fields' values (a watched log's numeric fields beyond the protocol's) of each record,
/// kept row for row with the run's `MetricsLog`: the same epochs recorded in the same order under
/// the same thinning rule, so the two logs keep the same rows and a watch snapshot's metrics.csv
/// gives every extra field a column.
public struct WatchedExtraLog: Sendable, Equatable {
    /// One record's extra values: `values[k]` is extra curve k's (`WatchedFacts.extras` order),
    /// nil when the record did not log it; the list stops after the last one it logged.
    public struct Row: Sendable, Equatable {
        public var epoch: Int
        public var values: [Double?]
        public init(epoch: Int, values: [Double?]) {
            self.epoch = epoch
            self.values = values
        }
        /// Extra curve `index`'s value in this record, nil when not logged.
        public func value(_ index: Int) -> Double? { index < values.count ? values[index] : nil }
    }

    public let capacity: Int
    /// Only epochs that are multiples of this are kept (as `MetricsLog.stride`).
    public private(set) var stride = 1
    public private(set) var rows: [Row] = []
    /// The newest record, kept even when its epoch is not a multiple of `stride`.
    public private(set) var latest: Row?

    /// A log thinned as a `MetricsLog` of the same `capacity`.
    public init(capacity: Int = 10_000) {
        precondition(capacity >= 2, "capacity must be at least 2")
        self.capacity = capacity
    }

    /// Records one record's extra values (call once for every `MetricsLog.record`, same epoch).
    public mutating func record(_ row: Row) {
        latest = row
        guard row.epoch % stride == 0 else { return }
        rows.append(row)
        if rows.count > capacity {
            stride *= 2
            rows.removeAll { $0.epoch % stride != 0 }
        }
    }

    /// The rows to write, as `MetricsLog.rowsForExport`: the kept ones, then the newest if not kept.
    public var rowsForExport: [Row] {
        guard let latest, rows.last?.epoch != latest.epoch else { return rows }
        return rows + [latest]
    }
}
