import CNcursesw
import CTerminalRestore
import Glibc
import TerminalUI

/// The size of the terminal in character cells.
public struct TerminalSize: Hashable, Sendable, CustomStringConvertible {
    /// Width in cells.
    public var columns: Int
    /// Height in cells.
    public var rows: Int

    /// A size of `columns` × `rows` cells.
    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// `WxH`, e.g. `120x40`.
    public var description: String { "\(columns)x\(rows)" }
}

/// The full-screen terminal, through ncursesw: the only object in mlptop that writes to the screen
/// or reads keys.
///
/// **Not thread-safe, and not `Sendable`:** create it, draw with it, read keys from it and close it
/// on one thread (the main thread, in a synchronous command), because ncurses keeps global state.
/// Only one may be open at a time. `close()` restores the terminal; `deinit` calls it too.
public final class CursesTerminal {
    /// The current size of the screen; updated when `readKey` sees a resize.
    public private(set) var size: TerminalSize
    /// Whether non-ASCII glyphs (braille, blocks, box drawing) can be shown: the locale is UTF-8 and
    /// the caller did not ask for ASCII. When false, `draw` shows any non-ASCII cell as `?`.
    public let supportsUnicode: Bool
    /// The colours the terminal can show (`.none` when colour was turned off).
    public let colorSupport: TerminalColorSupport

    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    /// The last buffer copied to the screen, or nil when the next frame must be a full redraw.
    var lastDrawn: CellBuffer?
    /// Colour pairs by (foreground, background) ncurses colour numbers; pair 0 is the default pair.
    var colorPairs: [ColorPairKey: Int32] = [:]
    /// The attributes and colour pair last set on the screen, so they are only set when they change.
    var currentStyle: CellStyle?

    private init(screen: OpaquePointer, supportsUnicode: Bool, colorSupport: TerminalColorSupport) {
        self.screen = screen
        self.window = mlptop_stdscr()
        self.supportsUnicode = supportsUnicode
        self.colorSupport = colorSupport
        self.size = TerminalSize(columns: 0, rows: 0)
        self.size = measuredSize()
    }

    deinit {
        close()
    }

    /// Opens the full-screen UI on stdin/stdout, or throws `TerminalUnavailable` with a reason
    /// before touching the screen.
    ///
    /// Checks, in order: stdin and stdout are ttys; `TERM` is set; its terminfo entry loads and can
    /// address the cursor (`cup`; TERM=dumb cannot). Then picks a UTF-8 locale if it can (trying
    /// `C.UTF-8` when the environment's locale is not UTF-8), starts ncurses with `newterm`, and
    /// sets cbreak, noecho, keypad, a hidden cursor and a short Escape delay.
    /// Install `TerminationSignals` *before* calling this, so ncurses keeps the ignored dispositions.
    /// - Parameters:
    ///   - preferASCII: draw only ASCII even when the terminal could show Unicode.
    ///   - noColor: use no colour (`--no-color`, `NO_COLOR`).
    ///   - keysFromTerminal: read keys from the controlling terminal (`/dev/tty`) rather than
    ///     standard input, which then carries data (`mlptop watch -`).
    public static func open(
        preferASCII: Bool, noColor: Bool, keysFromTerminal: Bool = false
    ) throws(TerminalUnavailable) -> CursesTerminal {
        var input = STDIN_FILENO
        if keysFromTerminal {
            input = Glibc.open("/dev/tty", O_RDONLY | O_CLOEXEC)
            guard input >= 0 else { throw TerminalUnavailable(reason: "there is no controlling terminal to read keys from") }
        }
        guard isatty(input) == 1 else {
            if input != STDIN_FILENO { Glibc.close(input) }
            throw TerminalUnavailable(reason: "stdin is not a tty")
        }
        guard isatty(STDOUT_FILENO) == 1 else { throw TerminalUnavailable(reason: "stdout is not a tty") }
        guard let termPointer = getenv("TERM"), termPointer.pointee != 0 else {
            throw TerminalUnavailable(reason: "TERM is unset")
        }
        let term = String(cString: termPointer)
        var setupError: Int32 = 0
        switch mlptop_check_terminal(term, &setupError) {
        case 1:
            break
        case 0:
            throw TerminalUnavailable(reason: "TERM=\(term) cannot move the cursor")
        default:
            throw TerminalUnavailable(reason: setupError == -1
                ? "no terminfo database found for TERM=\(term)"
                : "TERM=\(term) is not a known terminal type")
        }
        let unicode = selectUTF8Locale() && !preferASCII
        guard let screen = input == STDIN_FILENO ? mlptop_newterm(term) : mlptop_newterm_input(term, input) else {
            throw TerminalUnavailable(reason: "ncurses could not start on TERM=\(term)")
        }
        cbreak()
        noecho()
        nonl()
        keypad(mlptop_stdscr(), true)
        mlptop_enable_mouse()
        set_escdelay(25)
        curs_set(0)
        var colorSupport = TerminalColorSupport.none
        if !noColor, has_colors(), start_color() == OK {
            if use_default_colors() != OK { assume_default_colors(7, 0) }
            colorSupport = TerminalColorSupport(colorCount: Int(mlptop_colors()))
        }
        let terminal = CursesTerminal(screen: screen, supportsUnicode: unicode, colorSupport: colorSupport)
        terminal.inputDescriptor = input
        Self.armCrashRestore()
        return terminal
    }

    /// Whether the terminal is still open (false after `close()`).
    public var isOpen: Bool { screen != nil }

    /// Whether the terminal has gone away (hung up); a frame loop should then end as on SIGHUP.
    public internal(set) var isHungUp = false
    /// Where keys come from: standard input, or the controlling terminal.
    var inputDescriptor = STDIN_FILENO

    /// Leaves the full-screen UI and restores the terminal as it was (cursor, modes, main screen),
    /// then frees ncurses' screen and terminal. Safe to call more than once.
    public func close() {
        guard let screen else { return }
        mlptop_terminal_restore_disarm()
        curs_set(1)
        endwin()
        delscreen(screen)
        mlptop_del_cur_term()
        self.screen = nil
        self.window = nil
        lastDrawn = nil
        colorPairs = [:]
        currentStyle = nil
    }

    /// The window all drawing goes to (stdscr), while open.
    var drawingWindow: UnsafeMutablePointer<WINDOW>? { window }

    /// The screen size as ncurses sees it now.
    func measuredSize() -> TerminalSize {
        guard let window else { return TerminalSize(columns: 0, rows: 0) }
        var rows: Int32 = 0
        var columns: Int32 = 0
        mlptop_getmaxyx(window, &rows, &columns)
        return TerminalSize(columns: Int(columns), rows: Int(rows))
    }

    /// Re-reads the size after a resize and makes the next frame a full redraw.
    func noteResize() {
        size = measuredSize()
        lastDrawn = nil
    }

    /// Sets the locale from the environment. A locale the user chose (LC_ALL, LC_CTYPE or LANG set
    /// and not empty) is respected: if it is not UTF-8 the screen is drawn in ASCII. With none set
    /// (cron, CI, a bare tmux pane) the C locale would garble every glyph, so C.UTF-8 is tried.
    /// Returns whether the locale in force is UTF-8.
    private static func selectUTF8Locale() -> Bool {
        setlocale(LC_ALL, "")
        if codesetIsUTF8() { return true }
        let chosen = ["LC_ALL", "LC_CTYPE", "LANG"].contains { name in
            guard let value = getenv(name) else { return false }
            return value.pointee != 0
        }
        if chosen { return false }
        guard setlocale(LC_ALL, "C.UTF-8") != nil else { return false }
        return codesetIsUTF8()
    }

    private static func codesetIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
