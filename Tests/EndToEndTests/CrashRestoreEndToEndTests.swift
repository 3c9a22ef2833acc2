import Foundation
import Glibc
import Testing
import TestSupport

/// A process that dies of a fatal signal while the monitor is up (a Swift runtime trap is SIGILL)
/// leaves the terminal usable: main screen, cursor shown, mouse reporting off.
@Suite("a crash restores the terminal", .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct CrashRestoreEndToEndTests {
    static func modes(_ session: TmuxSession) throws -> String {
        try session.display("#{alternate_on} #{cursor_flag} #{mouse_any_flag}").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(arguments: [SIGILL, SIGSEGV, SIGABRT])
    func aFatalSignalLeavesTheTerminalUsable(signal: Int32) throws {
        let session = try MonitorEndToEndTests.start(["--no-color"], environment: ["SWIFT_BACKTRACE": "enable=no"])
        #expect(try Self.modes(session) == "1 0 1", "alternate screen, cursor hidden, mouse on while the UI is up")
        Glibc.kill(try session.waitForPID(), signal)
        #expect(try session.waitForExit() == 128 + signal)
        #expect(try Self.modes(session) == "0 1 0", "main screen, cursor shown, mouse off after the crash")
    }
}
