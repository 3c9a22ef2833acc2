import Foundation
import Testing
import TestSupport

/// What the command line says back: misspelt commands, one-line errors, `bench`'s table and help.
@Suite("the command line")
struct CommandLineTests {
    static func mlptop(
        _ arguments: [String], environment extra: [String: String] = [:], without removed: [String] = []
    ) throws -> ProcessResult {
        let path = try #require(ProcessRunner.builtProduct(named: "mlptop"), "mlptop binary not found")
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["COLUMNS"] = "80"
        for (name, value) in extra { environment[name] = value }
        for name in removed { environment[name] = nil }
        return try ProcessRunner.run(path, arguments, environment: environment, timeout: .seconds(60))
    }

    /// A misspelt command gets the nearest one (it said `Unexpected argument 'trian'`).
    @Test(arguments: [
        ("trian", "mlptop: Unknown command 'trian'. Did you mean 'train'? (commands: train, compare, show, inspect, eval, dataset, bench, watch)\n"),
        ("datset", "mlptop: Unknown command 'datset'. Did you mean 'dataset'? (commands: train, compare, show, inspect, eval, dataset, bench, watch)\n"),
        ("inspct", "mlptop: Unknown command 'inspct'. Did you mean 'inspect'? (commands: train, compare, show, inspect, eval, dataset, bench, watch)\n"),
        ("frobnicate", "mlptop: Unknown command 'frobnicate' (commands: train, compare, show, inspect, eval, dataset, bench, watch; see 'mlptop --help')\n"),
    ])
    func aMisspeltCommandGetsASuggestion(word: String, expected: String) throws {
        let result = try Self.mlptop([word, "--epochs", "1"])
        #expect(result.status == 64)
        #expect(result.standardError == expected)
        #expect(result.standardOutput.isEmpty)
    }

    /// Usage errors are one line, as the README says (they were three: error, usage, see --help).
    @Test(arguments: [
        (["train", "--lrr", "3"], "mlptop: Unknown option '--lrr'. Did you mean '--lr'? (see 'mlptop train --help')\n"),
        (["--speed", "-1"], "mlptop: --speed must be 0 (no limit) or a positive number of epochs per second, not -1.0 (see 'mlptop train --help')\n"),
        (["dataset"], "mlptop: Missing expected argument '<name>' (see 'mlptop dataset --help')\n"),
        // A misspelt required flag is named, not reported as missing.
        (["eval", "--modle", "m.json", "--data", "x.csv"],
         "mlptop: Unknown option '--modle'. Did you mean '--model'? (see 'mlptop eval --help')\n"),
        (["eval", "--model", "m.json", "--dta", "x.csv"],
         "mlptop: Unknown option '--dta'. Did you mean '--data'? (see 'mlptop eval --help')\n"),
        (["eval", "--data", "x.csv"], "mlptop: Missing expected argument '--model <model>' (see 'mlptop eval --help')\n"),
    ])
    func usageErrorsAreOneLine(arguments: [String], expected: String) throws {
        let result = try Self.mlptop(arguments)
        #expect(result.status == 64)
        #expect(result.standardError == expected)
    }

    /// `--version` prints the version, one line on stdout, status 0 (it was `Unknown option`).
    @Test func versionPrintsOneLine() throws {
        let result = try Self.mlptop(["--version"])
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
        #expect(result.standardOutput.wholeMatch(of: /mlptop [0-9]+\.[0-9]+\.[0-9]+\n/) != nil, "\(result.standardOutput)")
    }

    /// Help still prints in full, on stdout, with status 0; `train --help` lists every flag.
    @Test func helpIsUnchanged() throws {
        let result = try Self.mlptop(["train", "--help"])
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
        for flag in ["--dataset", "--standardize", "--init-from", "--snapshot-every", "--speed", "--no-color"] {
            #expect(result.standardOutput.contains(flag), "\(flag)")
        }
    }

    /// The table's figures end under their column names (the name column was not padded:
    /// `small        1     62093.3`).
    @Test func benchPrintsAnAlignedTable() throws {
        let result = try Self.mlptop(["bench", "--workload", "small", "--seconds", "0.05"],
                                     without: ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"])
        #expect(result.status == 0, "\(result.standardError)")
        var lines = result.standardOutput.split(separator: "\n").map(String.init)
        try #require(lines.count == 3, "\(lines)")
        let kernels = lines.removeFirst()
        #expect(kernels.hasPrefix("OpenBLAS kernels: ") && !kernels.contains("forced"), "\(kernels)")
        let header = Array(lines[0]), row = Array(lines[1])
        #expect(lines[0] == "workload    threads    epochs/s     GFLOP/s   seconds")
        #expect(row.count == header.count, "\(lines)")
        #expect(lines[1].hasPrefix("small             1 "), "\(lines[1])")
        for name in ["threads", "epochs/s", "GFLOP/s", "seconds"] {
            let end = try #require(lines[0].range(of: name)).upperBound.utf16Offset(in: lines[0]) - 1
            #expect(end < row.count && row[end].isNumber, "\(name) does not end over a figure: \(lines)")
            #expect(end + 1 == row.count || row[end + 1] == " ", "\(name): \(lines)")
        }
    }

    /// The kernel set is named in the table and in JSON, and a forced one says so.
    @Test func benchNamesTheBLASKernels() throws {
        let forced = try Self.mlptop(["bench", "--workload", "small", "--seconds", "0.05"],
                                     environment: ["OPENBLAS_CORETYPE": "Sandybridge"], without: ["OPENBLAS_L2_SIZE"])
        #expect(forced.status == 0, "\(forced.standardError)")
        let first = forced.standardOutput.split(separator: "\n").first.map(String.init)
        // This machine has AVX2 + FMA (the tiles' own tests require it too).
        #expect(first == "OpenBLAS kernels: Sandybridge (forced by OPENBLAS_CORETYPE=Sandybridge; "
                + "unset to measure what users get); layers up to 64 wide: mlptop's AVX2+FMA tiles",
                "\(forced.standardOutput)")
        let json = try Self.mlptop(["bench", "--workload", "small", "--seconds", "0.05", "--json"],
                                   without: ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"])
        #expect(json.status == 0, "\(json.standardError)")
        let line = json.standardOutput.trimmingCharacters(in: .newlines)
        #expect(line.hasPrefix("{\"workload\": \"small\", \"threads\": 1, "), "\(line)")
        #expect(line.contains(", \"blas_core\": \"") && line.hasSuffix(", \"tiled_products\": true}")
                && !line.contains("blas_forced"), "\(line)")
    }

    /// At 80 columns no help line is a word wrapped onto a line of its own.
    @Test func benchHelpFitsEightyColumns() throws {
        let result = try Self.mlptop(["bench", "--help"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        // ArgumentParser never wraps the USAGE line.
        for line in lines where !line.hasPrefix("USAGE: ") {
            #expect(line.count <= 80, "\(line)")
            #expect(line.hasPrefix(" ") || line.isEmpty || line.contains(" ") || line.hasSuffix(":"),
                    "a lone word: \"\(line)\"")
        }
        #expect(result.standardOutput.contains("""
              minibatch  2-16-16-1 relu, sigmoid output, bce, 2,000 moons points,
                         shuffled batches of 32
            """))
    }
}
