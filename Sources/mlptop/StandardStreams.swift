import ArgumentParser
import Datasets
import Glibc
import Training

/// Writing lines to the standard streams, unbuffered, with `write(2)`.
///
/// A closed pipe (`mlptop … | head`) is not fatal: SIGPIPE is ignored (see `MLPTop.main`) and the
/// rest of the output is dropped quietly, so the run still ends cleanly and writes its files. Any
/// other failure to write standard output (a full disk, a closed descriptor) is remembered, and
/// `MLPTop.main` reports it once at the end with status 74.
enum StandardStreams {
    /// The errno of the first failed write to standard output, other than a closed pipe.
    private static let outputFailure = LockedValue<Int32?>(nil)

    static func error(_ text: String) {
        _ = write(text + "\n", to: STDERR_FILENO)
    }

    /// Writes `text` and a newline to standard output.
    static func output(_ text: String) {
        raw(text + "\n")
    }

    /// Writes `text` to standard output as it is.
    static func raw(_ text: String) {
        let code = write(text, to: STDOUT_FILENO)
        if code != 0 && code != EPIPE { outputFailure.withLock { $0 = $0 ?? code } }
    }

    /// Puts /dev/null on any of descriptors 0, 1 and 2 that the caller left closed, before any file
    /// is opened: otherwise a model or log file could take descriptor 1 and receive progress lines.
    /// A closed standard output counts as a failed write (status 74 at the end).
    static func guardClosedDescriptors() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let null = open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if null >= 0 && null != fd {
                dup2(null, fd)
                close(null)
            }
            if fd == STDOUT_FILENO { outputFailure.withLock { $0 = $0 ?? EBADF } }
        }
    }

    /// Status 74 after saying why, if writing standard output failed (other than a closed pipe).
    static func outputFailureStatus() -> Int32? {
        guard let code = outputFailure.withLock({ $0 }) else { return nil }
        error("mlptop: standard output: cannot write: \(DatasetError.reason(errno: code))")
        return 74
    }

    private static func write(_ text: String, to fd: Int32) -> Int32 {
        Array(text.utf8).withUnsafeBytes { PosixFile.writeAll($0, to: fd) }
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

extension ReportedFailure {
    /// Runs a command's work, turning a failure to read a model or data or to write a file into its
    /// one-line report and exit status (`grads`, `inspect`, `eval`); other errors pass on.
    static func reportingFailures(_ work: () throws -> Void) throws {
        do {
            try work()
        } catch let failure as ReportedFailure {
            throw ExitCode(failure.report())
        } catch let error as RunSetupError {
            throw ExitCode(ReportedFailure(message: error.description, exitStatus: error.exitStatus).report())
        } catch let error as FileError {
            throw ExitCode(ReportedFailure(message: error.description, exitStatus: error.exitStatus).report())
        } catch let error as DatasetError {
            throw ExitCode(ReportedFailure(message: error.description, exitStatus: error.exitStatus).report())
        }
    }
}
