#if canImport(Glibc)
import Glibc
#endif

/// The way back to a training process that logs JSONL: commands appended to `RUN.jsonl.control`,
/// one JSON object per line, numbered (`{"id": 3, "command": "pause"}`), which the writer's
/// `mlptop_log.RunLog.obey` reads and carries out.
///
/// Only one watcher steers a run: it holds an exclusive lock on `RUN.jsonl.control.lock` (which
/// names its pid) for as long as it lives; a second watcher gets `busy` with that pid and only
/// watches. The control file is created by the first command sent; the lock file is removed on
/// `release` when this watcher made it. The log file itself is never written or locked.
public final class ControlChannel {
    /// A command for the writer.
    public enum Command: Equatable, Sendable {
        case pause
        case resume
        /// Multiply every learning rate by the factor.
        case scaleLearningRate(Double)
        /// Set every learning rate.
        case setLearningRate(Double)
        /// Ask for a snapshot (`obey` returns True).
        case snapshot

        var json: String {
            switch self {
            case .pause: "\"command\": \"pause\""
            case .resume: "\"command\": \"resume\""
            case .scaleLearningRate(let factor): "\"command\": \"scale_lr\", \"factor\": \(factor)"
            case .setLearningRate(let lr): "\"command\": \"set_lr\", \"lr\": \(lr)"
            case .snapshot: "\"command\": \"snapshot\""
            }
        }
    }

    /// Why a channel could not be opened.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// Another watcher holds the lock (its pid when it wrote one).
        case busy(pid: Int?)
        /// The control or lock file cannot be created (errno).
        case cannotCreate(path: String, errno: Int32)

        public var description: String {
            switch self {
            case .busy(let pid):
                "another mlptop watch\(pid.map { " (pid \($0))" } ?? "") steers this run; this one only watches"
            case .cannotCreate(let path, let code):
                "cannot create \(path): \(String(cString: strerror(code))); this watcher only watches"
            }
        }
    }

    /// The control file's path.
    public let path: String
    /// The lock file's path (`RUN.jsonl.control.lock`).
    public let lockPath: String
    /// Whether this watcher made the lock file (and so removes it when it lets go).
    public let createdLock: Bool
    private var lockDescriptor: Int32
    private var nextID: Int

    /// The control path for a log at `logPath`.
    public static func controlPath(for logPath: String) -> String { logPath + ".control" }

    /// Takes the steering lock for the log at `logPath` and opens its control file.
    public init(logPath: String) throws(Failure) {
        path = Self.controlPath(for: logPath)
        lockPath = path + ".lock"
        let (descriptor, created) = try Self.lock(lockPath)
        let pid = "\(getpid())\n"
        _ = ftruncate(descriptor, 0)
        _ = pwrite(descriptor, pid, pid.utf8.count, 0)
        // The control file itself is made by the first command sent, so watching alone leaves
        // only the lock file beside the log, and `release` takes that away if it made it.
        lockDescriptor = descriptor
        createdLock = created
        nextID = Self.largestID(in: path) + 1
    }

    deinit { release() }

    /// Lets go of the steering lock, removing the lock file when this watcher made it (one left
    /// by another, or made before it, stays). The control file stays: a writer reads it. Later
    /// commands are not sent. Idempotent.
    public func release() {
        guard lockDescriptor >= 0 else { return }
        // Removed while still locked, so a watcher that opened it meanwhile sees it replaced.
        if createdLock { unlink(lockPath) }
        flock(lockDescriptor, LOCK_UN)
        close(lockDescriptor)
        lockDescriptor = -1
    }

    /// Opens `lockPath` (making it when missing: `created`) and locks it exclusively. A lock
    /// file removed or replaced between the open and the lock (its maker let go) is opened again.
    private static func lock(_ lockPath: String) throws(Failure) -> (descriptor: Int32, created: Bool) {
        for _ in 0..<8 {
            var created = true
            var descriptor = open(lockPath, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor < 0, errno == EEXIST {
                created = false
                descriptor = open(lockPath, O_RDWR | O_CLOEXEC)
                if descriptor < 0, errno == ENOENT { continue }
            }
            guard descriptor >= 0 else { throw .cannotCreate(path: lockPath, errno: errno) }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                var buffer = [UInt8](repeating: 0, count: 32)
                let count = pread(descriptor, &buffer, buffer.count, 0)
                close(descriptor)
                let text = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
                throw .busy(pid: Int(text.filter(\.isNumber)))
            }
            var held = stat(), named = stat()
            if fstat(descriptor, &held) == 0, stat(lockPath, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev {
                return (descriptor, created)
            }
            close(descriptor)
        }
        throw .cannotCreate(path: lockPath, errno: EAGAIN)
    }

    /// Appends `command` as the next numbered line; false when it could not be written.
    @discardableResult
    public func send(_ command: Command) -> Bool {
        guard lockDescriptor >= 0 else { return false }
        let line = "{\"id\": \(nextID), \(command.json)}\n"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let bytes = Array(line.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else { return false }
        nextID += 1
        return true
    }

    /// The largest `"id"` in an existing control file (0 when none), so numbering goes on.
    static func largestID(in path: String) -> Int {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return 0 }
        defer { close(descriptor) }
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            data += chunk[0..<count]
        }
        var largest = 0
        var splitter = LineSplitter()
        splitter.feed(data) { line, _ in
            if let id = commandID(in: String(decoding: line, as: UTF8.self)) { largest = max(largest, id) }
        }
        return largest
    }

    /// The number after `"id":` on a control line.
    static func commandID(in line: String) -> Int? {
        guard let key = line.range(of: "\"id\"") else { return nil }
        let rest = line[key.upperBound...].drop { $0 == " " || $0 == ":" }
        return Int(rest.prefix { $0.isNumber })
    }
}
