import Foundation
import Testing
import TestSupport

/// `--print` sizes below what the dashboard draws in (60×18) are a usage error naming the range,
/// for `watch` and `show` alike, instead of blank lines or a notice to enlarge a window.
@Suite struct PrintSizeTests {
    @Test(arguments: [
        (["watch", "run.jsonl", "--width", "10", "--print"], "--width 10: the dashboard needs --width 60 to 1000", "watch"),
        (["watch", "run.jsonl", "--height", "17", "--print"], "--height 17: the dashboard needs --height 18 to 1000", "watch"),
        (["show", "no-such-snapshot", "--width", "59", "--height", "18", "--print"],
         "--width 59: the dashboard needs --width 60 to 1000", "show"),
        (["watch", "run.jsonl", "--width", "5", "--height", "5", "--print"],
         "--width 5 --height 5: the dashboard needs --width 60 to 1000 and --height 18 to 1000", "watch"),
    ])
    func tooSmallIsAUsageErrorNamingTheMinimum(arguments: [String], message: String, command: String) throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-print-size")
        let log = folder.file("run.jsonl")
        try "{\"epoch\": 1, \"train_loss\": 0.5}\n".write(toFile: log, atomically: true, encoding: .utf8)
        let result = try CommandLineTests.mlptop(arguments.map { $0 == "run.jsonl" ? log : $0 })
        #expect(result.status == 64)
        #expect(result.standardError == "mlptop: \(message) (see 'mlptop \(command) --help')\n")
        #expect(result.standardOutput.isEmpty)
    }

    @Test func theSmallestSizeDrawsTheDashboard() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-print-size")
        let log = folder.file("run.jsonl")
        try "{\"epoch\": 1, \"train_loss\": 0.5}\n".write(toFile: log, atomically: true, encoding: .utf8)
        let result = try CommandLineTests.mlptop(["watch", log, "--width", "60", "--height", "18", "--print"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 18 && lines.allSatisfy { $0.count == 60 })
        #expect(lines.first?.contains("epoch 1") == true && lines.contains { $0.contains("Loss") })
    }
}
