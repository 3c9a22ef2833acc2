/// How names written by other tools map onto the watch protocol's fields.
///
/// The protocol's own names pass unchanged. Otherwise the name is lower-cased, `/ - . space`
/// become `_`, and: a name with `loss` and `val`, `valid` or `test` is `test_loss`; with `loss`
/// alone (or `train`) `train_loss`; likewise `acc`/`accuracy`; `lr`, `lr_*` (Lightning's
/// `lr-SGD`) and `learning_rate` are `lr`. Anything else stays an extra curve under its own name.
public enum MetricName {
    /// The protocol fields a metric can land in.
    public static let known: Set<String> = ["train_loss", "test_loss", "train_accuracy", "test_accuracy", "lr"]

    /// The protocol name for a TensorBoard tag written in `folder` (a run's subdirectory, `val/`):
    /// the tag's own name, held out when the folder says so (`val/` + `loss` is `test_loss`); an
    /// extra keeps the folder in its name.
    public static func canonical(_ tag: String, folder: String) -> String {
        let name = canonical(tag)
        guard !folder.isEmpty else { return name }
        if !known.contains(name) { return folder + tag }
        let held = canonical(folder + "loss") == "test_loss"
        switch name {
        case "train_loss" where held: return "test_loss"
        case "train_accuracy" where held: return "test_accuracy"
        default: return name
        }
    }

    /// The protocol name for `name`, or `name` itself for an extra.
    public static func canonical(_ name: String) -> String {
        if known.contains(name) { return name }
        let words = name.lowercased().split { "/-. _".contains($0) }.map(String.init)
        let set = Set(words)
        let held = set.contains("val") || set.contains("valid") || set.contains("validation") || set.contains("test")
            || words.contains { $0.hasPrefix("val") && ($0.hasSuffix("loss") || $0.hasSuffix("acc")) }
        let isLoss = set.contains("loss") || words.contains { $0.hasSuffix("loss") }
        let isAccuracy = set.contains("acc") || set.contains("accuracy") || words.contains { $0.hasSuffix("acc") }
        if isLoss, !isAccuracy { return held ? "test_loss" : "train_loss" }
        if isAccuracy, !isLoss { return held ? "test_accuracy" : "train_accuracy" }
        if words.first == "lr" || words.last == "lr" || name.lowercased() == "learning_rate" || words == ["learning", "rate"] { return "lr" }
        return name
    }
}
