/// One record's extra values (a watched log's numeric fields beyond the protocol's): `values[k]` is
/// extra curve k's (`WatchedFacts.extras` order), nil when the record did not log it; the list
/// stops after the last one it logged.
public struct WatchedExtraRow: EpochKeyedRow {
    public var epoch: Int
    public var values: [Double?]
    public init(epoch: Int, values: [Double?]) {
        self.epoch = epoch
        self.values = values
    }
    /// Extra curve `index`'s value in this record, nil when not logged.
    public func value(_ index: Int) -> Double? { index < values.count ? values[index] : nil }
}

/// The extra values of each record, kept row for row with the run's `MetricsLog`: one
/// `ThinnedLog` capacity, the same epochs recorded in the same order, so the two logs keep the
/// same rows and a watch snapshot's metrics.csv gives every extra field a column.
public typealias WatchedExtraLog = ThinnedLog<WatchedExtraRow>
