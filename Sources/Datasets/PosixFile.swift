#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX file operations the program's writers share: writing every byte, and replacing a
/// file atomically. Errors come back as the step that failed and its `errno`; each caller words
/// them for its own messages.
public enum PosixFile {
    /// Which step of an atomic write failed, with its `errno`.
    public enum Failure: Error, Equatable, Sendable {
        /// The temporary file next to the target could not be created.
        case create(Int32)
        /// Writing, flushing or closing the temporary file failed.
        case write(Int32)
        /// The finished file could not be renamed over the target.
        case rename(Int32)
    }

    /// Writes all of `bytes` to `fd`, retrying after interrupted or partial writes.
    /// Returns 0, or the `errno` of the write that failed.
    public static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Int32 {
        var offset = 0
        while offset < bytes.count {
            let written = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }

    /// Replaces `path` with `bytes` atomically: a temporary sibling (mode 0644) is written, flushed
    /// to disk and renamed over `path`. On failure the temporary file is removed and `path` is
    /// untouched.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(Failure) {
        var template = Array((path + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw .create(errno) }
        let temporaryPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure = bytes.withUnsafeBytes { writeAll($0, to: fd) }
        if failure == 0 && fchmod(fd, 0o644) != 0 { failure = errno }
        if failure == 0 && fsync(fd) != 0 { failure = errno }
        if close(fd) != 0 && failure == 0 { failure = errno }
        if failure != 0 {
            unlink(temporaryPath)
            throw .write(failure)
        }
        if rename(temporaryPath, path) != 0 {
            let code = errno
            unlink(temporaryPath)
            throw .rename(code)
        }
    }
}
