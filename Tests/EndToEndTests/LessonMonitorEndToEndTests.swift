import Foundation
import Testing
import TestSupport

/// A lesson in the live monitor: its notes under the status bar, its locked keys refused, its
/// hidden panels absent — the real binary in a private tmux server.
@Suite("lessons in the live monitor", .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct LessonMonitorEndToEndTests {
    static func start(_ arguments: [String]) throws -> TmuxSession {
        let path = try #require(ProcessRunner.builtProduct(named: "mlptop"), "mlptop binary not found")
        return try TmuxSession(command: [path] + arguments, environment: [:], width: 120, height: 40)
    }

    static func shows(_ text: String, on screen: [String]) -> Bool { screen.contains { $0.contains(text) } }

    @Test("a lesson locking r: r is refused with a message and the epoch runs on; the notes line shows; hidden panels are absent")
    func lockedKeyNotesAndHiddenPanel() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-lesson")
        let lesson = scratch.file("l.json")
        try #"{"dataset": "circle", "hidden": [3], "speed": 50, "locked": ["r"], "hide": ["weights"], "notes": "A circle needs three lines."}"#
            .write(toFile: lesson, atomically: true, encoding: .utf8)
        let session = try Self.start(["train", "--config", lesson])
        let screen = try session.waitUntil(timeout: .seconds(60), "the dashboard") { Self.shows("Gradient norms", on: $0) }
        #expect(screen[0].hasSuffix("circle 2-3-1"), "\(screen[0])")
        #expect(screen[1].hasPrefix("A circle needs three lines."))
        #expect(screen[2].hasPrefix("┌─ Loss"))
        #expect(!Self.shows("Weights, layer", on: screen))
        // Gradient norms take the weight map's half: the panel starts at column 0.
        #expect(screen.contains { $0.hasPrefix("┌─ Gradient norms") })
        #expect(!(screen.last ?? "").contains("r reset"))
        try session.sendKeys("r")
        try session.waitUntil("the refusal") { Self.shows("r is locked in this lesson", on: $0) }
        try session.sendKeys("?")
        let help = try session.waitUntil("the help") { Self.shows("reset with a new seed (locked in this lesson)", on: $0) }
        #expect(Self.shows("Keys", on: help))
        try session.sendKeys("Escape")
        try session.sendKeys("v")
        try session.waitUntil("the network view") { Self.shows("Inspector: layer", on: $0) }
        try session.sendKeys("r")
        let inNetworkView = try session.waitUntil("the refusal in the network view") {
            Self.shows("r is locked in this lesson", on: $0)
        }
        #expect(inNetworkView[1].hasPrefix("A circle needs three lines."))
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("the shipped XOR lesson: its note, its locked keys, the gradient panel hidden")
    func xorLesson() throws {
        let session = try Self.start(["train", "--config", LessonCommandTests.root + "/lessons/xor.json"])
        let screen = try session.waitUntil(timeout: .seconds(60), "the dashboard") { Self.shows("Weights, layer", on: $0) }
        #expect(screen[0].hasSuffix("xor-corners.csv 2-2-1"), "\(screen[0])")
        #expect(screen[1].hasPrefix("XOR"), "\(screen[1])")
        #expect(!Self.shows("Gradient norms", on: screen))
        try session.sendKeys("f")
        try session.waitUntil("the refusal") { Self.shows("f is locked in this lesson", on: $0) }
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }
}
