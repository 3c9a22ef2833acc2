/// The streaming byte-level state machine behind `CSVDatasetReader`.
///
/// Feed it chunks of any size with `consume(_:)`, then call `finish()`. It validates UTF-8 and
/// rejects NUL bytes as it goes, tracks the line and the character column, splits lines into
/// cells (RFC 4180 quotes, CRLF, LF or lone CR line ends, spaces around cells, blank lines) and
/// hands each finished cell to the row logic in `CSVDatasetParser+Rows.swift`, which appends
/// straight into the feature array. Memory is the data set plus one cell. Not thread-safe.
struct CSVDatasetParser {
    /// The longest cell accepted, in bytes; a longer one is an error rather than unbounded memory.
    static let maximumCellBytes = 4096

    enum CellState { case start, unquoted, quoted, quoteInQuoted, afterQuote }

    /// The file name used in error messages.
    let fileName: String
    /// 1-based line of the byte being read.
    var line = 1
    /// 1-based character column of the character being read; 0 before a line's first character.
    var column = 0

    var byteOrderMarkPending = true
    var byteOrderMarkMatched = 0
    var utf8ContinuationsExpected = 0
    var utf8Lower: UInt8 = 0x80
    var utf8Upper: UInt8 = 0xBF
    var pendingCarriageReturn = false

    var state = CellState.start
    var cell: [UInt8] = []
    var cellColumn = 1
    var cellQuoted = false
    var fieldIndex = 0
    var lineHasContent = false

    var headerNames: [String] = []
    var fieldCount = 0
    var firstCellColumn = 1
    var extraFieldColumn = 0
    /// Columns before the label (all of them when the file has no label column).
    var featureColumnCount = 0
    var features: [Double] = []
    /// One provisional label id per row (an index into `labelTable.keys`), mapped to classes at the end.
    var labels: [Int] = []
    var rowLabel = 0
    var labelTable = LabelTable()
    /// Whether labels are read as real targets (`--task regression`, or the first non-whole number).
    var readsTargets = false
    let options: CSVReadOptions

    init(fileName: String, options: CSVReadOptions = CSVReadOptions()) {
        self.fileName = fileName
        self.options = options
        readsTargets = options.task == .regression
        cell.reserveCapacity(64)
    }

    /// Reads one chunk of the file. O(chunk length).
    mutating func consume(_ bytes: UnsafeRawBufferPointer) throws(DatasetError) {
        var index = 0
        let count = bytes.count
        while byteOrderMarkPending && index < count {
            let byte = bytes[index]
            let expected: UInt8 = byteOrderMarkMatched == 0 ? 0xEF : byteOrderMarkMatched == 1 ? 0xBB : 0xBF
            if byte == expected {
                byteOrderMarkMatched += 1
                index += 1
                byteOrderMarkPending = byteOrderMarkMatched < 3
            } else if byteOrderMarkMatched == 0 {
                byteOrderMarkPending = false
            } else {
                throw invalid(line: 1, column: 1, "not a text file (invalid UTF-8)")
            }
        }
        while index < count {
            let byte = bytes[index]
            index += 1
            if byte < 0x80 && utf8ContinuationsExpected == 0 {
                if byte == 0 {
                    throw invalid(line: line, column: column + 1, "not a text file (NUL byte)")
                }
                if pendingCarriageReturn {
                    pendingCarriageReturn = false
                    if byte == 0x0A { continue }
                }
                column += 1
                try step(ascii: byte)
            } else {
                pendingCarriageReturn = false
                try validateUTF8(byte)
                try step(nonASCII: byte)
            }
        }
    }

    /// Checks one byte of a multi-byte UTF-8 sequence (RFC 3629: no overlongs, no surrogates,
    /// nothing above U+10FFFF) and advances the column at each sequence's first byte.
    private mutating func validateUTF8(_ byte: UInt8) throws(DatasetError) {
        if utf8ContinuationsExpected > 0 {
            guard byte >= utf8Lower && byte <= utf8Upper else {
                throw invalid(line: line, column: column, "not a text file (invalid UTF-8)")
            }
            utf8ContinuationsExpected -= 1
            utf8Lower = 0x80
            utf8Upper = 0xBF
            return
        }
        column += 1
        switch byte {
        case 0xC2...0xDF: utf8ContinuationsExpected = 1
        case 0xE0: utf8ContinuationsExpected = 2; utf8Lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: utf8ContinuationsExpected = 2
        case 0xED: utf8ContinuationsExpected = 2; utf8Upper = 0x9F
        case 0xF0: utf8ContinuationsExpected = 3; utf8Lower = 0x90
        case 0xF1...0xF3: utf8ContinuationsExpected = 3
        case 0xF4: utf8ContinuationsExpected = 3; utf8Upper = 0x8F
        default: throw invalid(line: line, column: column, "not a text file (invalid UTF-8)")
        }
    }

    /// Advances the cell state machine by one ASCII byte.
    @inline(__always)
    private mutating func step(ascii byte: UInt8) throws(DatasetError) {
        let comma: UInt8 = 0x2C, quote: UInt8 = 0x22, space: UInt8 = 0x20, tab: UInt8 = 0x09
        let lineFeed: UInt8 = 0x0A, carriageReturn: UInt8 = 0x0D
        switch state {
        case .start:
            switch byte {
            case space, tab: break
            case quote:
                lineHasContent = true
                cellQuoted = true
                cellColumn = column
                state = .quoted
            case comma:
                lineHasContent = true
                cellColumn = column
                try endCell()
            case lineFeed, carriageReturn:
                cellColumn = column
                try endLine(byte)
            default:
                lineHasContent = true
                cellColumn = column
                cell.append(byte)
                state = .unquoted
            }
        case .unquoted:
            switch byte {
            case comma: try endCell()
            case lineFeed, carriageReturn: try endLine(byte)
            default: try append(byte)
            }
        case .quoted:
            switch byte {
            case quote: state = .quoteInQuoted
            case lineFeed, carriageReturn:
                throw invalid(line: line, column: cellColumn, "quoted cell is not closed on its line")
            default: try append(byte)
            }
        case .quoteInQuoted:
            switch byte {
            case quote: try append(byte); state = .quoted
            case comma: try endCell()
            case lineFeed, carriageReturn: try endLine(byte)
            case space, tab: state = .afterQuote
            default: throw invalid(line: line, column: column, "unexpected text after a closing quote")
            }
        case .afterQuote:
            switch byte {
            case space, tab: break
            case comma: try endCell()
            case lineFeed, carriageReturn: try endLine(byte)
            default: throw invalid(line: line, column: column, "unexpected text after a closing quote")
            }
        }
    }

    /// Advances the cell state machine by one byte of a multi-byte character.
    private mutating func step(nonASCII byte: UInt8) throws(DatasetError) {
        switch state {
        case .start:
            lineHasContent = true
            cellColumn = column
            cell.append(byte)
            state = .unquoted
        case .unquoted, .quoted:
            try append(byte)
        case .quoteInQuoted, .afterQuote:
            throw invalid(line: line, column: column, "unexpected text after a closing quote")
        }
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) throws(DatasetError) {
        guard cell.count < Self.maximumCellBytes else {
            throw invalid(line: line, column: cellColumn, "cell is longer than \(Self.maximumCellBytes) bytes")
        }
        cell.append(byte)
    }

    /// Ends the current line at a CR or LF: finishes its last cell and its row, unless it is blank.
    private mutating func endLine(_ byte: UInt8) throws(DatasetError) {
        if lineHasContent {
            try endCell()
            try endRow()
        }
        pendingCarriageReturn = byte == 0x0D
        line += 1
        column = 0
        fieldIndex = 0
        lineHasContent = false
        state = .start
    }

    /// An `invalidData` error at a position of this file.
    func invalid(line: Int, column: Int, _ reason: String) -> DatasetError {
        .invalidData(file: fileName, line: line, column: column, reason: reason)
    }
}
