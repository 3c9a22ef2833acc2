import CNcursesw
import Glibc
import TerminalUI

extension CursesTerminal {
    /// Waits up to `timeoutMilliseconds` for a key and returns it, or nil when none came in time.
    ///
    /// A terminal resize arrives as `.resize`, after `size` has been updated and the next `draw`
    /// marked as a full redraw. A negative timeout waits forever; 0 only polls.
    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard isOpen else { return nil }
        timeout(Int32(clamping: timeoutMilliseconds))
        var character: wint_t = 0
        switch get_wch(&character) {
        case OK:
            guard let scalar = Unicode.Scalar(UInt32(character)) else { return .unknown(Int32(bitPattern: character)) }
            return Key(scalar: scalar)
        case KEY_CODE_YES:
            let code = Int32(bitPattern: character)
            if code == KEY_RESIZE { noteResize() }
            if code == mlptop_key_mouse() {
                var column: Int32 = 0, row: Int32 = 0
                switch mlptop_read_mouse(&column, &row) {
                case 1: return .mouse(.left, column: Int(column), row: Int(row))
                case 4: return .mouse(.wheelUp, column: Int(column), row: Int(row))
                case 5: return .mouse(.wheelDown, column: Int(column), row: Int(row))
                default: return .unknown(code)
                }
            }
            return Self.key(forKeyCode: code)
        default:
            // A timeout, or the terminal is gone (its emulator closed without a SIGHUP reaching us):
            // then every read fails at once and the foreground group can no longer be asked for.
            if tcgetpgrp(inputDescriptor) < 0, errno == EIO || errno == ENOTTY || errno == ENXIO {
                isHungUp = true
            }
            return nil
        }
    }

    /// The `Key` for an ncurses key code (`KEY_UP`, `KEY_F(1)`, …).
    static func key(forKeyCode code: Int32) -> Key {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_BTAB: .backTab
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_RESIZE: .resize
        case mlptop_key_f(1)...mlptop_key_f(63): .function(Int(code - mlptop_key_f(0)))
        default: .unknown(code)
        }
    }
}
