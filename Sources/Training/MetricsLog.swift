extension EpochReport: EpochKeyedRow {}

/// Per-epoch metrics for snapshots, in bounded memory (`ThinnedLog`'s rule); restored from, and
/// written into, a snapshot's state.json.
public typealias MetricsLog = ThinnedLog<EpochReport>
