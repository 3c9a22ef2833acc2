import TerminalUI
import Training

/// The confusion view (`c`): the training and test confusion matrices of the network on show,
/// side by side (stacked when narrow), rows the true classes and columns the predicted ones, each
/// row ending in the class's recall and a last row of each class's precision. Pure, like the
/// dashboard; the matrices come with the frame (`MonitorFrame.confusion`).
public struct ConfusionView: MonitorView {
    /// The dashboard, for the status bar and message line the views share.
    public var dashboard: Dashboard
    public var keyMap: KeyMap

    public init(dashboard: Dashboard, keyMap: KeyMap = .confusion) {
        self.dashboard = dashboard
        self.keyMap = keyMap
    }

    var theme: Theme { dashboard.theme }

    /// The smallest screen the view is drawn on.
    public static let minimumSize = (width: 40, height: 10)

    public func render(_ frame: MonitorFrame, into buffer: inout CellBuffer) {
        buffer.fill(buffer.area, with: .blank)
        guard buffer.width >= Self.minimumSize.width, buffer.height >= Self.minimumSize.height else {
            renderTooSmall(minimum: Self.minimumSize, view: frame.view, theme: theme, helpTitle: "Keys", into: &buffer)
            return
        }
        let rows = buffer.area.rows([.fixed(1), .fill, .fixed(1), .fixed(1)])
        dashboard.statusBar(for: frame.state, width: rows[0].width).render(in: rows[0], into: &buffer)
        let matrices = frame.confusion.map { [("Training set", $0.train), ("Test set", $0.test)] } ?? []
        if dashboard.run.isRegression {
            let inner = Panel(title: "Confusion matrices", theme: theme).draw(in: rows[1], into: &buffer)
            buffer.write("a regression has no classes to confuse: the status bar shows MSE and R2", x: inner.x, y: inner.y,
                         style: theme.muted, clip: inner)
        }
        let lines = matrices.map { Self.lines(of: $0.1) }
        let sideBySide = lines.count == 2
            && lines.allSatisfy { ($0.map(TextFit.width).max() ?? 0) + 4 <= rows[1].width / 2 }
        let areas = sideBySide ? rows[1].columns([.fill, .fill]) : rows[1].rows([.fill, .fill])
        // Both panels show the same classes: as many as the tighter of the two has room for.
        let classRows = matrices.enumerated().filter { $0.offset < areas.count }.map { index, entry in
            let inner = Panel(title: "", theme: theme).innerArea(of: areas[index])
            return Self.fit(lines[index], classCount: entry.1.classes.count, width: inner.width, height: inner.height,
                            ellipsis: theme.glyphs.ellipsis).classes
        }.min() ?? 0
        for (index, (name, matrix)) in matrices.enumerated() where index < areas.count {
            let accuracy = matrix.total == 0 ? "-" : Dashboard.percent(matrix.accuracy)
            let title = Self.title(name: name, total: matrix.total, accuracy: accuracy, width: areas[index].width)
            let inner = Panel(title: title, theme: theme).draw(in: areas[index], into: &buffer)
            let shown = Self.fitted(lines[index], classCount: matrix.classes.count, width: inner.width, height: inner.height,
                                    ellipsis: theme.glyphs.ellipsis, maxClasses: classRows)
            for (row, line) in shown.enumerated() {
                let style = row == 0 || row > matrix.classes.count ? theme.muted : theme.label
                buffer.write(line, x: inner.x, y: inner.y + row, style: style, clip: inner)
            }
        }
        if matrices.isEmpty, !dashboard.run.isRegression {
            let inner = Panel(title: "Confusion matrices", theme: theme).draw(in: rows[1], into: &buffer)
            buffer.write("no matrices yet", x: inner.x, y: inner.y, style: theme.muted, clip: inner)
        }
        dashboard.renderMessage(frame.state, view: frame.view, now: frame.now, in: rows[2], into: &buffer)
        KeyLegend(entries: keyMap.legendEntries, theme: theme).render(in: rows[3], into: &buffer)
        if frame.view.helpVisible {
            var help = HelpOverlay(title: "Keys", entries: keyMap.helpEntries, theme: theme)
            help.firstEntry = frame.view.helpScroll
            help.render(in: Rect(x: 0, y: 1, width: buffer.width, height: buffer.height - 1), into: &buffer)
        }
    }

    /// The matrix as text: a header of predicted class names, a row per true class with its
    /// counts and recall, then each class's precision. Numbers come from `ConfusionMatrix`.
    static func lines(of matrix: ConfusionMatrix) -> [String] {
        var table = matrix.tableLines
        guard !table.isEmpty else { return [] }
        let scores = matrix.perClass
        let width = table.map(\.count).max() ?? 0
        func pad(_ text: String) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        table[0] = pad(table[0]) + "  recall"
        for t in scores.indices where t + 1 < table.count {
            table[t + 1] = pad(table[t + 1]) + "  " + Dashboard.percent(scores[t].recall).leftPadded(to: 6)
        }
        let names = matrix.classes.allNames
        table.append("precision: " + zip(names, scores).map { "\($0.0) \(Dashboard.percent($0.1.precision))" }
            .joined(separator: ", "))
        return table
    }
}

extension String {
    /// The string with spaces in front, to at least `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
