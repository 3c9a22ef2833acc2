import Foundation
import Datasets
import MLPEngine

/// A failure to read or write a file, with the `sysexits.h` status it maps to.
/// `description` is one line naming the file and the reason.
public struct FileError: Error, Equatable, CustomStringConvertible {
    public var path: String
    /// 1-based line and column of the problem inside the file, where there is one.
    public var line: Int?
    public var column: Int?
    public var reason: String
    /// 65 bad data, 66 cannot open input, 73 cannot create output, 74 I/O error.
    public var exitStatus: Int32

    public init(path: String, line: Int? = nil, column: Int? = nil, reason: String, exitStatus: Int32) {
        self.path = path
        self.line = line
        self.column = column
        self.reason = reason
        self.exitStatus = exitStatus
    }

    /// `model.json:3:7: expected ',' or ']' in an array`, or `model.json: layer 1: …`.
    public var description: String {
        var place = path
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return "\(place): \(reason)"
    }

    /// `cannot open: no such file` and the like: what failed and the short `errno` text.
    static func reason(_ action: String, errno code: Int32) -> String {
        "\(action): \(DatasetError.reason(errno: code))"
    }
}

/// Reading whole files and writing them atomically (temporary file in the same folder, then rename).
public enum FileIO {
    /// The bytes of the file at `path`; a missing or unreadable file is a status-66 error.
    public static func read(_ path: String) throws(FileError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileError(path: path, reason: FileError.reason("cannot open", errno: errno), exitStatus: 66) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw FileError(path: path, reason: "cannot open: is a directory", exitStatus: 66)
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, reason: FileError.reason("cannot read", errno: errno), exitStatus: 66)
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// Writes `bytes` to `path` atomically: a temporary file in the same folder, fsync, rename.
    /// On any failure the temporary file is removed and `path` is untouched.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(FileError) {
        do {
            try PosixFile.writeAtomically(bytes, to: path)
        } catch {
            switch error {
            case .create(let code): throw FileError(path: path, reason: FileError.reason("cannot create", errno: code), exitStatus: 73)
            case .write(let code): throw FileError(path: path, reason: FileError.reason("cannot write", errno: code), exitStatus: 74)
            case .rename(let code):
                throw FileError(path: path, reason: FileError.reason("cannot rename into place", errno: code), exitStatus: 73)
            case .notRegularFile:
                throw FileError(path: path, reason: "cannot write: not a regular file", exitStatus: 73)
            }
        }
    }

    /// Checks, before a long run, that a file can later be written at `path` (through a symbolic
    /// link if it is one): not a directory or a special file, and a file can be created in its
    /// folder (status 73 otherwise), so an error does not wait for the end of training.
    public static func checkCreatable(_ path: String) throws(FileError) {
        guard let failure = PosixFile.checkWritable(path) else { return }
        switch failure {
        case .create(let code) where code == EISDIR:
            throw FileError(path: path, reason: "cannot write: is a directory", exitStatus: 73)
        case .create(let code), .write(let code), .rename(let code):
            throw FileError(path: path, reason: FileError.reason("cannot create", errno: code), exitStatus: 73)
        case .notRegularFile:
            throw FileError(path: path, reason: "cannot write: not a regular file", exitStatus: 73)
        }
    }

    /// Writes text atomically.
    public static func writeAtomically(_ text: String, to path: String) throws(FileError) {
        try writeAtomically(Array(text.utf8), to: path)
    }

    /// Reads and validates a `mlptop.model/v1` file; errors name the file (66 unreadable, 65 invalid).
    public static func readModel(_ path: String) throws(FileError) -> ModelFile {
        let bytes = try read(path)
        do {
            return try ModelFile.decode(bytes: bytes)
        } catch {
            switch error {
            case .syntax(1, 1, let reason) where !bytes.isEmpty:
                // Not JSON from its first character: most likely another kind of file (a CSV given as --model).
                throw FileError(path: path, line: 1, column: 1,
                                reason: "not a model file (a model is the JSON mlptop writes: --save, model.json): \(reason)",
                                exitStatus: 65)
            case .syntax(let line, let column, let reason):
                throw FileError(path: path, line: line, column: column, reason: reason, exitStatus: 65)
            case .invalid(let reason):
                throw FileError(path: path, reason: reason, exitStatus: 65)
            }
        }
    }
}
