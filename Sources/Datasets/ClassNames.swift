import MLPEngine

/// How the labels written in a data file map to the class numbers 0..<K the network predicts.
///
/// The rule, applied to a file's distinct labels when it is read for training:
/// - all labels are whole numbers 0, 1, …, K−1 (every one present): class k is label k
///   (`indices`), exactly as before class names existed;
/// - all labels are other whole numbers (`1..3`, `-1/1`, `0, 2, 5`): classes in increasing
///   numeric order (`numbers`);
/// - all labels are names (`setosa`): classes in the order of the names' UTF-8 bytes, which for
///   ASCII is `strcmp`'s (`B` before `a`) (`names`).
/// Mixing names and numbers in one file is an error. The mapping is stored in a saved model as
/// `"classes"` (absent for `indices`), so a model applied to another file maps its labels alike.
/// A value type, `Sendable`.
public enum ClassNames: Sendable, Equatable {
    /// The labels are the class numbers 0..<count themselves.
    case indices(count: Int)
    /// Whole-number labels other than 0..<K: class k is `numbers[k]`.
    case numbers([Double])
    /// Named classes: class k is `names[k]`.
    case names([String])

    /// The number of classes K.
    public var count: Int {
        switch self {
        case .indices(let count): count
        case .numbers(let numbers): numbers.count
        case .names(let names): names.count
        }
    }

    /// Whether the labels are the class numbers themselves (nothing to store or show).
    public var isIndices: Bool {
        if case .indices = self { return true }
        return false
    }

    /// Class `k`'s name as written in the data: `setosa`, `3`, or `k` itself for `indices`.
    public func name(of k: Int) -> String {
        switch self {
        case .indices: String(k)
        case .numbers(let numbers): Self.spell(numbers[k])
        case .names(let names): names[k]
        }
    }

    /// Every class's name, in class order.
    public var allNames: [String] { (0..<count).map(name(of:)) }

    /// The names as a short list for messages: `setosa, versicolor, virginica`, the first 8 then
    /// `… (K in all)` when there are more.
    public var shortList: String {
        let names = allNames
        guard names.count > 8 else { return names.joined(separator: ", ") }
        return names.prefix(8).joined(separator: ", ") + ", … (\(names.count) in all)"
    }

    /// The `"classes"` member of a model file: an array of numbers or strings; nil for `indices`.
    public var json: JSONValue? {
        switch self {
        case .indices: nil
        case .numbers(let numbers): .array(numbers.map { .number(Self.spell($0)) })
        case .names(let names): .array(names.map(JSONValue.string))
        }
    }

    /// A whole number as a label is usually written: `3`, `-1` (not `3.0`).
    static func spell(_ value: Double) -> String {
        abs(value) < 1e15 ? String(Int64(value)) : value.description
    }

    /// The classes for distinct `numbers` (whole, finite): `indices` when they are exactly
    /// 0..<K, else the numbers in increasing order.
    public static func sorting(numbers: [Double]) -> ClassNames {
        let sorted = numbers.sorted()
        if sorted.enumerated().allSatisfy({ Double($0.offset) == $0.element }) { return .indices(count: sorted.count) }
        return .numbers(sorted)
    }

    /// The classes for distinct `names`, in the order of their UTF-8 bytes.
    public static func sorting(names: [String]) -> ClassNames {
        .names(names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    }

    /// Reads a model's `"classes"` member for a network of `classCount` classes; nil with a reason
    /// when it is not an array of `classCount` distinct names, or of distinct whole numbers.
    public static func decode(_ value: JSONValue, classCount: Int) -> Result<ClassNames, ClassNamesError> {
        guard let items = value.arrayValue else { return .failure(.notAnArray) }
        guard items.count == classCount else { return .failure(.wrongCount(found: items.count, expected: classCount)) }
        let names = items.compactMap(\.stringValue)
        if names.count == items.count {
            guard !names.contains(where: \.isEmpty) else { return .failure(.malformed) }
            guard Set(names).count == names.count else { return .failure(.duplicate) }
            return .success(.names(names))
        }
        let numbers = items.compactMap(\.doubleValue)
        guard numbers.count == items.count, numbers.allSatisfy({ $0.isFinite && $0 == $0.rounded() }) else {
            return .failure(.malformed)
        }
        guard Set(numbers).count == numbers.count else { return .failure(.duplicate) }
        if numbers.enumerated().allSatisfy({ Double($0.offset) == $0.element }) { return .success(.indices(count: classCount)) }
        return .success(.numbers(numbers))
    }
}

/// Why a model's `"classes"` member could not be read.
public enum ClassNamesError: Error, Equatable, Sendable, CustomStringConvertible {
    case notAnArray
    case wrongCount(found: Int, expected: Int)
    case malformed
    case duplicate

    /// The reason, e.g. `"classes" has 2 names but the network predicts 3 classes`.
    public var description: String {
        switch self {
        case .notAnArray: "\"classes\" must be an array of class names or whole numbers"
        case let .wrongCount(found, expected):
            "\"classes\" has \(found) entries but the network predicts \(expected) classes"
        case .malformed: "\"classes\" must hold only non-empty names or only whole numbers"
        case .duplicate: "\"classes\" names a class twice"
        }
    }
}
