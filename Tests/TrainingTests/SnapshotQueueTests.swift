import Dispatch
import Foundation
import Testing
@testable import Training

/// The snapshot queue: one write at a time, one waiting; a request during a write replaces the
/// waiting one, so the newest asked for is always written.
struct SnapshotQueueTests {
    @Test("requests during a write: the waiting one is replaced, and the last is written when the write ends")
    func theNewestRequestIsWrittenAfterTheBusyOne() throws {
        let (prepared, checkpoint) = try SnapshotTests.trained(epochs: 3)
        let scratch = try SnapshotTests.Scratch()
        let firstWriteMayEnd = DispatchSemaphore(value: 0), firstWriteStarted = DispatchSemaphore(value: 0)
        let calls = LockedValue(0)
        let service = SnapshotService(run: prepared, directory: scratch.path, runStarted: SnapshotTests.started, screen: { _ in
            // The first write waits inside its screen.txt until the test has queued the others.
            if calls.withLock({ count in
                count += 1
                return count
            }) == 1 {
                firstWriteStarted.signal()
                firstWriteMayEnd.wait()
            }
            return nil
        })
        let said = LockedValue<[String]>([])
        service.setAnnouncer { text in said.withLock { $0.append(text) } }
        for epoch in 1...4 {
            var request = checkpoint
            request.epoch = epoch
            service.submit(request)
            if epoch == 1 { firstWriteStarted.wait() }
        }
        firstWriteMayEnd.signal()
        service.waitUntilIdle()
        let folders = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { !$0.hasPrefix(".") }.sorted()
        #expect(folders.map { String($0.suffix(10)) } == ["e000000001", "e000000004"])
        let messages = said.withLock { $0 }
        #expect(messages.contains("snapshot of epoch 2 skipped: the previous one is still being written"), "\(messages)")
        #expect(messages.contains { $0.hasSuffix("e000000001/ (2 requests skipped meanwhile)") }, "\(messages)")
        #expect(messages.filter { $0.hasPrefix("snapshot written to ") }.count == 2, "\(messages)")
    }
}
