#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a data set could not be read or written: one line naming the file (and, for bad data, the
/// line and column) and the reason, plus the `sysexits.h` status the program should exit with.
public enum DatasetError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file holds something that is not a valid data set (exit status 65, `EX_DATAERR`).
    /// `line` and `column` are 1-based; the column counts characters, not bytes.
    case invalidData(file: String, line: Int, column: Int, reason: String)
    /// The file could not be opened or read (exit status 66, `EX_NOINPUT`).
    case cannotOpen(file: String, reason: String)
    /// The output file (or its temporary sibling) could not be created (exit status 73, `EX_CANTCREAT`).
    case cannotCreate(file: String, reason: String)
    /// Writing or renaming the output failed part-way (exit status 74, `EX_IOERR`).
    case cannotWrite(file: String, reason: String)

    /// The one-line message, e.g. `data/bad.csv:3:7: "abc" is not a number`.
    public var description: String {
        switch self {
        case let .invalidData(file, line, column, reason): "\(file):\(line):\(column): \(reason)"
        case let .cannotOpen(file, reason): "\(file): cannot open: \(reason)"
        case let .cannotCreate(file, reason): "\(file): cannot create: \(reason)"
        case let .cannotWrite(file, reason): "\(file): cannot write: \(reason)"
        }
    }

    /// The process exit status for this error, from `sysexits.h`.
    public var exitStatus: Int32 {
        switch self {
        case .invalidData: 65
        case .cannotOpen: 66
        case .cannotCreate: 73
        case .cannotWrite: 74
        }
    }

    /// A short lower-case reason for an `errno` value, e.g. `no such file` for `ENOENT`.
    public static func reason(errno code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "is a directory"
        case ENOTDIR: return "a part of the path is not a directory"
        case ENOSPC: return "no space left on device"
        case EROFS: return "read-only file system"
        default:
            guard let text = strerror(code) else { return "error \(code)" }
            let message = String(cString: text)
            return message.prefix(1).lowercased() + message.dropFirst()
        }
    }
}
