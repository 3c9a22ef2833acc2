#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a CSV cell holds when read as a number.
enum ParsedNumber: Equatable {
    /// A finite value, correctly rounded to the nearest `Double`.
    case value(Double)
    /// The cell is a spelling of NaN or infinity, or a decimal too large for a `Double`.
    case notFinite
    /// The cell is not a decimal number.
    case notNumber
}

/// Reads decimal numbers (`[+-]digits[.digits][e[+-]digits]`) from bytes, exactly rounded.
///
/// Short numbers (at most 19 significant digits that fit in 2⁵³, decimal exponent within ±22) take
/// Clinger's fast path: both the significand and the power of ten are exact doubles, so one IEEE
/// multiply or divide rounds correctly. Anything else goes through `strtod` (correctly rounded in
/// glibc) on a NUL-terminated copy in stack memory. Stateless.
enum DecimalNumberParser {
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Parses `bytes` after trimming spaces and tabs at both ends. O(length).
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> ParsedNumber {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard start < end else { return .notNumber }

        var index = start
        var negative = false
        if bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        if Self.spellsNonFinite(bytes, from: index, to: end) { return .notFinite }

        var significand: UInt64 = 0
        var significantDigits = 0
        var digitCount = 0
        var decimalExponent = 0
        while index < end, let digit = Self.digit(bytes[index]) {
            Self.accumulate(digit, into: &significand, digits: &significantDigits, dropped: &decimalExponent)
            digitCount += 1
            index += 1
        }
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < end, let digit = Self.digit(bytes[index]) {
                var dropped = 0
                Self.accumulate(digit, into: &significand, digits: &significantDigits, dropped: &dropped)
                if dropped == 0 { decimalExponent -= 1 }
                digitCount += 1
                index += 1
            }
        }
        guard digitCount > 0 else { return .notNumber }
        if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < end, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            var exponent = 0
            var exponentDigits = 0
            while index < end, let digit = Self.digit(bytes[index]) {
                exponent = min(exponent * 10 + digit, 1_000_000)
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return .notNumber }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        guard index == end else { return .notNumber }

        if significand == 0 { return .value(negative ? -0.0 : 0.0) }
        if significantDigits <= 19, significand <= 1 << 53, abs(decimalExponent) <= 22 {
            let magnitude = decimalExponent >= 0
                ? Double(significand) * Self.exactPowersOfTen[decimalExponent]
                : Double(significand) / Self.exactPowersOfTen[-decimalExponent]
            return .value(negative ? -magnitude : magnitude)
        }
        return slowParse(bytes, from: start, to: end)
    }

    /// Correctly rounded conversion of an already validated decimal through `strtod`.
    private static func slowParse(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> ParsedNumber {
        let length = end - start
        let value = withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer -> Double in
            for offset in 0..<length { buffer[offset] = CChar(bitPattern: bytes[start + offset]) }
            buffer[length] = 0
            return strtod(buffer.baseAddress!, nil)
        }
        return value.isFinite ? .value(value) : .notFinite
    }

    /// Adds one digit to the significand, skipping leading zeros; digits past the 19th are
    /// counted in `dropped` (they scale the value by ten each) and force the slow path.
    @inline(__always)
    private static func accumulate(_ digit: Int, into significand: inout UInt64, digits: inout Int, dropped: inout Int) {
        if significand == 0 && digit == 0 && digits == 0 { return }
        if digits < 19 {
            significand = significand * 10 + UInt64(digit)
        } else {
            dropped += 1
        }
        digits += 1
    }

    @inline(__always)
    private static func digit(_ byte: UInt8) -> Int? {
        byte >= 0x30 && byte <= 0x39 ? Int(byte - 0x30) : nil
    }

    /// Whether `bytes[from..<to]` spells `nan`, `inf` or `infinity`, in any letter case.
    private static func spellsNonFinite(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        guard from < to, bytes[from] | 0x20 == UInt8(ascii: "n") || bytes[from] | 0x20 == UInt8(ascii: "i") else {
            return false
        }
        func spells(_ word: StaticString) -> Bool {
            guard to - from == word.utf8CodeUnitCount else { return false }
            let letters = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
            for offset in 0..<letters.count where bytes[from + offset] | 0x20 != letters[offset] { return false }
            return true
        }
        return spells("nan") || spells("inf") || spells("infinity")
    }
}
