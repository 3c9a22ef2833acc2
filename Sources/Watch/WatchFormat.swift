/// The kinds of source `mlptop watch` reads.
public enum WatchFormat: String, Sendable, CaseIterable {
    /// mlptop's `--log` protocol: one JSON object per line.
    case jsonl
    /// A Lightning-style `metrics.csv`.
    case csv
    /// TensorBoard event files (one file, or a log directory of them).
    case tensorboard

    /// The format of `path`: a directory or a `*tfevents*` file is TensorBoard's, `*.csv` a
    /// metrics CSV, anything else (standard input included) JSONL.
    public static func guess(path: String, isDirectory: Bool) -> WatchFormat {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if isDirectory || name.contains("tfevents") { return .tensorboard }
        if name.lowercased().hasSuffix(".csv") { return .csv }
        return .jsonl
    }
}
