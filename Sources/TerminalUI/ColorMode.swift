/// How many colours the terminal can show, and so which colours a `Theme` may hand out.
public enum ColorMode: Hashable, Sendable, CaseIterable {
    /// No colour at all (NO_COLOR, monochrome terminals): styles use bold and reverse only.
    case none
    /// The eight ANSI colours, with bold for emphasis.
    case ansi8
    /// The xterm 256-colour palette: smooth ramps from the 6×6×6 cube and the grey ramp.
    case palette256
}

/// Colours from the xterm 256-colour palette, built from cube coordinates or grey levels.
enum XtermPalette {
    /// The 6×6×6 cube colour with components `red`, `green`, `blue` in 0…5 (clamped).
    static func cube(_ red: Int, _ green: Int, _ blue: Int) -> TerminalColor {
        let r = min(5, max(0, red)), g = min(5, max(0, green)), b = min(5, max(0, blue))
        return .palette(UInt8(16 + 36 * r + 6 * g + b))
    }

    /// The grey ramp colour at `level` in 0…23 (232 darkest … 255 lightest, clamped).
    static func grey(_ level: Int) -> TerminalColor {
        .palette(UInt8(232 + min(23, max(0, level))))
    }
}
