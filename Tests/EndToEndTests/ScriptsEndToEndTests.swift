import Foundation
import Testing
import TestSupport

/// The scripts a new user runs first: `scripts/mlptop` from another folder, `scripts/install`,
/// and the build they share, run for real.
///
/// `MLPTOP_BINARY` hands them the binary under test instead of a release build: `swift test` holds
/// the build folder's lock while tests run, and a release build takes minutes. The build itself
/// is checked on a one-file package.
@Suite("scripts", .serialized)
struct ScriptsEndToEndTests {
    /// Runs `script` with `sh` in `directory`; `$REPO` is the repository.
    static func shell(_ script: String, in directory: String, environment extra: [String: String?] = [:],
                      timeout: Duration = .seconds(300)) throws -> ProcessResult {
        var environment = ProcessInfo.processInfo.environment
        environment["REPO"] = ModelReadersEndToEndTests.repository
        let binary = try #require(ProcessRunner.builtProduct(named: "mlptop"), "mlptop binary not found")
        environment["MLPTOP_BINARY"] = binary
        environment["NO_COLOR"] = "1"
        for (name, value) in extra { environment[name] = value }
        return try ProcessRunner.run("/bin/sh", ["-c", "cd '\(directory)' && " + script], environment: environment,
                                     timeout: timeout)
    }

    /// Relative paths mean the caller's folder (before the fix the script ran in the repository,
    /// so `-o my.csv` wrote the repository's my.csv).
    @Test func scriptsMlptopResolvesPathsInTheCallersFolder() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-cwd")
        let name = "cwd-check-\(getpid()).csv"
        let result = try Self.shell("\"$REPO/scripts/mlptop\" dataset circle --n 40 -o \(name) && \"$REPO/scripts/mlptop\" "
                                    + "train --dataset \(name) --epochs 3 --save m.json --log run.jsonl --snapshot-on-exit",
                                    in: scratch.path)
        #expect(result.status == 0, "\(result.standardError)")
        for file in [name, "m.json", "run.jsonl", "snapshots"] {
            #expect(FileManager.default.fileExists(atPath: scratch.file(file)), "\(file) is not in the caller's folder")
        }
        #expect(!FileManager.default.fileExists(atPath: ModelReadersEndToEndTests.repository + "/" + name))
    }

    /// `scripts/install` puts a working `mlptop` into `$PREFIX/bin`, and `--uninstall` takes it away.
    @Test func installPutsMlptopOnAPrefixAndUninstallRemovesIt() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-install")
        let prefix = scratch.file("prefix")
        let installed = try Self.shell("\"$REPO/scripts/install\"", in: scratch.path, environment: ["PREFIX": prefix])
        #expect(installed.status == 0, "\(installed.standardError)")
        #expect(installed.standardOutput.hasPrefix("install: installed \(prefix)/bin/mlptop\n"), "\(installed.standardOutput)")
        #expect(installed.standardOutput.contains("is not on your PATH"))
        let used = try Self.shell("mlptop dataset xor --n 20 -o x.csv && head -1 x.csv", in: scratch.path,
                                  environment: ["PATH": "\(prefix)/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "")])
        #expect(used.status == 0, "\(used.standardError)")
        #expect(used.standardOutput == "x1,x2,label\n")
        let removed = try Self.shell("\"$REPO/scripts/install\" --uninstall", in: scratch.path, environment: ["PREFIX": prefix])
        #expect(removed.status == 0)
        #expect(removed.standardOutput == "install: removed \(prefix)/bin/mlptop\n")
        #expect(!FileManager.default.fileExists(atPath: prefix + "/bin/mlptop"))
    }

    /// A second build compiles nothing, whether the first wrote to a pipe and the second to a
    /// terminal or the reverse (before the fix `swift build` added -color-diagnostics on a
    /// terminal, a changed command that recompiled everything). Checked on a one-file package,
    /// built in release the way `scripts/build` builds mlptop.
    @Test(arguments: [false, true])
    func aSecondBuildCompilesNothingOnATerminalOrNot(terminalFirst: Bool) throws {
        let script = try #require(ProcessRunner.locate("script"), "script (bsdutils) is not installed")
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-rebuild")
        try FileManager.default.createDirectory(atPath: scratch.file("tiny/Sources/tiny"), withIntermediateDirectories: true)
        try """
        // swift-tools-version: 6.1
        import PackageDescription
        let package = Package(name: "tiny", targets: [.executableTarget(name: "tiny")])

        """.write(toFile: scratch.file("tiny/Package.swift"), atomically: true, encoding: .utf8)
        try "print(\"tiny\")\n".write(toFile: scratch.file("tiny/Sources/tiny/main.swift"), atomically: true, encoding: .utf8)
        let build = "\"$REPO/scripts/build\" --package-path tiny --product tiny"
        let onATerminal = "'\(script)' -qec '\(build)' /dev/null", intoAPipe = "\(build) 2>&1 | cat"
        // Where swift build colours: NO_COLOR or no TERM would hide the difference.
        let environment: [String: String?] = ["MLPTOP_BINARY": "", "NO_COLOR": nil, "TERM": "xterm"]
        let first = try Self.shell(terminalFirst ? onATerminal : intoAPipe, in: scratch.path, environment: environment)
        #expect(first.status == 0, "\(first.standardOutput)\(first.standardError)")
        #expect(first.standardOutput.contains("Compiling"), "the first build compiles: \(first.standardOutput)")
        let second = try Self.shell(terminalFirst ? intoAPipe : onATerminal, in: scratch.path, environment: environment)
        #expect(second.status == 0, "\(second.standardOutput)\(second.standardError)")
        #expect(second.standardOutput.contains("Build of product 'tiny' complete!"), "\(second.standardOutput)")
        #expect(!second.standardOutput.contains("Compiling"), "the second build compiled again: \(second.standardOutput)")
    }
}
