import TerminalUI

/// Themes the tests draw with.
enum TestThemes {
    static let plainUnicode = Theme(colorMode: .none, glyphs: .unicode)
    static let plainASCII = Theme(colorMode: .none, glyphs: .ascii)
    static let ansiUnicode = Theme(colorMode: .ansi8, glyphs: .unicode)
    static let paletteUnicode = Theme(colorMode: .palette256, glyphs: .unicode)
    static let all: [Theme] = [
        plainUnicode, plainASCII, ansiUnicode, paletteUnicode, Theme(colorMode: .ansi8, glyphs: .ascii),
    ]
}

extension CellBuffer {
    /// A buffer with `widget` drawn over all of it.
    static func drawing(_ widget: some Widget, width: Int, height: Int) -> CellBuffer {
        var buffer = CellBuffer(width: width, height: height)
        widget.render(in: buffer.area, into: &buffer)
        return buffer
    }
}
