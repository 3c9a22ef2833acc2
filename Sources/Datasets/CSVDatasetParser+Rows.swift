import MLPEngine

/// The row logic of `CSVDatasetParser`: the header, feature cells, labels and the final checks.
extension CSVDatasetParser {
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
        } else if fieldIndex < featureColumnCount {
            features.append(try featureValue())
        } else if fieldIndex == featureColumnCount && fieldIndex < fieldCount {
            rowLabel = try labelID()
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
        if readsTargets {
            return Dataset(name: Self.baseName(fileName), featureNames: Array(headerNames.prefix(featureColumnCount)),
                           features: features, targets: labels.map(RegressionTarget.value))
        }
        let classes = try resolveClasses()
        return Dataset(name: Self.baseName(fileName), featureNames: Array(headerNames.prefix(featureColumnCount)),
                       features: features, labels: labels, classCount: classes.count, classes: classes)
    }

    /// Whether the file had a label column (always, unless read for a model without one).
    var hasLabelColumn: Bool { featureColumnCount < fieldCount }

    /// Checks the header line: at least two columns, and names rather than numbers.
    private mutating func acceptHeader() throws(DatasetError) {
        guard headerNames.count >= 2 || options.inputColumnCount == 1 else {
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
        featureColumnCount = headerNames.count - 1
        if let inputs = options.inputColumnCount {
            guard headerNames.count == inputs || headerNames.count == inputs + 1 else {
                let named = options.inputColumnNames.map { " (\($0.joined(separator: ", ")))" } ?? ""
                throw invalid(line: line, column: firstCellColumn,
                              "the header has \(headerNames.count) columns but \(options.modelName) takes \(inputs) input "
                              + "columns\(named), then optionally the label")
            }
            featureColumnCount = inputs
        }
        for index in headerNames.indices where headerNames[index].isEmpty {
            headerNames[index] = index == featureColumnCount ? "label" : "x\(index + 1)"
        }
        if let names = options.inputColumnNames, Array(headerNames.prefix(featureColumnCount)) != names {
            throw invalid(line: line, column: firstCellColumn,
                          "the columns (\(headerNames.prefix(featureColumnCount).joined(separator: ", "))) are not the "
                          + "input columns \(options.modelName) was trained on (\(names.joined(separator: ", ")))")
        }
        fieldCount = headerNames.count
        if !hasLabelColumn { rowLabel = 0 }
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

    func parseCell() -> ParsedNumber {
        cell.withUnsafeBufferPointer { DecimalNumberParser.parse($0) }
    }

    /// The cell in double quotes for a message, shortened to 40 characters.
    func quotedCell() -> String {
        let text = String(decoding: cell, as: UTF8.self)
        let shown = text.count > 40 ? text.prefix(39) + "…" : Substring(text)
        return "\"\(shown)\""
    }

    /// The last path component, for the data set's display name.
    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
