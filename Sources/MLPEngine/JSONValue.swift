/// A JSON document as a value: objects keep their key order, numbers keep their exact text.
///
/// Keeping a number's text means a 64-bit seed or a double written by `Double.description`
/// (the shortest string that reads back to the same bits) survives a read–write cycle unchanged.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number, as the text it was written with.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Members in document order.
    case object([(key: String, value: JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: false
        }
    }

    /// A number written so that it reads back bit-exact (Swift's shortest round-trip form).
    ///
    /// - Precondition: `value` is finite. NaN and the infinities have no JSON form (`inf` would
    ///   make a file no JSON reader, mlptop's included, accepts), so callers reject or avoid them
    ///   before they get here; a measurement that may overflow goes through `measurement(_:)`.
    public static func number(_ value: Double) -> JSONValue {
        precondition(value.isFinite, "JSON has no form for the number \(value)")
        return .number(value.description)
    }

    /// A measured value (a loss, a gradient norm, a speed): the number, or `null` when it is NaN
    /// or infinite, as the `--log` lines write them.
    public static func measurement(_ value: Double) -> JSONValue { value.isFinite ? .number(value) : .null }

    /// An integer number.
    public static func number(_ value: Int) -> JSONValue { .number(String(value)) }
    /// An unsigned integer number (seeds).
    public static func number(_ value: UInt64) -> JSONValue { .number(String(value)) }

    /// The member `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// The value as a double, if it is a number.
    public var doubleValue: Double? {
        guard case .number(let text) = self else { return nil }
        return Double(text)
    }

    /// The value as an integer, if it is a number written as a whole number in range.
    public var intValue: Int? {
        guard case .number(let text) = self else { return nil }
        return Int(text)
    }

    /// The value as an unsigned 64-bit integer, if it is one.
    public var uint64Value: UInt64? {
        guard case .number(let text) = self else { return nil }
        return UInt64(text)
    }

    /// The value as a string, if it is one.
    public var stringValue: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        guard case .array(let items) = self else { return nil }
        return items
    }

    /// The members, if this is an object.
    public var objectValue: [(key: String, value: JSONValue)]? {
        guard case .object(let members) = self else { return nil }
        return members
    }

    /// A short name of the value's kind, for error messages.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
