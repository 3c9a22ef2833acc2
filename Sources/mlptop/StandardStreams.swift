import Datasets
import Glibc

/// Writing lines to the standard streams, unbuffered, with `write(2)`.
///
/// A closed pipe (`mlptop … | head`) is not fatal: SIGPIPE is ignored (see `MLPTop.main`) and a
/// failed write is dropped, so the run still ends cleanly and writes its files.
enum StandardStreams {
    static func error(_ text: String) {
        write(text + "\n", to: STDERR_FILENO)
    }

    static func output(_ text: String) {
        write(text + "\n", to: STDOUT_FILENO)
    }

    private static func write(_ text: String, to fd: Int32) {
        _ = Array(text.utf8).withUnsafeBytes { PosixFile.writeAll($0, to: fd) }
    }
}

/// An error already explained to the user: the message goes to stderr, the status is the exit code.
struct ReportedFailure: Error {
    let message: String
    let exitStatus: Int32

    /// Prints `mlptop: message` and returns the status to exit with.
    func report() -> Int32 {
        StandardStreams.error("mlptop: \(message)")
        return exitStatus
    }
}
