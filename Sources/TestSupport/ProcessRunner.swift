import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why running a helper process failed.
public struct ProcessRunnerError: Error, CustomStringConvertible {
    /// What went wrong, naming the program.
    public let description: String
}

/// The outcome of a finished process.
public struct ProcessResult: Sendable {
    /// The exit status, or 128 + signal when a signal ended it.
    public var status: Int32
    /// Everything it wrote to stdout.
    public var standardOutput: String
    /// Everything it wrote to stderr.
    public var standardError: String
}

/// Runs helper programs (tmux, mostly) for tests with `posix_spawn`, never `Foundation.Process`.
///
/// Swift Testing runs tests on threads that block almost every signal, and a child inherits that
/// mask: tmux then never sees SIGCHLD and hangs. Children here start with an empty signal mask and
/// default handlers for the signals that matter; stdout and stderr go to files, not pipes, so a
/// child that leaves a daemon behind (tmux's server) cannot block the reader.
/// Stateless; safe to call from any thread.
public enum ProcessRunner {
    /// Signals whose handlers the child gets back at their defaults.
    static let defaultedSignals: [Int32] = [SIGHUP, SIGINT, SIGTERM, SIGCHLD, SIGPIPE, SIGTTIN, SIGTTOU, SIGWINCH]

    /// Runs `executable` with `arguments` and `environment` (the whole environment, not additions)
    /// and waits for it, killing it if it takes longer than `timeout`.
    public static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String],
        timeout: Duration = .seconds(30)
    ) throws -> ProcessResult {
        let directory = try ProcessScratchDirectory(prefix: "mlptop-run")
        let outputPath = directory.path + "/stdout", errorPath = directory.path + "/stderr"
        let pid = try spawn(
            executable, arguments, environment: environment, stdoutPath: outputPath, stderrPath: errorPath)
        let status = try waitForExit(pid, timeout: timeout, name: executable)
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        return ProcessResult(status: status, standardOutput: output, standardError: errors)
    }

    /// Starts `executable` with stdin from /dev/null and stdout/stderr to the given files; returns its pid.
    public static func spawn(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String],
        stdoutPath: String,
        stderrPath: String
    ) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var defaulted = sigset_t()
        sigemptyset(&defaulted)
        for signalNumber in defaultedSignals { sigaddset(&defaulted, signalNumber) }
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaulted)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw ProcessRunnerError(description: "cannot start \(executable): \(errorText(result))")
        }
        return pid
    }

    /// Waits for `pid` to exit, polling; kills it with SIGKILL after `timeout` and throws.
    public static func waitForExit(_ pid: pid_t, timeout: Duration, name: String) throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result < 0 {
                throw ProcessRunnerError(description: "waitpid for \(name) failed: \(errorText(errno))")
            }
            if ContinuousClock.now >= deadline {
                kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw ProcessRunnerError(description: "\(name) did not finish within \(timeout)")
            }
            usleep(2_000)
        }
        let signalNumber = status & 0x7F
        return signalNumber == 0 ? (status >> 8) & 0xFF : 128 + signalNumber
    }

    /// The full path of `program` found on PATH, or nil.
    public static func locate(_ program: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(program)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}

/// The C library's text for an errno value.
func errorText(_ code: Int32) -> String {
    guard let text = strerror(code) else { return "error \(code)" }
    return String(cString: text)
}
