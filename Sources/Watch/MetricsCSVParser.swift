/// Reads a Lightning-style `metrics.csv`: a header, then one row per logged step or epoch, with
/// empty cells where a row did not log that metric.
///
/// Columns `epoch` and `step` place a row (with only `step`, the step is the epoch); every other
/// column is a metric named by `MetricName.canonical`. Quoted cells (RFC 4180) are read; a cell
/// that is not a number (or empty) is a bad row.
public struct MetricsCSVParser {
    /// The metric each column holds, in order; nil for `epoch` and `step`.
    public private(set) var columns: [String] = []
    private var epochColumn: Int?
    private var stepColumn: Int?

    public init() {}

    /// Whether the header has been read.
    public var hasHeader: Bool { !columns.isEmpty }

    /// Reads the header line. Throws when it names neither `epoch` nor `step`.
    public mutating func readHeader(_ line: some Collection<UInt8>) throws(WatchLineParser.Failure) {
        let names = try Self.cells(of: line).map { $0.trimmed }
        columns = names
        epochColumn = names.firstIndex(of: "epoch")
        stepColumn = names.firstIndex(of: "step")
        guard epochColumn != nil || stepColumn != nil else {
            columns = []
            throw WatchLineParser.Failure(reason: "the header has no \"epoch\" or \"step\" column")
        }
    }

    /// The record in one data row (nil for a row with no metric in it).
    public func record(_ line: some Collection<UInt8>) throws(WatchLineParser.Failure) -> WatchRecord? {
        let cells = try Self.cells(of: line)
        guard cells.count == columns.count else {
            throw WatchLineParser.Failure(reason: "\(cells.count) cells, but the header has \(columns.count)")
        }
        func number(_ index: Int) throws(WatchLineParser.Failure) -> Double? {
            let text = cells[index].trimmed
            if text.isEmpty { return nil }
            guard let value = Double(text) else {
                throw WatchLineParser.Failure(reason: "column \"\(columns[index])\": \"\(text)\" is not a number")
            }
            return value
        }
        func whole(_ index: Int?) throws(WatchLineParser.Failure) -> Int? {
            guard let index, let value = try number(index) else { return nil }
            guard value == value.rounded(), abs(value) < 9e15 else {
                throw WatchLineParser.Failure(reason: "column \"\(columns[index])\": \(value) is not a whole number")
            }
            return Int(value)
        }
        let step = try whole(stepColumn)
        guard let epoch = try whole(epochColumn) ?? step else { return nil }
        var record = WatchRecord(epoch: epoch, step: step)
        var any = false
        for index in columns.indices where index != epochColumn && index != stepColumn {
            if let value = try number(index) {
                let name = MetricName.canonical(columns[index])
                // An accuracy is a fraction (NaN, the cell's non-finite value, is kept as JSONL's null is).
                if name == "train_accuracy" || name == "test_accuracy", !value.isNaN, !(0...1).contains(value) {
                    throw WatchLineParser.Failure(
                        reason: "column \"\(columns[index])\": \(value) is outside 0…1 (an accuracy is a fraction)")
                }
                record.set(name, value)
                any = true
            }
        }
        return any ? record : nil
    }

    /// The cells of one CSV line.
    static func cells(of line: some Collection<UInt8>) throws(WatchLineParser.Failure) -> [String] {
        var cells: [String] = []
        var current: [UInt8] = []
        var quoted = false, wasQuoted = false
        var iterator = Array(line).makeIterator()
        var pending: UInt8? = iterator.next()
        while let byte = pending {
            pending = iterator.next()
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if pending == UInt8(ascii: "\"") { current.append(byte); pending = iterator.next() } else { quoted = false }
                } else {
                    current.append(byte)
                }
            } else if byte == UInt8(ascii: ",") {
                cells.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
                wasQuoted = false
            } else if byte == UInt8(ascii: "\""), current.isEmpty, !wasQuoted {
                quoted = true
                wasQuoted = true
            } else {
                current.append(byte)
            }
        }
        guard !quoted else { throw WatchLineParser.Failure(reason: "a quoted cell is not closed") }
        cells.append(String(decoding: current, as: UTF8.self))
        return cells
    }
}

extension String {
    var trimmed: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return String(text)
    }
}
