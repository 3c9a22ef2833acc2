import TerminalUI

extension Inspector {
    /// `lines` fitted to a `width` × `height` panel without cutting a number: a line too wide is
    /// broken at spaces (before `=` or `×` where it can be), its continuation indented four
    /// cells; when the lines then outnumber the rows, the last row says how many are not shown
    /// (`↓ 9 more lines: enlarge the window`). A single word wider than `width` is still cut.
    static func fitted(_ lines: [Line], width: Int, height: Int, ellipsis: String) -> [Line] {
        guard width > 0, height > 0 else { return [] }
        let wrapped = lines.flatMap { line in
            wrap(line.text, width: width, ellipsis: ellipsis).map { Line(text: $0, kind: line.kind) }
        }
        guard wrapped.count > height else { return wrapped }
        let hidden = wrapped.count - (height - 1)
        let notice = ["\(ellipsis) \(hidden) more lines: enlarge the window", "\(ellipsis) \(hidden) more lines"]
            .first { TextFit.width($0) <= width } ?? "\(ellipsis) \(hidden) more"
        return wrapped.prefix(height - 1) + [Line(text: TextFit.truncate(notice, to: width, ellipsis: ellipsis), kind: .note)]
    }

    /// `text` in lines of at most `width` cells, broken at spaces (runs of spaces kept), an
    /// operator that would end a line moved to the next one (with the name before an `=`). O(text).
    static func wrap(_ text: String, width: Int, ellipsis: String) -> [String] {
        guard TextFit.width(text) > width else { return [text] }
        var lines: [String] = []
        var current: [String] = []
        func joined(_ words: [String]) -> String { words.joined(separator: " ") }
        for word in text.components(separatedBy: " ") {
            if current.isEmpty || TextFit.width(joined(current + [word])) <= width || current.allSatisfy(\.isEmpty) {
                current.append(word)
                continue
            }
            var carried: [String] = []
            if let last = current.last, ["=", "×", "·", "+", "-", "−", "x", "*"].contains(last), current.count > 2 {
                carried = [current.removeLast()]
                // `E = 0.03`: the name goes with its value.
                if carried == ["="], current.count > 2, current.last?.first?.isLetter == true { carried.insert(current.removeLast(), at: 0) }
            }
            lines.append(joined(current))
            current = ["   "] + carried + [word]  // joined: four spaces in front
        }
        if !current.isEmpty { lines.append(joined(current)) }
        return lines.map { TextFit.width($0) <= width ? $0 : TextFit.truncate($0, to: width, ellipsis: ellipsis) }
    }
}
