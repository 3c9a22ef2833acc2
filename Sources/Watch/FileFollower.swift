#if canImport(Glibc)
import Glibc
#endif

/// Follows a file as it grows, as `tail -F` does: reads what was appended since the last call,
/// starts again from the top when the file is truncated or replaced (a new file at the path),
/// and waits while the path does not exist. Reads only: never writes, locks or holds up the file.
///
/// With the path `-` it reads standard input until end of file. Used from one thread.
public final class FileFollower {
    /// What happened to the file since the last read, besides new bytes.
    public enum Event: Equatable, Sendable {
        /// The file was opened (the first time, or after it appeared).
        case opened
        /// It became shorter than what was read: read again from the start.
        case truncated
        /// Another file now has its name: the rest of the old one was read, then the new one from the start.
        case replaced
        /// The path names no file (yet, or any more).
        case missing
        /// Standard input reached its end.
        case ended
    }

    /// What one `read` found.
    public struct Update {
        /// Bytes appended since the last read (after a truncation or replacement: from the new start).
        public var bytes: [UInt8] = []
        /// Events in the order they happened; `.truncated` and `.replaced` come before the bytes
        /// that follow them.
        public var events: [Event] = []
        /// Bytes that belong to the previous file, read before a replacement.
        public var bytesBeforeRestart: [UInt8] = []
    }

    public let path: String
    private var fd: Int32 = -1
    private var identity: (device: UInt, inode: UInt)?
    private var offset = 0
    private var reportedMissing = false
    private var atEnd = false
    /// The most bytes one `read` returns (the rest comes with the next).
    public var chunkLimit = 1 << 20

    /// A follower of `path` (`-`: standard input). Nothing is opened until the first `read`.
    public init(path: String) {
        self.path = path
    }

    deinit {
        if fd > 0 { close(fd) }
    }

    /// Whether the source is standard input.
    public var isStandardInput: Bool { path == "-" }

    /// Whether the file exists now (standard input always does).
    public var exists: Bool {
        if isStandardInput { return true }
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Reads whatever is new.
    public func read() -> Update {
        var update = Update()
        if isStandardInput {
            if fd < 0 { fd = 0; update.events.append(.opened) }
            guard !atEnd else { return update }
            let (bytes, ended) = readAvailable(fd, limit: chunkLimit, nonBlockingPipe: true)
            update.bytes = bytes
            if ended { atEnd = true; update.events.append(.ended) }
            return update
        }
        var info = stat()
        let exists = stat(path, &info) == 0
        if fd < 0 {
            guard exists else {
                if !reportedMissing { update.events.append(.missing); reportedMissing = true }
                return update
            }
            guard open(info) else { return update }
            update.events.append(.opened)
        } else if exists, identity.map({ $0.device != UInt(info.st_dev) || $0.inode != UInt(info.st_ino) }) == true {
            // Replaced: finish the old file, then start the new one.
            update.bytesBeforeRestart = readAvailable(fd, limit: chunkLimit, nonBlockingPipe: false).bytes
            close(fd)
            fd = -1
            guard open(info) else { return update }
            update.events.append(.replaced)
        } else if !exists, !reportedMissing {
            update.events.append(.missing)
            reportedMissing = true
        }
        var current = stat()
        if fstat(fd, &current) == 0, Int(current.st_size) < offset {
            offset = 0
            lseek(fd, 0, SEEK_SET)
            update.events.append(.truncated)
        }
        let (bytes, _) = readAvailable(fd, limit: chunkLimit, nonBlockingPipe: false)
        update.bytes = bytes
        return update
    }

    private func open(_ info: stat) -> Bool {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        fd = descriptor
        var opened = stat()
        fstat(descriptor, &opened)
        identity = (UInt(opened.st_dev), UInt(opened.st_ino))
        offset = 0
        reportedMissing = false
        return true
    }

    /// Reads up to `limit` bytes that are there now; `ended` when a pipe reached its end.
    private func readAvailable(_ descriptor: Int32, limit: Int, nonBlockingPipe: Bool) -> (bytes: [UInt8], ended: Bool) {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while result.count < limit {
            if nonBlockingPipe {
                var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 0) > 0 else { break }
            }
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, min($0.count, limit - result.count)) }
            if count < 0 {
                if errno == EINTR { continue }
                break
            }
            if count == 0 { return (result, nonBlockingPipe) }
            result.append(contentsOf: chunk[0..<count])
            offset += count
        }
        return (result, false)
    }
}
