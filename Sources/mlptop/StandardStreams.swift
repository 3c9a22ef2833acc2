import Foundation

/// Writing lines to the standard streams, unbuffered on stderr, line-buffered on stdout.
enum StandardStreams {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}

/// An error already explained to the user: the message goes to stderr, the status is the exit code.
struct ReportedFailure: Error {
    let message: String
    let exitStatus: Int32

    /// Prints `mlptop: message` and returns the `ExitCode` to throw.
    func report() -> Int32 {
        StandardStreams.error("mlptop: \(message)")
        return exitStatus
    }
}
