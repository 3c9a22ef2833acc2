import MLPEngine

/// The label logic of `CSVDatasetParser`: label cells to provisional ids as rows stream in, then
/// ids to classes at the end (`ClassNames`' rule, or a model's classes).
extension CSVDatasetParser {
    /// The current cell as a provisional label id (see `LabelTable`).
    mutating func labelID() throws(DatasetError) -> Int {
        if cell.isEmpty { throw invalid(line: line, column: cellColumn, "empty label") }
        if readsTargets { return try targetWord() }
        let key: LabelTable.Key
        if case .names? = options.classes {
            // A model with named classes: every label is a name, even one that looks like a number.
            key = .name(String(decoding: cell, as: UTF8.self))
        } else {
            switch parseCell() {
            case .value(let value) where value == value.rounded():
                if options.classes == nil { try checkKind(isName: false) }
                guard let id = labelTable.id(ofNumber: value, line: line, column: cellColumn) else { throw tooManyClasses() }
                return id
            case .value(let value):
                guard options.classes == nil else { key = .name(String(decoding: cell, as: UTF8.self)); break }
                guard options.task == nil else {
                    throw invalid(line: line, column: cellColumn, "label \(quotedCell()) is not a whole number: class "
                                  + "labels are whole numbers or names (--task regression reads real-valued targets)")
                }
                try checkKind(isName: false)
                // The first non-whole number makes the file a regression problem: the labels so far
                // were numbers, and become the targets they spelled.
                let keys = labelTable.keys
                labels = labels.map { id in
                    if case .number(let v) = keys[id] { RegressionTarget.word(v) } else { 0 }
                }
                readsTargets = true
                return RegressionTarget.word(value)
            case .notFinite:
                throw invalid(line: line, column: cellColumn, "label \(quotedCell()) is not a finite number")
            case .notNumber:
                if options.classes == nil { try checkKind(isName: true) }
                key = .name(String(decoding: cell, as: UTF8.self))
            }
        }
        guard let id = labelTable.id(of: key, line: line, column: cellColumn) else { throw tooManyClasses() }
        return id
    }

    /// The current cell as a regression target's word (`RegressionTarget`).
    private func targetWord() throws(DatasetError) -> Int {
        switch parseCell() {
        case .value(let value): return RegressionTarget.word(value)
        case .notFinite:
            throw invalid(line: line, column: cellColumn, "target \(quotedCell()) is not a finite number")
        case .notNumber:
            throw invalid(line: line, column: cellColumn, "target \(quotedCell()) is not a number: a regression "
                          + "target is a real number")
        }
    }

    /// Labels must be all numbers or all names: the first label decides.
    private func checkKind(isName: Bool) throws(DatasetError) {
        guard let first = labelTable.keys.first else { return }
        let firstIsName: Bool
        if case .name = first { firstIsName = true } else { firstIsName = false }
        guard firstIsName != isName else { return }
        let firstLine = labelTable.positions[0].line
        throw invalid(line: line, column: cellColumn,
                      "label \(quotedCell()) is \(isName ? "a name" : "a number") but the first label "
                      + "(\(Self.spell(first)), line \(firstLine)) is \(firstIsName ? "a name" : "a number"): "
                      + "labels must be all numbers or all names")
    }

    private func tooManyClasses() -> DatasetError {
        invalid(line: line, column: cellColumn,
                "label \(quotedCell()) would be class \(LabelTable.maximumClasses + 1): at most "
                + "\(LabelTable.maximumClasses) classes")
    }

    /// The classes of the finished file, with `labels` rewritten from provisional ids to classes.
    mutating func resolveClasses() throws(DatasetError) -> ClassNames {
        let keys = labelTable.keys
        guard hasLabelColumn else { return options.classes ?? .indices(count: 2) }
        let classes: ClassNames
        var classOfKey: [Int]
        if let given = options.classes {
            classes = given
            classOfKey = []
            for (id, key) in keys.enumerated() {
                guard let k = Self.index(of: key, in: given) else {
                    let at = labelTable.positions[id]
                    throw invalid(line: at.line, column: at.column,
                                  "label \(Self.spell(key)) is not one of the classes of \(options.modelName) "
                                  + "(\(given.shortList))")
                }
                classOfKey.append(k)
            }
        } else {
            guard keys.count >= 2 else {
                let at = labelTable.positions[0]
                throw invalid(line: at.line, column: at.column,
                              "every row has label \(Self.spell(keys[0])); a classification problem needs at least 2 classes")
            }
            let numbers = keys.compactMap { key -> Double? in if case .number(let v) = key { v } else { nil } }
            classes = numbers.count == keys.count
                ? ClassNames.sorting(numbers: numbers)
                : ClassNames.sorting(names: keys.map { key in if case .name(let n) = key { n } else { "" } })
            classOfKey = keys.map { key in Self.index(of: key, in: classes) ?? 0 }
        }
        // Files labelled 0..K−1 in order of first appearance need no rewriting.
        if classOfKey != Array(0..<classOfKey.count) {
            classOfKey.withUnsafeBufferPointer { map in
                for row in labels.indices { labels[row] = map[labels[row]] }
            }
        }
        return classes
    }

    /// The class `key` stands for among `classes`, or nil.
    private static func index(of key: LabelTable.Key, in classes: ClassNames) -> Int? {
        switch (key, classes) {
        case let (.number(v), .indices(count)): v >= 0 && v < Double(count) ? Int(v) : nil
        case let (.number(v), .numbers(numbers)): numbers.firstIndex(of: v)
        case let (.name(n), .names(names)): names.firstIndex(of: n)
        default: nil
        }
    }

    /// A label for a message: `3`, or a name in double quotes.
    private static func spell(_ key: LabelTable.Key) -> String {
        switch key {
        case .number(let v): ClassNames.spell(v)
        case .name(let n): "\"\(n.count > 40 ? n.prefix(39) + "…" : Substring(n))\""
        }
    }
}
