import TerminalUI

/// How many colours the terminal can show, as the backend decided when it opened the screen.
public enum TerminalColorSupport: Hashable, Sendable, CustomStringConvertible {
    /// No colour: attributes (bold, reverse …) only. Also what `--no-color` and `NO_COLOR` give.
    case none
    /// The 8 basic ANSI colours; bright variants and palette indices are mapped down to them.
    case eight
    /// The xterm 256-colour palette.
    case full256

    /// The support a terminal reporting `colorCount` colours has (from ncurses' `COLORS`).
    public init(colorCount: Int) {
        switch colorCount {
        case 256...: self = .full256
        case 8...: self = .eight
        default: self = .none
        }
    }

    /// `none`, `8` or `256`.
    public var description: String {
        switch self {
        case .none: "none"
        case .eight: "8"
        case .full256: "256"
        }
    }

    /// The ncurses colour number for `color` on this terminal: -1 for the terminal's default,
    /// nil when the terminal has no colour at all.
    public func cursesColor(for color: TerminalColor) -> Int32? {
        switch (self, color) {
        case (.none, _): nil
        case (_, .terminalDefault): -1
        case (.full256, .ansi(let index)): Int32(index & 0x0F)
        case (.full256, .palette(let index)): Int32(index)
        case (.eight, .ansi(let index)): Int32(index & 0x07)
        case (.eight, .palette(let index)): Int32(Self.nearestBasicColor(toPaletteIndex: index))
        }
    }

    /// The nearest of the 8 basic ANSI colours (0 black … 7 white) to an xterm palette entry.
    ///
    /// 0–15 are the ANSI colours themselves (brights fold onto their base colour); 16–231 are the
    /// 6×6×6 colour cube; 232–255 the grey ramp. Compared by squared RGB distance against xterm's
    /// basic colours, each channel 0 or 205 (white is 229: xterm's "white" is light grey).
    public static func nearestBasicColor(toPaletteIndex index: UInt8) -> UInt8 {
        let rgb: (Int, Int, Int)
        switch index {
        case 0..<16:
            return index & 0x07
        case 16..<232:
            let cube = Int(index) - 16
            let levels = [0, 95, 135, 175, 215, 255]
            rgb = (levels[cube / 36], levels[(cube / 6) % 6], levels[cube % 6])
        default:
            let grey = 8 + 10 * (Int(index) - 232)
            rgb = (grey, grey, grey)
        }
        var best: UInt8 = 0
        var bestDistance = Int.max
        for candidate in UInt8(0)..<8 {
            let level = candidate == 7 ? 229 : 205
            let red = candidate & 1 != 0 ? level : 0
            let green = candidate & 2 != 0 ? level : 0
            let blue = candidate & 4 != 0 ? level : 0
            let distance = (rgb.0 - red) * (rgb.0 - red) + (rgb.1 - green) * (rgb.1 - green)
                + (rgb.2 - blue) * (rgb.2 - blue)
            if distance < bestDistance {
                bestDistance = distance
                best = candidate
            }
        }
        return best
    }
}
