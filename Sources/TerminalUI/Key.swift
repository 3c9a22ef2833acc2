/// A key press as the monitor understands it, independent of any terminal library.
///
/// The curses backend turns raw key codes into these values; key maps and the help overlay work
/// only with `Key`. Control characters other than tab, enter, escape and backspace arrive as
/// `.control(letter)` (Ctrl-A is `.control("a")`).
public enum Key: Hashable, Sendable {
    /// A printable character other than space (letters, digits, punctuation, any non-ASCII scalar).
    case character(Character)
    /// The space bar.
    case space
    /// Tab.
    case tab
    /// Shift-Tab.
    case backTab
    /// Enter / Return.
    case enter
    /// Escape.
    case escape
    /// Backspace (or Delete on terminals that send DEL for it).
    case backspace
    /// The forward-delete key.
    case delete
    /// Arrow up.
    case up
    /// Arrow down.
    case down
    /// Arrow left.
    case left
    /// Arrow right.
    case right
    /// Page Up.
    case pageUp
    /// Page Down.
    case pageDown
    /// Home.
    case home
    /// End.
    case end
    /// A function key F1…F63, by number.
    case function(Int)
    /// A control chord, by its lower-case letter (Ctrl-L is `.control("l")`).
    case control(Character)
    /// The terminal changed size; read the new size from the backend.
    case resize
    /// A key code the backend could not name.
    case unknown(Int32)
    /// A mouse button or wheel, where the terminal reports them: the cell it happened at (0-based
    /// column and row of the screen).
    case mouse(MouseButton, column: Int, row: Int)
}

/// What the mouse did.
public enum MouseButton: Hashable, Sendable {
    /// The left button was pressed or clicked.
    case left
    /// The wheel turned up (away from the user).
    case wheelUp
    /// The wheel turned down.
    case wheelDown
}

extension Key: CustomStringConvertible {
    /// A short readable name, as the help overlay shows it (`q`, `Space`, `↑`, `F1`, `Ctrl-L`).
    public var description: String {
        switch self {
        case .character(let character): String(character)
        case .space: "Space"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .up: "↑"
        case .down: "↓"
        case .left: "←"
        case .right: "→"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .function(let number): "F\(number)"
        case .control(let letter): "Ctrl-\(String(letter).uppercased())"
        case .resize: "Resize"
        case .unknown(let code): "Key(\(code))"
        case .mouse(let button, let column, let row):
            "\(button == .left ? "click" : button == .wheelUp ? "wheel up" : "wheel down") at \(column),\(row)"
        }
    }
}

extension Key {
    /// The key for one Unicode scalar as a terminal sends it: control characters become their
    /// named keys or `.control`, space becomes `.space`, anything else `.character`.
    public init(scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x09: self = .tab
        case 0x0A, 0x0D: self = .enter
        case 0x1B: self = .escape
        case 0x08, 0x7F: self = .backspace
        case 0x20: self = .space
        case 0x01...0x1A:
            self = .control(Character(Unicode.Scalar(UInt8(scalar.value) + 0x60)))
        case 0x00...0x1F: self = .unknown(Int32(scalar.value))
        default: self = .character(Character(scalar))
        }
    }
}
