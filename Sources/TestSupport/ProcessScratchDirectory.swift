import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A fresh directory under /tmp for a helper process's files, removed with everything in it when
/// the value is released. Not thread-safe; owned by one test.
public final class ProcessScratchDirectory {
    /// The directory's path (short, so tmux socket paths inside it stay under 108 bytes).
    public let path: String

    /// Creates `/tmp/<prefix>.XXXXXX`.
    public init(prefix: String) throws {
        var template = Array("/tmp/\(prefix).XXXXXX".utf8CString)
        let created: String? = template.withUnsafeMutableBufferPointer { buffer in
            guard let result = mkdtemp(buffer.baseAddress!) else { return nil }
            return String(cString: result)
        }
        guard let created else {
            throw ProcessRunnerError(description: "cannot create a temporary directory: \(errorText(errno))")
        }
        path = created
    }

    /// The path of `name` inside the directory.
    public func file(_ name: String) -> String { path + "/" + name }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }
}
