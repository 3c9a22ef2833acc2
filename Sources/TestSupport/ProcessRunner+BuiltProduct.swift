import Foundation

extension ProcessRunner {
    /// The path of an executable built by this package, found next to the running test binary.
    ///
    /// `swift test` runs `.build/<triple>/<config>/<package>PackageTests.xctest`; the package's
    /// executables are built into the same directory. The environment variable `MLPTOP_BINARY`
    /// overrides the search (for `mlptop` only). Returns nil when nothing executable is there.
    public static func builtProduct(named name: String) -> String? {
        if name == "mlptop", let override = ProcessInfo.processInfo.environment["MLPTOP_BINARY"], !override.isEmpty {
            return access(override, X_OK) == 0 ? override : nil
        }
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = testBinary.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent(name).path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               access(candidate, X_OK) == 0 {
                return candidate
            }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }
}
