/// What a data set's last column is: a class per sample, or a real-valued target.
///
/// A CSV read without `--task` is `regression` when its label column holds numbers and at least
/// one of them is not a whole number; whole numbers and names are classes (`--task regression`
/// reads whole-number targets, such as counts, as real values).
public enum LearningTask: String, Sendable, CaseIterable, Codable {
    case classification
    case regression
}
