import Foundation
import Testing
import TestSupport

/// Rewinding in the monitor (`{`, `}`, Enter, Esc): the real binary in tmux.
@Suite("rewind in tmux", .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct RewindEndToEndTests {
    typealias Monitor = MonitorEndToEndTests

    /// `viewing epoch K of N` from the status bar.
    static func viewed(on screen: [String]) -> (epoch: Int, of: Int)? {
        guard let k = Monitor.number(after: "viewing epoch ", in: screen[0]).flatMap({ Int($0) }),
              let n = Monitor.number(after: " of ", in: screen[0]).flatMap({ Int($0) }) else { return nil }
        return (k, n)
    }

    @Test("{ views an earlier epoch (paused), } and Esc come back, Enter trains on from the viewed epoch")
    func rewindAndTrainOn() throws {
        let session = try Monitor.start(["--dataset", "moons", "--no-color", "--speed", "1000"])
        try session.waitUntil("epoch 1500") { (Monitor.epoch(on: $0) ?? 0) >= 1500 }
        try session.sendKeys("{")
        // The pause reaches the trainer an epoch boundary later than the view changes: wait for both.
        var screen = try session.waitUntil("viewing an earlier epoch, paused") {
            Self.viewed(on: $0) != nil && $0[0].hasPrefix(" PAUSED ")
        }
        let first = try #require(Self.viewed(on: screen))
        #expect(first.epoch < first.of)
        try session.sendKeys("{", "{", "{")
        screen = try session.waitUntil("further back") { (Self.viewed(on: $0)?.epoch ?? .max) < first.epoch }
        let back = try #require(Self.viewed(on: screen))
        #expect(back.of == first.of, "the live run stays paused while viewing")
        try session.sendKeys("}")
        try session.waitUntil("one step forward") { (Self.viewed(on: $0)?.epoch ?? 0) > back.epoch }
        try session.sendKeys("Escape")
        try session.waitUntil("live again") { Self.viewed(on: $0) == nil && Monitor.epoch(on: $0) == first.of }
        // Far enough back (about 8/50 of the run) that the epoch on screen when the message shows is
        // still below the old live one, even when a loaded machine captures the pane late.
        try session.sendKeys("{", "{", "{", "{", "{", "{", "{", "{")
        screen = try session.waitUntil("viewing") { (Self.viewed(on: $0)?.epoch ?? .max) < first.of - 200 }
        let target = try #require(Self.viewed(on: screen)).epoch
        try session.sendKeys("Enter")
        screen = try session.waitUntil("rewound") { $0[38].hasPrefix("rewound from epoch \(first.of) to epoch \(target)") }
        #expect(screen[0].hasPrefix(" RUNNING "))
        let resumed = try #require(Monitor.epoch(on: screen))
        #expect(resumed < first.of, "training goes on from the earlier epoch, not the live one")
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("n at a viewed epoch trains exactly one epoch from it and stays paused there")
    func stepFromAViewedEpoch() throws {
        let session = try Monitor.start(["--dataset", "moons", "--no-color", "--speed", "1000"])
        try session.waitUntil("epoch 1000") { (Monitor.epoch(on: $0) ?? 0) >= 1000 }
        try session.sendKeys("{", "{", "{", "{", "{")
        var screen = try session.waitUntil("viewing an earlier epoch, paused") {
            Self.viewed(on: $0) != nil && $0[0].hasPrefix(" PAUSED ")
        }
        // Let the last { land before reading which epoch is on view.
        Thread.sleep(forTimeInterval: 0.5)
        screen = try session.capture()
        let viewed = try #require(Self.viewed(on: screen))
        try session.sendKeys("n")
        screen = try session.waitUntil("one epoch past the viewed one") {
            Self.viewed(on: $0) == nil && Monitor.epoch(on: $0) == viewed.epoch + 1
        }
        #expect(screen[0].hasPrefix(" PAUSED "), "\(screen[0])")
        // Still paused a moment later: the step trained one epoch, not the run on.
        Thread.sleep(forTimeInterval: 0.5)
        #expect(Monitor.epoch(on: try session.capture()) == viewed.epoch + 1)
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }
}

/// `train --paused`: the monitor opens before the first epoch and trains only when asked.
@Suite("--paused in tmux", .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct PausedStartEndToEndTests {
    typealias Monitor = MonitorEndToEndTests

    @Test("the run waits at epoch 0; n trains one epoch, Space trains on")
    func opensPausedAtEpochZero() throws {
        let session = try Monitor.start(["--dataset", "moons", "--no-color", "--paused"])
        var screen = try session.waitUntil("paused at epoch 0") { $0[0].hasPrefix(" PAUSED ") && Monitor.epoch(on: $0) == 0 }
        #expect(screen.contains { $0.hasPrefix("paused before epoch 1: Space trains, n trains one epoch") })
        Thread.sleep(forTimeInterval: 0.5)
        #expect(Monitor.epoch(on: try session.capture()) == 0, "nothing trains until asked")
        try session.sendKeys("n")
        screen = try session.waitUntil("one epoch") { Monitor.epoch(on: $0) == 1 }
        #expect(screen[0].hasPrefix(" PAUSED "))
        try session.sendKeys("Space")
        try session.waitUntil("training") { $0[0].hasPrefix(" RUNNING ") && (Monitor.epoch(on: $0) ?? 0) > 50 }
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }
}
