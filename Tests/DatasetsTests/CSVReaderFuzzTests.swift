@testable import Datasets
import MLPEngine
import Testing

/// Random bytes and random mutations of valid files: the reader returns a valid data set or a
/// one-line error at a real position, and never crashes or hangs.
@Suite("CSV reader: fuzzing")
struct CSVReaderFuzzTests {
    static let validFile = Array("\u{FEFF}x1, \"x2\",label\r\n1.5,-2,0\r\n\n0.25,3e-2,1\r\n\"7\",8,2\r\n-0.5,.5,1".utf8)
    static let csvAlphabet = Array("0123456789,.-+eE\"\n\r \tnax".utf8) + [0, 0xC3, 0xA9, 0xEF, 0xBB, 0xBF, 0xFF]

    @Test func randomBytes() {
        var random = SeededGenerator(seed: 2024)
        var outcomes = (read: 0, rejected: 0)
        for _ in 0..<3000 {
            let length = random.nextIndex(below: 80)
            let biased = random.nextUnit() < 0.8
            let bytes = (0..<length).map { _ in
                biased ? Self.csvAlphabet[random.nextIndex(below: Self.csvAlphabet.count)] : UInt8(truncatingIfNeeded: random.next())
            }
            check(bytes, &outcomes)
        }
        #expect(outcomes.rejected > 2000)
    }

    @Test func mutationsOfAValidFile() {
        var random = SeededGenerator(seed: 7)
        var outcomes = (read: 0, rejected: 0)
        for _ in 0..<4000 {
            var bytes = Self.validFile
            for _ in 0..<(1 + random.nextIndex(below: 3)) {
                let position = random.nextIndex(below: bytes.count + 1)
                let byte = random.nextUnit() < 0.7
                    ? Self.csvAlphabet[random.nextIndex(below: Self.csvAlphabet.count)]
                    : UInt8(truncatingIfNeeded: random.next())
                switch random.nextIndex(below: 4) {
                case 0: bytes.insert(byte, at: position)
                case 1 where position < bytes.count: bytes[position] = byte
                case 2 where position < bytes.count: bytes.remove(at: position)
                default:
                    let end = min(bytes.count, position + random.nextIndex(below: 12))
                    bytes.insert(contentsOf: bytes[position..<end], at: position)
                }
            }
            check(bytes, &outcomes)
        }
        #expect(outcomes.read > 200, "some mutations stay valid")
        #expect(outcomes.rejected > 1000)
    }

    /// Checks the outcome of one read: a consistent data set, or an error at a plausible place.
    private func check(_ bytes: [UInt8], _ outcomes: inout (read: Int, rejected: Int)) {
        switch readCSV(bytes: bytes, name: "fuzz.csv") {
        case .success(let dataset):
            outcomes.read += 1
            // A fractional label makes a regression set (one "class"), else at least two classes.
            #expect(dataset.count > 0 && dataset.featureCount >= 1 && (dataset.isRegression || dataset.classCount >= 2))
            #expect(dataset.features.count == dataset.count * dataset.featureCount)
            #expect(dataset.features.allSatisfy { $0.isFinite })
            #expect(dataset.countsPerClass.allSatisfy { $0 > 0 })
        case .failure(let error):
            outcomes.rejected += 1
            guard case let .invalidData(file, line, column, reason) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            let lineCount = bytes.filter { $0 == 0x0A || $0 == 0x0D }.count + 1
            #expect(file == "fuzz.csv" && line >= 1 && line <= lineCount && column >= 1 && column <= bytes.count + 1)
            #expect(!reason.isEmpty && !error.description.contains("\n") && !error.description.contains("\r"))
            #expect(error.exitStatus == 65)
        }
    }
}
