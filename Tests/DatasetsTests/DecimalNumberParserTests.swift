@testable import Datasets
import Foundation
import MLPEngine
import Testing

/// The hand-written fast path must round exactly like `strtod`.
@Suite("Decimal number parser")
struct DecimalNumberParserTests {
    func parse(_ text: String) -> ParsedNumber {
        Array(text.utf8).withUnsafeBufferPointer { DecimalNumberParser.parse($0) }
    }

    @Test func shortestSpellingsRoundTrip() {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<20_000 {
            let value = Double(bitPattern: random.next())
            guard value.isFinite else { continue }
            #expect(parse(value.description) == .value(value), "\(value)")
        }
    }

    @Test func randomDecimalsMatchStrtod() {
        var random = SeededGenerator(seed: 12)
        for _ in 0..<20_000 {
            let digits = (0..<(1 + random.nextIndex(below: 24))).map { _ in String(random.nextIndex(below: 10)) }.joined()
            let point = random.nextIndex(below: digits.count + 1)
            var text = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
            if random.nextUnit() < 0.5 { text += "e\(random.nextIndex(below: 60) - 30)" }
            if random.nextUnit() < 0.3 { text = "-" + text }
            #expect(parse(text) == .value(strtod(text, nil)), "\(text)")
        }
    }

    @Test func edgeCases() {
        #expect(parse("9007199254740993") == .value(9007199254740992))
        #expect(parse("0.1") == .value(0.1))
        #expect(parse("1e22") == .value(1e22))
        #expect(parse("1e23") == .value(1e23))
        #expect(parse("-0") == .value(-0.0))
        #expect(parse("  2.5\t") == .value(2.5))
        #expect(parse("4.9e-324") == .value(Double.leastNonzeroMagnitude))
        #expect(parse("1e-400") == .value(0))
        #expect(parse("1e400") == .notFinite)
        #expect(parse("INF") == .notFinite)
        #expect(parse("+nan") == .notFinite)
        #expect(parse("nano") == .notNumber)
        #expect(parse("1.2.3") == .notNumber)
        #expect(parse("--1") == .notNumber)
        #expect(parse("1e+") == .notNumber)
        #expect(parse("") == .notNumber)
        #expect(parse("1 2") == .notNumber)
    }
}
