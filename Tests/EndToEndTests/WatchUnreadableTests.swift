import Foundation
import Testing
import TestSupport

/// `mlptop watch` on a file that is not a metrics log: one line naming the file, line and reason, status 65.
@Suite struct WatchUnreadableTests {
    @Test("a CSV that is no metrics log is refused with status 65; one with a bad line among records is shown")
    func notAMetricsLog() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-watch-unreadable")
        let fruit = folder.file("fruit.csv")
        try ("name,colour,weight\n" + (1...121).map { "apple\($0),red,1.\($0)\n" }.joined())
            .write(toFile: fruit, atomically: true, encoding: .utf8)
        var result = try CommandLineTests.mlptop(["watch", fruit, "--print"])
        #expect(result.status == 65)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "mlptop: watch: \(fruit):1: the header has no \"epoch\" or \"step\" column; "
                + "nothing in it could be read as a metrics log (122 bad lines)\n")
        let log = folder.file("run.jsonl")
        try "not json\n{\"epoch\": 1, \"train_loss\": 0.5}\n".write(toFile: log, atomically: true, encoding: .utf8)
        result = try CommandLineTests.mlptop(["watch", log, "--print", "--width", "80", "--height", "24"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix(" RUNNING    epoch 1"))
        #expect(result.standardError == "mlptop: watch: \(log):1:1: not a JSON object (skipped; later bad lines are counted)\n")
    }

    @Test("a folder with no event files is refused with status 66 unless --wait; the fixture folder of run folders is read")
    func aFolderWithoutEventFiles() throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-watch-empty")
        let empty = folder.file("logs")
        try FileManager.default.createDirectory(atPath: empty + "/version_0", withIntermediateDirectories: true)
        let result = try CommandLineTests.mlptop(["watch", empty, "--print"])
        #expect(result.status == 66)
        #expect(result.standardError == "mlptop: watch: \(empty): no TensorBoard event files (*tfevents*) in it or its folders "
                + "(--wait waits for them)\n")
        let fixture = InspectCommandTests.root + "/Tests/WatchTests/Fixtures/tensorboard"
        let read = try CommandLineTests.mlptop(["watch", fixture, "--print", "--width", "80", "--height", "24"])
        #expect(read.status == 0, "\(read.standardError)")
    }
}

