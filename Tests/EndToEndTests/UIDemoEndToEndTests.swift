import Foundation
import Testing
import TestSupport

/// The built `mlptop` binary, next to the test binary.
private func mlptopPath() throws -> String {
    try #require(ProcessRunner.builtProduct(named: "mlptop"), "mlptop binary not found next to the test binary")
}

/// Starts `mlptop ui-demo` with `arguments` in a fresh 120×40 tmux session.
private func startDemo(
    _ arguments: [String] = [], environment: [String: String] = [:], stdoutPath: String? = nil
) throws -> TmuxSession {
    try TmuxSession(
        command: [try mlptopPath(), "ui-demo"] + arguments, environment: environment, stdoutPath: stdoutPath)
}

/// The frame counter shown on `screen` (`frame N`), or nil.
private func frameNumber(on screen: [String]) -> Int? {
    for line in screen {
        guard let range = line.range(of: "frame ") else { continue }
        let digits = line[range.upperBound...].prefix { $0.isNumber }
        return Int(digits)
    }
    return nil
}

/// Whether some row of `screen` contains `text`.
private func shows(_ text: String, on screen: [String]) -> Bool {
    screen.contains { $0.contains(text) }
}

@Suite("mlptop ui-demo in tmux", .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct UIDemoEndToEndTests {
    @Test("the frame appears at the pane's size, on the alternate screen, and the counter advances")
    func frameAppearsAndCounts() throws {
        let session = try startDemo()
        let first = try session.waitUntil(timeout: .seconds(30), "ui-demo 120x40") { shows("ui-demo 120x40", on: $0) }
        #expect(first.first?.hasPrefix("┌─") == true)
        #expect(first.first?.hasSuffix("─┐") == true)
        #expect(first.first?.count == 120)
        #expect(first.contains { $0.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) } })
        #expect(try session.display("#{alternate_on}") == "1")
        let start = try #require(frameNumber(on: first))
        try session.waitUntil("the counter to pass \(start + 10)") { (frameNumber(on: $0) ?? 0) > start + 10 }
    }

    @Test("a resize redraws the frame at the new size, and back")
    func resizeRedraws() throws {
        let session = try startDemo()
        try session.waitUntil(timeout: .seconds(30), "ui-demo 120x40") { shows("ui-demo 120x40", on: $0) }
        try session.resize(width: 60, height: 20)
        // The frame's title and its bottom edge on one capture: a loaded machine can be caught mid-frame.
        let small = try session.waitUntil("ui-demo 60x20, drawn whole") {
            shows("ui-demo 60x20", on: $0) && $0.last?.hasPrefix("└") == true
        }
        #expect(small.count == 20)
        #expect(small.first?.count == 60)
        #expect(small.first?.hasSuffix("┐") == true)
        try session.resize(width: 120, height: 40)
        let large = try session.waitUntil("ui-demo 120x40 again, drawn whole") {
            shows("ui-demo 120x40", on: $0) && $0.count == 40 && $0[39].hasPrefix("└")
        }
        #expect(large.first?.count == 120)
        #expect(large.count == 40)
        #expect(large[39].hasPrefix("└") && large[39].hasSuffix("┘"))
    }

    @Test("keys arrive with their names: arrows, paging, function keys, control chords, Unicode")
    func keysAreNamed() throws {
        let session = try startDemo()
        try session.waitUntil(timeout: .seconds(30), "ui-demo 120x40") { shows("ui-demo 120x40", on: $0) }
        let keys = [
            ("Up", "↑"), ("Down", "↓"), ("Left", "←"), ("Right", "→"), ("PPage", "PgUp"), ("NPage", "PgDn"),
            ("Home", "Home"), ("End", "End"), ("F1", "F1"), ("F12", "F12"), ("Space", "Space"), ("Tab", "Tab"),
            ("BTab", "Shift-Tab"), ("Enter", "Enter"), ("BSpace", "Backspace"), ("DC", "Delete"),
            ("C-l", "Ctrl-L"), ("x", "x"), ("é", "é"), ("Escape", "Esc"), ("+", "+"),
        ]
        for (tmuxName, shown) in keys {
            try session.sendKeys(tmuxName)
            try session.waitUntil("last key: \(shown) after sending \(tmuxName)") {
                $0.contains { $0.hasSuffix("last key: \(shown)") || $0.contains("last key: \(shown) ") }
            }
        }
    }

    @Test("q exits 0 and leaves the terminal as it was")
    func quitRestoresTerminal() throws {
        let session = try startDemo()
        try session.waitUntil(timeout: .seconds(30), "ui-demo 120x40") { shows("ui-demo 120x40", on: $0) }
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
        try expectRestored(session)
    }

    @Test("Ctrl-C restores the terminal and exits 130")
    func controlCExits130() throws {
        let session = try startDemo()
        try session.waitUntil(timeout: .seconds(30), "ui-demo 120x40") { shows("ui-demo 120x40", on: $0) }
        try session.sendKeys("C-c")
        #expect(try session.waitForExit() == 130)
        try expectRestored(session)
    }

    @Test("SIGTERM and SIGHUP restore the terminal and exit 128 + signal",
          arguments: [(SIGTERM, Int32(143)), (SIGHUP, Int32(129))])
    func terminationSignals(signalNumber: Int32, expectedStatus: Int32) throws {
        let session = try startDemo()
        try session.waitUntil(timeout: .seconds(30), "ui-demo 120x40") { shows("ui-demo 120x40", on: $0) }
        let pid = try session.waitForPID()
        #expect(kill(pid, signalNumber) == 0)
        #expect(try session.waitForExit() == expectedStatus)
        try expectRestored(session)
    }

    @Test("an unusable TERM: says why on stderr and exits 0", arguments: [
        ("dumb", "mlptop: not a terminal (TERM=dumb cannot move the cursor); nothing to show"),
        ("", "mlptop: not a terminal (TERM is unset); nothing to show"),
        ("no-such-terminal",
         "mlptop: not a terminal (TERM=no-such-terminal is not a known terminal type); nothing to show"),
    ])
    func unusableTerminalRefuses(term: String, message: String) throws {
        let session = try startDemo(environment: ["TERM": term])
        #expect(try session.waitForExit() == 0)
        let screen = try session.waitUntil("the refusal message") { shows(TmuxSession.ttyRestoredLine, on: $0) }
        #expect(screen.first == message)
    }

    @Test("stdout redirected to a file: says why on stderr, writes nothing to the file, exits 0")
    func redirectedOutputRefuses() throws {
        let output = try ProcessScratchDirectory(prefix: "mlptop-e2e")
        let session = try startDemo(stdoutPath: output.file("stdout"))
        #expect(try session.waitForExit() == 0)
        let screen = try session.waitUntil("the refusal message") { shows(TmuxSession.ttyRestoredLine, on: $0) }
        #expect(screen.first == "mlptop: not a terminal (stdout is not a tty); nothing to show")
        #expect(try String(contentsOfFile: output.file("stdout"), encoding: .utf8) == "")
    }

    @Test("--ascii draws only ASCII characters")
    func asciiOnly() throws {
        let session = try startDemo(["--ascii"])
        let screen = try session.waitUntil(timeout: .seconds(30), "ui-demo 120x40") { shows("ui-demo 120x40", on: $0) }
        #expect(screen.first?.hasPrefix("+--") == true)
        let nonASCII = screen.joined().unicodeScalars.filter { !$0.isASCII }
        #expect(nonASCII.isEmpty, "non-ASCII on screen: \(String(String.UnicodeScalarView(nonASCII)))")
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    /// After the program has exited: the main screen is back (nothing of the frame left), the
    /// cursor is visible, and the shell's next line starts at column 0 of the top row with the tty
    /// modes as they were before.
    private func expectRestored(_ session: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let screen = try session.waitUntil("the after-exit line") { shows(TmuxSession.ttyRestoredLine, on: $0) }
        #expect(screen.first == TmuxSession.ttyRestoredLine, sourceLocation: sourceLocation)
        #expect(!shows("ui-demo", on: screen), "frame left on screen", sourceLocation: sourceLocation)
        #expect(try session.display("#{alternate_on}") == "0", sourceLocation: sourceLocation)
        #expect(try session.display("#{cursor_flag}") == "1", sourceLocation: sourceLocation)
    }
}
