/// A terminal colour, named independently of how many colours the terminal can show.
///
/// Widgets choose colours through a `Theme`; the backend maps `.palette` indices down to what the
/// terminal supports.
public enum TerminalColor: Hashable, Sendable {
    /// The terminal's own default foreground or background.
    case terminalDefault
    /// One of the 16 ANSI colours (0 black … 7 white, 8–15 bright variants).
    case ansi(UInt8)
    /// An xterm 256-colour palette index (16–231 colour cube, 232–255 greys).
    case palette(UInt8)
}

/// Text attributes of a cell.
public struct CellAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = CellAttributes(rawValue: 1 << 0)
    public static let dim = CellAttributes(rawValue: 1 << 1)
    public static let reverse = CellAttributes(rawValue: 1 << 2)
    public static let underline = CellAttributes(rawValue: 1 << 3)
}

/// Colours and attributes of one cell.
public struct CellStyle: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: CellAttributes

    public init(
        foreground: TerminalColor = .terminalDefault,
        background: TerminalColor = .terminalDefault,
        attributes: CellAttributes = []
    ) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's default look: default colours, no attributes.
    public static let plain = CellStyle()
}

/// One character cell of the screen: a single-column Unicode scalar and its style.
public struct Cell: Hashable, Sendable {
    public var character: Unicode.Scalar
    public var style: CellStyle

    public init(_ character: Unicode.Scalar = " ", style: CellStyle = .plain) {
        self.character = character
        self.style = style
    }

    /// A space in the default style.
    public static let blank = Cell()
}
