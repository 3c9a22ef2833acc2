/// The row logic of `CSVDatasetParser`: the header, feature cells, labels and the final checks.
extension CSVDatasetParser {
    /// The largest class label accepted; a larger one is almost surely not a class number.
    static let largestLabel = 999
    /// The most columns a header may have; more is taken for a file that is not a data set.
    static let maximumColumns = 100_000

    /// Ends the current cell: a header name, a feature or the label, by its index in the row.
    mutating func endCell() throws(DatasetError) {
        defer {
            cell.removeAll(keepingCapacity: true)
            cellQuoted = false
            state = .start
            fieldIndex += 1
        }
        if !cellQuoted {
            while let last = cell.last, last == 0x20 || last == 0x09 { cell.removeLast() }
        }
        if fieldIndex == 0 { firstCellColumn = cellColumn }
        if fieldCount == 0 {
            guard headerNames.count < Self.maximumColumns else {
                throw invalid(line: line, column: cellColumn, "the header has more than \(Self.maximumColumns) columns")
            }
            headerNames.append(String(decoding: cell, as: UTF8.self))
        } else if fieldIndex < fieldCount - 1 {
            features.append(try featureValue())
        } else if fieldIndex == fieldCount - 1 {
            rowLabel = try labelValue()
        } else if fieldIndex == fieldCount {
            extraFieldColumn = cellColumn
        }
    }

    /// Ends a non-blank line: the header if none was read yet, else a data row.
    mutating func endRow() throws(DatasetError) {
        if fieldCount == 0 {
            try acceptHeader()
            return
        }
        guard fieldIndex == fieldCount else {
            let where_ = fieldIndex > fieldCount ? extraFieldColumn : column
            throw invalid(line: line, column: where_,
                          "expected \(fieldCount) fields as in the header, found \(fieldIndex)")
        }
        if rowLabel >= rowsPerClass.count {
            if rowsPerClass.isEmpty { firstLabelPosition = (line, cellColumn) }
            largestLabelPosition = (line, cellColumn)
            rowsPerClass.append(contentsOf: repeatElement(0, count: rowLabel + 1 - rowsPerClass.count))
        }
        rowsPerClass[rowLabel] += 1
        labels.append(rowLabel)
    }

    /// Reads the end of the input and returns the data set, or the first reason it is not one.
    mutating func finish() throws(DatasetError) -> Dataset {
        if byteOrderMarkPending && byteOrderMarkMatched > 0 || utf8ContinuationsExpected > 0 {
            throw invalid(line: line, column: max(column, 1), "not a text file (invalid UTF-8)")
        }
        if state == .quoted {
            throw invalid(line: line, column: cellColumn, "quoted cell is not closed on its line")
        }
        column += 1
        let endOfFile = (line: line, column: column)
        if lineHasContent {
            try endCell()
            try endRow()
        }
        guard fieldCount > 0 else { throw invalid(line: 1, column: 1, "empty file") }
        guard !labels.isEmpty else {
            throw invalid(line: endOfFile.line, column: endOfFile.column, "no data rows after the header")
        }
        let largest = rowsPerClass.count - 1
        if let missing = rowsPerClass.firstIndex(of: 0) {
            throw invalid(line: largestLabelPosition.line, column: largestLabelPosition.column,
                          "label \(largest) implies classes 0...\(largest), but no row has label \(missing)")
        }
        guard rowsPerClass.count >= 2 else {
            throw invalid(line: firstLabelPosition.line, column: firstLabelPosition.column,
                          "every row has label 0; a classification problem needs at least 2 classes")
        }
        return Dataset(name: Self.baseName(fileName), featureNames: Array(headerNames.dropLast()),
                       features: features, labels: labels, classCount: rowsPerClass.count)
    }

    /// Checks the header line: at least two columns, and names rather than numbers.
    private mutating func acceptHeader() throws(DatasetError) {
        guard headerNames.count >= 2 else {
            throw invalid(line: line, column: firstCellColumn,
                          "the header needs at least 2 columns (features, then the label), found 1")
        }
        let allNumbers = headerNames.allSatisfy { name in
            Array(name.utf8).withUnsafeBufferPointer { DecimalNumberParser.parse($0) != .notNumber }
        }
        if allNumbers {
            throw invalid(line: line, column: firstCellColumn,
                          "expected a header of column names, found only numbers")
        }
        for index in headerNames.indices where headerNames[index].isEmpty {
            headerNames[index] = index == headerNames.count - 1 ? "label" : "x\(index + 1)"
        }
        fieldCount = headerNames.count
    }

    /// The current cell as a finite feature value.
    private mutating func featureValue() throws(DatasetError) -> Double {
        switch parseCell() {
        case .value(let value): return value
        case .notFinite: throw invalid(line: line, column: cellColumn, "\(quotedCell()) is not a finite number")
        case .notNumber:
            if cell.isEmpty { throw invalid(line: line, column: cellColumn, "empty cell") }
            throw invalid(line: line, column: cellColumn, "\(quotedCell()) is not a number")
        }
    }

    /// The current cell as a class label: a whole number in 0...largestLabel.
    private mutating func labelValue() throws(DatasetError) -> Int {
        let value: Double
        switch parseCell() {
        case .value(let number): value = number
        case .notFinite, .notNumber:
            if cell.isEmpty { throw invalid(line: line, column: cellColumn, "empty label") }
            throw invalid(line: line, column: cellColumn, "label \(quotedCell()) is not a number")
        }
        guard value == value.rounded() else {
            throw invalid(line: line, column: cellColumn, "label \(quotedCell()) is not a whole number")
        }
        guard value >= 0 else {
            throw invalid(line: line, column: cellColumn, "label \(quotedCell()) is negative")
        }
        guard value <= Double(Self.largestLabel) else {
            throw invalid(line: line, column: cellColumn,
                          "label \(quotedCell()) is too large (at most \(Self.largestLabel))")
        }
        return Int(value)
    }

    private func parseCell() -> ParsedNumber {
        cell.withUnsafeBufferPointer { DecimalNumberParser.parse($0) }
    }

    /// The cell in double quotes for a message, shortened to 40 characters.
    private func quotedCell() -> String {
        let text = String(decoding: cell, as: UTF8.self)
        let shown = text.count > 40 ? text.prefix(39) + "…" : Substring(text)
        return "\"\(shown)\""
    }

    /// The last path component, for the data set's display name.
    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
