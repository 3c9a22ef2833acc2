import Foundation
import Testing
import TestSupport
import Training
@testable import Watch

/// A source that does not exist yet is shown as waited for until it appears.
@Suite struct WatchSourceWaitingTests {
    @Test(arguments: [WatchFormat.jsonl, .csv])
    func waitingUntilTheFileAppears(format: WatchFormat) throws {
        let folder = try ProcessScratchDirectory(prefix: "mlptop-waiting")
        let log = folder.file(format == .csv ? "late.csv" : "late.jsonl")
        let source = WatchSource(.init(path: log, format: format, steer: false, pollInterval: 0.005))
        defer { source.stop() }
        source.waitUntilCaughtUp(timeout: 10)
        #expect(source.state.watched?.waiting == true)
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let deadline = Date().addingTimeInterval(10)
        while source.state.watched?.waiting != false, Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(source.state.watched?.waiting == false)
    }
}
