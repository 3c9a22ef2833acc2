import CNcursesw
import Glibc
import TerminalUI

/// A colour pair by its ncurses foreground and background colour numbers (-1 = default).
struct ColorPairKey: Hashable {
    var foreground: Int32
    var background: Int32
}

extension CursesTerminal {
    /// Shows `buffer` on the screen: copies only the cells that changed since the last frame (all of
    /// them after a resize or a size change), then refreshes once.
    ///
    /// Cells beyond the screen are clipped. Attributes and colour pairs are set only when the style
    /// changes. A cell whose scalar is not one column wide (control characters, wide CJK), or is
    /// non-ASCII while `supportsUnicode` is false, is shown as `?`. O(changed cells).
    public func draw(_ buffer: CellBuffer) {
        guard isOpen, drawingWindow != nil else { return }
        let runs: [CellRun]
        if let lastDrawn, lastDrawn.width == buffer.width, lastDrawn.height == buffer.height {
            runs = ScreenDiff.runs(from: lastDrawn, to: buffer)
        } else {
            erase()
            runs = ScreenDiff.fullRedraw(of: buffer)
        }
        let screenSize = size
        var text: [wchar_t] = []
        text.reserveCapacity(screenSize.columns + 1)
        for run in runs where run.row < screenSize.rows && run.column < screenSize.columns {
            let visible = run.cells.prefix(screenSize.columns - run.column)
            var segmentColumn = run.column
            var column = run.column
            for cell in visible {
                if cell.style != currentStyle {
                    write(&text, row: run.row, column: segmentColumn)
                    apply(cell.style)
                    segmentColumn = column
                }
                text.append(displayable(cell.character))
                column += 1
            }
            write(&text, row: run.row, column: segmentColumn)
        }
        refresh()
        lastDrawn = buffer
    }

    /// Forgets what is on screen so the next `draw` repaints every cell (after something else wrote
    /// to the terminal, for example).
    public func invalidate() {
        lastDrawn = nil
    }

    /// Writes the pending wide characters at `row`, `column` and empties `text`.
    private func write(_ text: inout [wchar_t], row: Int, column: Int) {
        guard !text.isEmpty else { return }
        let count = Int32(text.count)
        text.append(0)
        text.withUnsafeBufferPointer { characters in
            // Writing the bottom-right cell returns ERR (the cursor cannot advance) after drawing it.
            _ = mvaddnwstr(Int32(row), Int32(column), characters.baseAddress, count)
        }
        text.removeAll(keepingCapacity: true)
    }

    /// Makes `style` the current attributes and colour pair.
    private func apply(_ style: CellStyle) {
        var attributes = mlptop_attr_normal()
        if style.attributes.contains(.bold) { attributes |= mlptop_attr_bold() }
        if style.attributes.contains(.dim) { attributes |= mlptop_attr_dim() }
        if style.attributes.contains(.reverse) { attributes |= mlptop_attr_reverse() }
        if style.attributes.contains(.underline) { attributes |= mlptop_attr_underline() }
        _ = mlptop_attr_set(attributes, colorPair(foreground: style.foreground, background: style.background))
        currentStyle = style
    }

    /// The ncurses colour pair for two colours, allocated once and cached; 0 without colour.
    private func colorPair(foreground: TerminalColor, background: TerminalColor) -> Int32 {
        guard let fg = colorSupport.cursesColor(for: foreground),
              let bg = colorSupport.cursesColor(for: background) else { return 0 }
        let key = ColorPairKey(foreground: fg, background: bg)
        if let pair = colorPairs[key] { return pair }
        let allocated = (fg == -1 && bg == -1) ? 0 : alloc_pair(fg, bg)
        let pair = allocated < 0 ? 0 : allocated
        colorPairs[key] = pair
        return pair
    }

    /// The wide character to show for `scalar`: itself when it takes exactly one column, else `?`.
    private func displayable(_ scalar: Unicode.Scalar) -> wchar_t {
        if scalar.isASCII {
            return scalar.value >= 0x20 && scalar.value < 0x7F ? wchar_t(scalar.value) : wchar_t(0x3F)
        }
        guard supportsUnicode, mlptop_wcwidth(wchar_t(scalar.value)) == 1 else { return wchar_t(0x3F) }
        return wchar_t(scalar.value)
    }
}
