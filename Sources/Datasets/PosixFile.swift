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
        /// The target exists and is not a regular file (a device, a pipe, a socket); a directory
        /// is `.create(EISDIR)`.
        case notRegularFile
    }

    /// The file an atomic write to `path` replaces: `path`, or, when `path` is a symbolic link, the
    /// file at the end of its chain of links, so that the write goes through the link and keeps it.
    public static func replacementTarget(for path: String) -> String {
        var current = path
        for _ in 0..<40 {
            var info = stat()
            guard lstat(current, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { return current }
            let target = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if target.hasPrefix("/") {
                current = target
            } else if let slash = current.lastIndex(of: "/") {
                current = String(current[...slash]) + target
            } else {
                current = target
            }
        }
        return current
    }

    /// Why a file could not be written at `path` (after following links), found before writing:
    /// `.create(EISDIR)` for a directory, `.notRegularFile` for a device, pipe or socket, or the
    /// failure to create a file in its folder (a missing, read-only or special folder such as /proc).
    public static func checkWritable(_ path: String) -> Failure? {
        let target = replacementTarget(for: path)
        if let failure = kindFailure(target) { return failure }
        switch createTemporary(next: target) {
        case .success(let (fd, temporaryPath)):
            close(fd)
            unlink(temporaryPath)
            return nil
        case .failure(let failure):
            return failure
        }
    }

    /// `.create(EISDIR)` or `.notRegularFile` when `path` exists and is not a regular file.
    private static func kindFailure(_ path: String) -> Failure? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        if (info.st_mode & S_IFMT) == S_IFDIR { return .create(EISDIR) }
        return (info.st_mode & S_IFMT) == S_IFREG ? nil : .notRegularFile
    }

    /// A new temporary file beside `path` (`path.tmp-XXXXXX`), open for writing, and its name.
    private static func createTemporary(next path: String) -> Result<(Int32, String), Failure> {
        var template = Array((path + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return .failure(.create(errno)) }
        return .success((fd, String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)))
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
    ///
    /// A symbolic link is followed (the file it points to is replaced, the link stays); a target
    /// that is a directory or not a regular file is refused before anything is written.
    public static func writeAtomically(_ bytes: [UInt8], to requestedPath: String) throws(Failure) {
        let path = replacementTarget(for: requestedPath)
        if let failure = kindFailure(path) { throw failure }
        let (fd, temporaryPath) = try createTemporary(next: path).get()
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
