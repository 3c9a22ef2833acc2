/// How `CSVDatasetReader` reads a file that a trained model is to be applied to (`mlptop eval`).
///
/// The default reads a file for training: the last column is the label, and the file's own
/// labels decide the classes (`ClassNames`' rule), at least two of them.
public struct CSVReadOptions: Sendable, Equatable {
    /// The model's classes: each label must be one of them (by name, or by value for numbers),
    /// and the data set gets exactly these classes, whether or not every one occurs in the file.
    /// nil: the file's own labels decide.
    public var classes: ClassNames?
    /// The model's raw input columns: a header of exactly this many columns has no label column
    /// (every row gets label 0 and the result says `hasLabels == false`); one more is the label;
    /// any other count is an error naming both. nil: the last column is always the label.
    public var inputColumnCount: Int?
    /// The input column names the model was trained on; the header's feature columns must match
    /// them. nil: not checked.
    public var inputColumnNames: [String]?
    /// The model file, for messages.
    public var modelName: String
    /// Classes or real targets; nil decides from the labels (see `LearningTask`).
    public var task: LearningTask?

    /// Options for reading data for a model read from `modelName`.
    public init(classes: ClassNames? = nil, inputColumnCount: Int? = nil, inputColumnNames: [String]? = nil,
                modelName: String = "the model", task: LearningTask? = nil) {
        self.task = task
        self.classes = classes
        self.inputColumnCount = inputColumnCount
        self.inputColumnNames = inputColumnNames
        self.modelName = modelName
    }
}

/// A file read with `CSVReadOptions`: the data set, and whether it had a label column.
public struct CSVReadResult: Sendable, Equatable {
    public var dataset: Dataset
    /// False when the header had only the model's input columns: the labels are then all 0 and
    /// mean nothing.
    public var hasLabels: Bool
}

/// The distinct labels of a file as they are read, before they become classes: each label cell
/// gets a provisional id, the index of its first appearance. Small whole numbers (0…999, what
/// nearly every file holds) skip hashing through a direct table.
struct LabelTable {
    /// A label as written: a number, or a name.
    enum Key: Hashable {
        case number(Double)
        case name(String)
    }

    /// The most distinct labels (classes) a file may have.
    static let maximumClasses = 1000

    private(set) var keys: [Key] = []
    /// Where each key first appears, for messages.
    private(set) var positions: [(line: Int, column: Int)] = []
    private var ids: [Key: Int] = [:]
    private var smallNumberIDs = [Int](repeating: -1, count: 1000)

    /// The id of a whole number label `value`, or nil if it would be one class too many.
    @inline(__always)
    mutating func id(ofNumber value: Double, line: Int, column: Int) -> Int? {
        if value >= 0, value < 1000 {
            let slot = Int(value)
            if smallNumberIDs[slot] >= 0 { return smallNumberIDs[slot] }
            guard let id = id(of: .number(value), line: line, column: column) else { return nil }
            smallNumberIDs[slot] = id
            return id
        }
        return id(of: .number(value), line: line, column: column)
    }

    /// The id of `key`, new ones numbered in order of appearance; nil past `maximumClasses`.
    mutating func id(of key: Key, line: Int, column: Int) -> Int? {
        if let id = ids[key] { return id }
        guard keys.count < Self.maximumClasses else { return nil }
        ids[key] = keys.count
        keys.append(key)
        positions.append((line, column))
        return keys.count - 1
    }
}
