import Testing
import TerminalUI

/// Describes the first difference between `buffer`'s characters and `lines`, or nil when they match.
///
/// Sizes are compared first (`lines.count` rows, each as many scalars as the buffer is wide).
/// A difference names the cell: `cell (x: 3, y: 1): expected "a", got "b"`, followed by both
/// rows in full so the context is visible.
public func bufferMismatch(_ buffer: CellBuffer, lines: [String]) -> String? {
    if lines.count != buffer.height {
        return "buffer has \(buffer.height) rows, expected \(lines.count)\n" + render(buffer.lines)
    }
    let actual = buffer.lines
    for (row, expectedLine) in lines.enumerated() {
        let expected = Array(expectedLine.unicodeScalars)
        if expected.count != buffer.width {
            return "expected row \(row) is \(expected.count) cells wide, buffer is \(buffer.width)\n"
                + render(actual)
        }
        for column in 0..<buffer.width where buffer[column, row].character != expected[column] {
            return "cell (x: \(column), y: \(row)): expected \"\(expected[column])\", "
                + "got \"\(buffer[column, row].character)\"\n"
                + "expected row: \"\(expectedLine)\"\n     got row: \"\(actual[row])\"\n" + render(actual)
        }
    }
    return nil
}

/// Records an issue at the caller's line unless every cell of `buffer` shows the character at the
/// same place in `lines`.
///
/// `record` receives the issue (tests of this helper pass their own, to check the message and line
/// without a real failure); by default it is `Issue.record`.
public func expectBuffer(
    _ buffer: CellBuffer, lines: [String], sourceLocation: SourceLocation = #_sourceLocation,
    record: (Comment, SourceLocation) -> Void = { Issue.record($0, sourceLocation: $1) }
) {
    if let mismatch = bufferMismatch(buffer, lines: lines) {
        record(Comment(rawValue: mismatch), sourceLocation)
    }
}

/// Records an issue at the caller's line for each listed cell whose style differs from the one
/// expected (`cells` maps (x, y) to the style wanted).
public func expectStyles(
    _ buffer: CellBuffer, _ cells: [(x: Int, y: Int, style: CellStyle)],
    sourceLocation: SourceLocation = #_sourceLocation
) {
    for cell in cells where buffer[cell.x, cell.y].style != cell.style {
        Issue.record(
            Comment(rawValue: "style of cell (x: \(cell.x), y: \(cell.y)) '\(buffer[cell.x, cell.y].character)': expected \(cell.style), got \(buffer[cell.x, cell.y].style)"),
            sourceLocation: sourceLocation)
    }
}

/// Records an issue at the caller's line for each cell outside `area` that is not blank.
public func expectBlankOutside(
    _ area: Rect, in buffer: CellBuffer, sourceLocation: SourceLocation = #_sourceLocation
) {
    for row in 0..<buffer.height {
        for column in 0..<buffer.width where !area.contains(column: column, row: row) && buffer[column, row] != .blank {
            let message = "cell (x: \(column), y: \(row)) outside \(area) was drawn: "
                + "\"\(buffer[column, row].character)\"\n" + render(buffer.lines)
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
            return
        }
    }
}

/// The rows framed in quotes, one per line, for failure messages.
private func render(_ lines: [String]) -> String {
    lines.map { "  \"\($0)\"" }.joined(separator: "\n")
}
