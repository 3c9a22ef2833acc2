import TerminalUI

extension MonitorView {
    /// The line under a view's too-small notice: its key back to the dashboard (from `keyMap`),
    /// help and quit, the keys that still work on a screen too small for the view.
    var tooSmallHint: String {
        let back = keyMap.bindings.first { $0.action == .toggleScreen || $0.action == .toggleConfusion }
        return (back.map { "\($0.label): \($0.description)  " } ?? "") + "?: help  q: quit"
    }

    /// Draws, instead of the view, that `buffer` is smaller than `minimum`, the keys that still
    /// work (`tooSmallHint`) and, when it is open, the help titled `helpTitle` over the whole
    /// screen: a view too small to draw still answers its way back, `?` and `q`.
    func renderTooSmall(
        minimum: (width: Int, height: Int), view: MonitorViewState, theme: Theme, helpTitle: String, into buffer: inout CellBuffer
    ) {
        TooSmallNotice(requiredWidth: minimum.width, requiredHeight: minimum.height, width: buffer.width, height: buffer.height,
                       theme: theme, hint: tooSmallHint)
            .render(in: buffer.area, into: &buffer)
        guard view.helpVisible else { return }
        var help = HelpOverlay(title: helpTitle, entries: keyMap.helpEntries, theme: theme)
        help.firstEntry = view.helpScroll
        help.render(in: buffer.area, into: &buffer)
    }
}
