/// Why the terminal cannot show a full-screen UI: thrown by `CursesTerminal.open` before anything
/// has been written to the screen, so the caller can print a one-line message and carry on.
public struct TerminalUnavailable: Error, Equatable, CustomStringConvertible {
    /// What is wrong, e.g. `stdout is not a tty`, `TERM is unset`, `TERM=dumb cannot move the cursor`.
    public let reason: String

    /// An error with the given reason.
    public init(reason: String) {
        self.reason = reason
    }

    /// `not a terminal (<reason>)`.
    public var description: String { "not a terminal (\(reason))" }
}
