import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why a tmux session could not do what a test asked.
public struct TmuxError: Error, CustomStringConvertible {
    /// What went wrong; for timeouts, with the last screen captured.
    public let description: String
}

/// A program running in a private, detached tmux server, for end-to-end tests of the terminal UI.
///
/// Each session has its own server (`-S <socket>` in a scratch directory, `-f` a config that turns
/// the status line off and sets `default-terminal tmux-256color`), one `width` × `height` window,
/// and `LANG=C.UTF-8` in the pane. The program runs under a small shell script that ignores SIGINT
/// itself (so Ctrl-C reaches only the program), records the program's pid and exit status in
/// files, and afterwards prints whether the tty modes came back unchanged (`tty modes restored` /
/// `tty modes changed`), then sleeps until the server is killed. tmux is started with
/// `posix_spawn` (see `ProcessRunner`). Not thread-safe: one test owns a session; `deinit` kills
/// the server.
public final class TmuxSession {
    /// The line the pane script prints after the program when `stty -g` is as it was before.
    public static let ttyRestoredLine = "tty modes restored"

    /// The tmux executable on PATH, or nil.
    public static let tmuxPath: String? = ProcessRunner.locate("tmux")

    /// Whether tmux is installed, so end-to-end tests can run.
    public static var isAvailable: Bool { tmuxPath != nil }

    private let tmux: String
    private let scratch: ProcessScratchDirectory
    private let socketPath: String
    private let target = "e2e"
    private var serverRunning = false

    /// Starts `command` (program path then arguments) in a new `width` × `height` session.
    /// - Parameters:
    ///   - environment: extra variables for the program (e.g. `TERM: "dumb"`, `NO_COLOR: "1"`).
    ///   - stdoutPath: when set, the program's stdout goes to this file instead of the pane.
    public init(
        command: [String],
        environment: [String: String] = [:],
        stdoutPath: String? = nil,
        width: Int = 120,
        height: Int = 40
    ) throws {
        guard let tmux = Self.tmuxPath else { throw TmuxError(description: "tmux is not installed") }
        self.tmux = tmux
        scratch = try ProcessScratchDirectory(prefix: "mlptop-tmux")
        socketPath = scratch.file("socket")
        let config = """
            set -g status off
            set -g default-terminal tmux-256color
            set -g history-limit 100

            """
        try config.write(toFile: scratch.file("tmux.conf"), atomically: true, encoding: .utf8)
        let script = Self.paneScript(
            command: command, environment: environment, stdoutPath: stdoutPath,
            pidPath: scratch.file("pid"), statusPath: scratch.file("status"))
        try script.write(toFile: scratch.file("pane.sh"), atomically: true, encoding: .utf8)
        try run(["-f", scratch.file("tmux.conf"), "new-session", "-d", "-s", target,
                 "-x", String(width), "-y", String(height), "-e", "LANG=C.UTF-8",
                 "/bin/sh " + scratch.file("pane.sh")])
        serverRunning = true
    }

    deinit {
        kill()
    }

    /// Sends keys as `tmux send-keys` names them: literal text, or `Enter`, `C-c`, `Up`, `F1` …
    public func sendKeys(_ keys: String...) throws {
        try run(["send-keys", "-t", target] + keys)
    }

    /// The visible screen, one string per row (trailing blanks trimmed by tmux).
    public func capture() throws -> [String] {
        let output = try run(["capture-pane", "-p", "-t", target])
        var lines = output.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The visible screen with SGR escape sequences for colours and attributes (`capture-pane -e`).
    public func captureWithEscapes() throws -> [String] {
        let output = try run(["capture-pane", "-p", "-e", "-t", target])
        var lines = output.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// A tmux format evaluated for the pane, e.g. `#{alternate_on}` or `#{cursor_flag}`.
    public func display(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", target, format])
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Resizes the window (the program gets SIGWINCH).
    public func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", target, "-x", String(width), "-y", String(height)])
    }

    /// Polls the screen every 50 ms until `predicate` holds, and returns that screen; throws with
    /// the last screen when `timeout` passes first.
    @discardableResult
    public func waitUntil(
        timeout: Duration = .seconds(20),
        _ what: String = "the expected screen",
        _ predicate: ([String]) -> Bool
    ) throws -> [String] {
        let deadline = ContinuousClock.now + timeout
        var screen: [String] = []
        while true {
            screen = try capture()
            if predicate(screen) { return screen }
            if ContinuousClock.now >= deadline { break }
            usleep(50_000)
        }
        throw TmuxError(description: "timed out after \(timeout) waiting for \(what); screen was:\n"
            + screen.joined(separator: "\n"))
    }

    /// The program's pid, once it has started (nil before).
    public var programPID: pid_t? {
        guard let text = try? String(contentsOfFile: scratch.file("pid"), encoding: .utf8) else { return nil }
        return pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The program's exit status (128 + signal if a signal ended it) once it has exited, else nil.
    public var exitStatus: Int32? {
        guard let text = try? String(contentsOfFile: scratch.file("status"), encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Polls until the program has exited and returns its status; throws after `timeout`.
    public func waitForExit(timeout: Duration = .seconds(20)) throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let status = exitStatus { return status }
            usleep(50_000)
        }
        let screen = (try? capture())?.joined(separator: "\n") ?? "(no capture)"
        throw TmuxError(description: "program still running after \(timeout); screen was:\n" + screen)
    }

    /// Polls until the program has started and returns its pid; throws after `timeout`.
    public func waitForPID(timeout: Duration = .seconds(20)) throws -> pid_t {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let pid = programPID { return pid }
            usleep(20_000)
        }
        throw TmuxError(description: "program did not start within \(timeout)")
    }

    /// Stops the tmux server (and with it the program). Safe to call twice.
    public func kill() {
        guard serverRunning else { return }
        serverRunning = false
        _ = try? run(["kill-server"])
    }

    /// Runs one tmux command against this session's server and returns its stdout.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": scratch.path, "LANG": "C.UTF-8", "TERM": "xterm-256color",
        ]
        let result = try ProcessRunner.run(tmux, ["-S", socketPath] + arguments, environment: environment,
                                           timeout: .seconds(30))
        guard result.status == 0 else {
            throw TmuxError(description: "tmux \(arguments.first ?? "") failed with status \(result.status): "
                + result.standardError.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return result.standardOutput
    }
}
