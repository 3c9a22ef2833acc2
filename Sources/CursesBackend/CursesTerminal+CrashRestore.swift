import CNcursesw
import CTerminalRestore

extension CursesTerminal {
    /// Prepares what a crash writes before the process dies: this terminal's own sequences for
    /// attributes off (sgr0), the cursor shown (cnorm) and the main screen back (rmcup), mouse
    /// reporting off, and a new line — so a Swift runtime trap leaves a usable shell behind.
    static func armCrashRestore() {
        var text = ""
        for capability in ["sgr0", "cnorm", "rmcup"] {
            guard let value = capability.withCString({ tigetstr(UnsafeMutablePointer(mutating: $0)) }),
                  Int(bitPattern: value) != -1 else { continue }
            text += String(cString: value)
        }
        text += "\u{1b}[?1000l\u{1b}[?1002l\u{1b}[?1006l\r\n"
        mlptop_terminal_restore_arm(text)
    }
}
