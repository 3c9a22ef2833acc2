import TerminalUI
import Training

extension ConfusionView {
    /// The panel title for the set called `name` with `total` samples at `accuracy`, the longest
    /// that fits a panel `width` wide: `Training set: 800 samples, accuracy 95.0%`, then
    /// `Training set: 800, acc. 95.0%`, then `Training: 95.0%` (the border and padding take 6).
    static func title(name: String, total: Int, accuracy: String, width: Int) -> String {
        let short = name.split(separator: " ").first.map(String.init) ?? name
        let candidates = ["\(name): \(total) samples, accuracy \(accuracy)", "\(name): \(total), acc. \(accuracy)",
                          "\(short): \(accuracy)"]
        return candidates.first { TextFit.width($0) <= width - 6 } ?? candidates[candidates.count - 1]
    }

    /// The matrix's lines (`lines(of:)`, `classCount` class rows after the header, the precision
    /// line last) cut to `width` × `height` without hiding anything silently: the precision line
    /// wraps at its commas; predicted-class columns that do not fit whole are dropped from the
    /// right (recall stays), and rows that do not fit, or past `maxClasses`, are left out, the last
    /// line then saying what is not shown (`… 3 more classes, 2 more columns: enlarge the window`).
    static func fitted(
        _ lines: [String], classCount: Int, width: Int, height: Int, ellipsis: String, maxClasses: Int = .max
    ) -> [String] {
        fit(lines, classCount: classCount, width: width, height: height, ellipsis: ellipsis, maxClasses: maxClasses).lines
    }

    /// `fitted`'s lines and how many class rows they show.
    static func fit(
        _ lines: [String], classCount: Int, width: Int, height: Int, ellipsis: String, maxClasses: Int = .max
    ) -> (lines: [String], classes: Int) {
        guard lines.count >= classCount + 2, width > 0, height > 0 else { return ([], 0) }
        let table = Array(lines.prefix(classCount + 1))
        let precision = wrap(lines[classCount + 1], width: width)
        // Each column of the table ends where its right-aligned numbers end in a class row.
        let spans = columnSpans(of: table[1], count: classCount + 1)
        let (cutTable, hiddenColumns) = cutColumns(table, spans: spans, width: width)
        if hiddenColumns == 0, maxClasses >= classCount, cutTable.count + precision.count <= height {
            return (cutTable + precision, classCount)
        }
        // The last line says what is not shown; the rows before it show what fits, in order.
        let room = height - 1
        var body = cutTable + precision
        var hiddenClasses = 0, precisionHidden = false
        if room < body.count || maxClasses < classCount {
            precisionHidden = true
            let keptClasses = min(classCount, max(0, room - 1), max(0, maxClasses))
            hiddenClasses = classCount - keptClasses
            body = room == 0 ? [] : Array(cutTable.prefix(1 + keptClasses))
        }
        var parts: [String] = []
        if hiddenClasses > 0 { parts.append("\(hiddenClasses) more \(hiddenClasses == 1 ? "class" : "classes")") }
        if hiddenColumns > 0 { parts.append("\(hiddenColumns) more \(hiddenColumns == 1 ? "column" : "columns")") }
        if precisionHidden, hiddenClasses == 0 { parts.append("precision") }
        let said = parts.joined(separator: ", ")
        let notice = ["\(ellipsis) \(said): enlarge the window", "\(ellipsis) \(said) not shown", "\(ellipsis) \(said)"]
            .first { TextFit.width($0) <= width } ?? "\(ellipsis) \(said)"
        return (body + [TextFit.truncate(notice, to: width, ellipsis: ellipsis)], classCount - hiddenClasses)
    }

    /// The table's lines with the predicted-class columns that do not fit `width` dropped, and how
    /// many were dropped. `spans` are the count columns then recall, as `columnSpans` gives them.
    ///
    /// The rightmost predicted-class columns go first and recall stays: a class's recall sums up
    /// its whole row (the dropped cells included) in one number, while a dropped count column is
    /// one cell of each row. When not even one count column fits beside recall, recall goes too.
    static func cutColumns(_ table: [String], spans: [Range<Int>], width: Int) -> (table: [String], hidden: Int) {
        guard let lineEnd = spans.last?.upperBound, lineEnd > width else { return (table, 0) }
        let counts = spans.dropLast()
        // Recall's block: from the end of the last count column (its gap included) to the line's end.
        let recallStart = counts.last?.upperBound ?? lineEnd
        let recallWidth = lineEnd - recallStart
        let kept = counts.filter { $0.upperBound + recallWidth <= width }.count
        if kept > 0 {
            let cut = counts[counts.startIndex + kept - 1].upperBound
            let cutTable = table.map { line in
                let scalars = Array(line.unicodeScalars)
                let head = String(String.UnicodeScalarView(scalars.prefix(cut)))
                let tail = scalars.count > recallStart ? String(String.UnicodeScalarView(scalars[recallStart...])) : ""
                return head + tail
            }
            return (cutTable, counts.count - kept)
        }
        let shown = spans.filter { $0.upperBound <= width }.count
        let cut = shown > 0 ? spans[shown - 1].upperBound : min(width, spans.first?.lowerBound ?? width)
        return (table.map { String($0.unicodeScalars.prefix(cut)) }, spans.count - shown)
    }

    /// The cells of each of the last `count` space-separated words of `line`, left to right.
    static func columnSpans(of line: String, count: Int) -> [Range<Int>] {
        let scalars = Array(line.unicodeScalars)
        var spans: [Range<Int>] = []
        var index = scalars.count
        while spans.count < count, index > 0 {
            while index > 0, scalars[index - 1] == " " { index -= 1 }
            guard index > 0 else { break }
            let end = index
            while index > 0, scalars[index - 1] != " " { index -= 1 }
            spans.append(index..<end)
        }
        return spans.reversed()
    }

    /// `text` broken after its commas into lines of at most `width` cells (a longer part is cut).
    static func wrap(_ text: String, width: Int) -> [String] {
        let parts = text.components(separatedBy: ", ")
        var lines: [String] = []
        var current = ""
        for (index, part) in parts.enumerated() {
            let comma = index < parts.count - 1 ? "," : ""
            if current.isEmpty {
                current = part + comma
            } else if TextFit.width(current + " " + part + comma) <= width {
                current += " " + part + comma
            } else {
                lines.append(current)
                current = part + comma
            }
        }
        lines.append(current)
        return lines.map { String($0.unicodeScalars.prefix(width)) }
    }
}
