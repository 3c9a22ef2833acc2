#if canImport(Glibc)
import Glibc
#endif

/// Reads one line of the watch protocol (mlptop's `--log` JSONL) into a `WatchRecord`.
///
/// A single-pass scanner over the line's bytes, strict about JSON's grammar but building nothing
/// it does not keep: a 10⁶-line log is read in well under a second. Strings and objects are
/// checked and skipped; numeric arrays are kept only for `grad_norms` and `weights`.
/// `null` for a loss or accuracy means the writer had a non-finite value (mlptop writes NaN and
/// the infinities that way): it is read as NaN, so a diverged run is shown as diverged.
/// A named field with any other kind of value (a string, `true`, an object), or an accuracy
/// outside 0…1, makes the line a bad line; `null` for `step`, `lr`, `time` or `seconds` is as if
/// the field were not there.
public enum WatchLineParser {
    /// Why a line is not a record, and where on it (1-based character column; nil: the line as
    /// a whole, e.g. a CSV row's named cell).
    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public var reason: String
        public var column: Int?
        public init(reason: String, column: Int? = nil) {
            self.reason = reason
            self.column = column
        }
        public var description: String { column.map { "\($0): \(reason)" } ?? reason }
        /// `file:line:column: reason` (or `file:line: reason`), as every other file error reads.
        public func message(file: String, line: Int) -> String {
            "\(file):\(line)" + (column.map { ":\($0)" } ?? "") + ": \(reason)"
        }
    }

    /// The record on `line` (without its newline).
    public static func parse(_ line: some Collection<UInt8>) throws(Failure) -> WatchRecord {
        let bytes = Array(line)
        return try bytes.withUnsafeBufferPointer { buffer throws(Failure) in try parse(buffer: buffer) }
    }

    /// The record on the line in `buffer` (without its newline), read in place.
    public static func parse(buffer: UnsafeBufferPointer<UInt8>) throws(Failure) -> WatchRecord {
        var scanner = Scanner(bytes: buffer)
        return try scanner.record()
    }

    /// A parsed JSON value as far as the protocol keeps it.
    enum Value {
        case number(Double)
        case null
        case list([Value])
        case other
    }

    /// The fields the protocol names, told apart by their bytes without making a string.
    enum Field {
        case epoch, step, gradNorms, weights, trainLoss, testLoss, trainAccuracy, testAccuracy, lr, time, seconds, other
    }

    struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var depth = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// The field a key names (its bytes `bytes[range]`, no escapes).
        func field(_ range: Range<Int>) -> Field {
            func equals(_ text: StaticString) -> Bool {
                guard text.utf8CodeUnitCount == range.count else { return false }
                return text.withUTF8Buffer { expected in
                    var i = 0
                    while i < range.count { if bytes[range.lowerBound + i] != expected[i] { return false }; i += 1 }
                    return true
                }
            }
            switch range.count {
            case 2: return equals("lr") ? .lr : .other
            case 4: return equals("step") ? .step : equals("time") ? .time : .other
            case 5: return equals("epoch") ? .epoch : .other
            case 7: return equals("seconds") ? .seconds : equals("weights") ? .weights : .other
            case 9: return equals("test_loss") ? .testLoss : .other
            case 10: return equals("train_loss") ? .trainLoss : equals("grad_norms") ? .gradNorms : .other
            case 13: return equals("test_accuracy") ? .testAccuracy : .other
            case 14: return equals("train_accuracy") ? .trainAccuracy : .other
            default: return .other
            }
        }

        mutating func record() throws(Failure) -> WatchRecord {
            skipSpace()
            guard peek == UInt8(ascii: "{") else { throw fail("not a JSON object") }
            index += 1
            var record = WatchRecord(epoch: 0)
            var sawEpoch = false
            skipSpace()
            if peek == UInt8(ascii: "}") {
                index += 1
            } else {
                while true {
                    skipSpace()
                    let (range, escaped) = try stringRange()
                    let field = escaped ? .other : self.field(range)
                    let key = { [bytes] () -> String in
                        escaped ? ((try? JSONParserBridge.string(from: [0x22] + Array(bytes[range]) + [0x22])) ?? "")
                            : String(decoding: bytes[range], as: UTF8.self)
                    }
                    skipSpace()
                    guard peek == UInt8(ascii: ":") else { throw fail("expected ':' after \"\(key())\"") }
                    index += 1
                    skipSpace()
                    if field == .gradNorms, peek == UInt8(ascii: "[") {
                        record.gradientNorms = try gradientNorms()
                    } else {
                        let value = try self.value(keepLists: field == .gradNorms || field == .weights)
                        try apply(field, key, value, to: &record, sawEpoch: &sawEpoch)
                    }
                    skipSpace()
                    if peek == UInt8(ascii: ",") { index += 1; continue }
                    if peek == UInt8(ascii: "}") { index += 1; break }
                    throw fail("expected ',' or '}' after the value of \"\(key())\"")
                }
            }
            skipSpace()
            if index < bytes.count { throw fail("unexpected text after the JSON object") }
            guard sawEpoch else { throw fail("no \"epoch\" field") }
            return record
        }

        private func apply(_ field: Field, _ key: () -> String, _ value: Value, to record: inout WatchRecord,
                           sawEpoch: inout Bool) throws(Failure) {
            func whole(_ x: Double) throws(Failure) -> Int {
                guard x.isFinite, x == x.rounded(), abs(x) < 9.0e15 else {
                    throw fail("\"\(key())\" is \(x), not a whole number")
                }
                return Int(x)
            }
            /// An accuracy is a fraction: finite values outside 0…1 (a percentage, a count) are refused.
            func fraction(_ x: Double) throws(Failure) -> Double {
                guard x >= 0, x <= 1 else { throw fail("\"\(key())\" is \(x), outside 0…1 (an accuracy is a fraction)") }
                return x
            }
            switch (field, value) {
            case (.epoch, .number(let x)):
                record.epoch = try whole(x)
                sawEpoch = true
            case (.epoch, _):
                throw fail("\"epoch\" is not a number")
            case (.step, .number(let x)):
                record.step = try whole(x)
            case (.trainLoss, .number(let x)): record.trainLoss = x
            case (.testLoss, .number(let x)): record.testLoss = x
            case (.trainAccuracy, .number(let x)): record.trainAccuracy = try fraction(x)
            case (.testAccuracy, .number(let x)): record.testAccuracy = try fraction(x)
            case (.lr, .number(let x)): record.learningRate = x
            case (.time, .number(let x)): record.time = x
            case (.seconds, .number(let x)): record.seconds = x
            case (.trainLoss, .null): record.trainLoss = .nan
            case (.testLoss, .null): record.testLoss = .nan
            case (.trainAccuracy, .null): record.trainAccuracy = .nan
            case (.testAccuracy, .null): record.testAccuracy = .nan
            case (.gradNorms, .list(let layers)):
                record.gradientNorms = try layers.map { layer throws(Failure) -> Double in
                    switch layer {
                    case .number(let x): return x
                    case .null: return .nan
                    case .list(let pair):
                        if case .number(let x)? = pair.first { return x }
                        return .nan
                    case .other: throw fail("\"grad_norms\" holds something that is not a number")
                    }
                }
            case (.weights, .list(let layers)):
                record.weights = try layers.map { layer throws(Failure) -> [[Double]] in
                    guard case .list(let rows) = layer else { throw fail("\"weights\" must be a list of matrices") }
                    return try rows.map { row throws(Failure) -> [Double] in
                        guard case .list(let items) = row else { throw fail("\"weights\" must be a list of matrices") }
                        return try items.map { item throws(Failure) -> Double in
                            guard case .number(let x) = item else { throw fail("\"weights\" holds a non-number") }
                            return x
                        }
                    }
                }
            case (.other, .number(let x)):
                record.set(key(), x)
            case (.step, .other), (.step, .list), (.trainLoss, .other), (.trainLoss, .list),
                 (.testLoss, .other), (.testLoss, .list), (.trainAccuracy, .other), (.trainAccuracy, .list),
                 (.testAccuracy, .other), (.testAccuracy, .list), (.lr, .other), (.lr, .list),
                 (.time, .other), (.time, .list), (.seconds, .other), (.seconds, .list):
                throw fail("\"\(key())\" is not a number")
            case (.gradNorms, .other), (.gradNorms, .number), (.weights, .other), (.weights, .number):
                throw fail("\"\(key())\" is not a list")
            default:
                break
            }
        }

        var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

        func fail(_ reason: String) -> Failure { Failure(reason: reason, column: index + 1) }

        mutating func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D {
                index += 1
            }
        }

        mutating func value(keepLists: Bool) throws(Failure) -> Value {
            guard let byte = peek else { throw fail("the line ends where a value should be") }
            switch byte {
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return .number(try number())
            case UInt8(ascii: "\""):
                _ = try stringRange()
                return .other
            case UInt8(ascii: "n"): try word("null"); return .null
            case UInt8(ascii: "t"): try word("true"); return .other
            case UInt8(ascii: "f"): try word("false"); return .other
            case UInt8(ascii: "["):
                return try list(keep: keepLists)
            case UInt8(ascii: "{"):
                try skipObject()
                return .other
            default:
                throw fail("unexpected character '\(Character(Unicode.Scalar(byte)))'")
            }
        }

        mutating func word(_ text: StaticString) throws(Failure) {
            let count = text.utf8CodeUnitCount
            guard index + count <= bytes.count else { throw fail("expected \(text)") }
            let matches = text.withUTF8Buffer { expected in
                (0..<count).allSatisfy { bytes[index + $0] == expected[$0] }
            }
            guard matches else { throw fail("expected \(text)") }
            index += count
        }

        mutating func enter() throws(Failure) {
            depth += 1
            if depth > 64 { throw fail("nested more than 64 levels deep") }
        }

        /// `grad_norms` read straight into numbers: per layer a number, `null`, or mlptop's own
        /// `[weights, biases]` pair (the first is kept).
        mutating func gradientNorms() throws(Failure) -> [Double] {
            try enter()
            index += 1
            var norms: [Double] = []
            norms.reserveCapacity(8)
            skipSpace()
            if peek == UInt8(ascii: "]") { index += 1; depth -= 1; return norms }
            while true {
                skipSpace()
                if peek == UInt8(ascii: "[") {
                    try enter()
                    index += 1
                    skipSpace()
                    norms.append(try normValue())
                    while true {
                        skipSpace()
                        if peek == UInt8(ascii: "]") { index += 1; break }
                        guard peek == UInt8(ascii: ",") else { throw fail("expected ',' or ']' in a list") }
                        index += 1
                        skipSpace()
                        _ = try normValue()
                    }
                    depth -= 1
                } else {
                    norms.append(try normValue())
                }
                skipSpace()
                if peek == UInt8(ascii: ",") { index += 1; continue }
                if peek == UInt8(ascii: "]") { index += 1; break }
                throw fail("expected ',' or ']' in a list")
            }
            depth -= 1
            return norms
        }

        /// A gradient norm: a number, or `null` (a non-finite norm) as NaN.
        mutating func normValue() throws(Failure) -> Double {
            switch peek ?? 0 {
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            case UInt8(ascii: "n"): try word("null"); return .nan
            default: throw fail("\"grad_norms\" holds something that is not a number")
            }
        }

        mutating func list(keep: Bool) throws(Failure) -> Value {
            try enter()
            index += 1
            var items: [Value] = []
            skipSpace()
            if peek == UInt8(ascii: "]") {
                index += 1
                depth -= 1
                return keep ? .list(items) : .other
            }
            while true {
                skipSpace()
                let item = try value(keepLists: keep)
                if keep { items.append(item) }
                skipSpace()
                if peek == UInt8(ascii: ",") { index += 1; continue }
                if peek == UInt8(ascii: "]") { index += 1; break }
                throw fail("expected ',' or ']' in a list")
            }
            depth -= 1
            return keep ? .list(items) : .other
        }

        mutating func skipObject() throws(Failure) {
            try enter()
            index += 1
            skipSpace()
            if peek == UInt8(ascii: "}") { index += 1; depth -= 1; return }
            while true {
                skipSpace()
                _ = try stringRange()
                skipSpace()
                guard peek == UInt8(ascii: ":") else { throw fail("expected ':' in an object") }
                index += 1
                skipSpace()
                _ = try value(keepLists: false)
                skipSpace()
                if peek == UInt8(ascii: ",") { index += 1; continue }
                if peek == UInt8(ascii: "}") { index += 1; break }
                throw fail("expected ',' or '}' in an object")
            }
            depth -= 1
        }

        /// A JSON string's contents (between the quotes), and whether it holds escapes.
        mutating func stringRange() throws(Failure) -> (Range<Int>, escaped: Bool) {
            guard peek == UInt8(ascii: "\"") else { throw fail("expected a string") }
            index += 1
            let start = index
            var escaped = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    if escaped { _ = try decodeEscapes(start..<index - 1) }
                    return (start..<index - 1, escaped)
                }
                if byte < 0x20 { throw fail("a control character inside a string") }
                if byte == UInt8(ascii: "\\") { escaped = true; index += 1 }
                index += 1
            }
            throw fail("a string is not closed")
        }

        /// A JSON string (skipped values are checked the same way).
        mutating func string() throws(Failure) -> String {
            let (range, escaped) = try stringRange()
            return escaped ? try decodeEscapes(range) : String(decoding: bytes[range], as: UTF8.self)
        }

        func decodeEscapes(_ range: Range<Int>) throws(Failure) -> String {
            // Rare in a metrics log: decode through the project's full JSON reader.
            do {
                return try JSONParserBridge.string(from: [UInt8(ascii: "\"")] + Array(bytes[range]) + [UInt8(ascii: "\"")])
            } catch {
                throw fail("a string has a bad escape")
            }
        }

        /// A number by JSON's grammar, converted with `strtod` (correctly rounded).
        mutating func number() throws(Failure) -> Double {
            let start = index
            if peek == UInt8(ascii: "-") { index += 1 }
            guard let first = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
                throw fail("a number needs a digit")
            }
            if first == UInt8(ascii: "0") {
                index += 1
            } else {
                skipDigits()
            }
            if peek == UInt8(ascii: ".") {
                index += 1
                guard skipDigits() > 0 else { throw fail("a number needs digits after '.'") }
            }
            if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
                index += 1
                if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
                guard skipDigits() > 0 else { throw fail("a number needs digits in its exponent") }
            }
            let length = index - start
            return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer in
                for offset in 0..<length { buffer[offset] = CChar(bitPattern: bytes[start + offset]) }
                buffer[length] = 0
                return strtod(buffer.baseAddress!, nil)
            }
        }

        @discardableResult
        mutating func skipDigits() -> Int {
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - start
        }
    }
}
