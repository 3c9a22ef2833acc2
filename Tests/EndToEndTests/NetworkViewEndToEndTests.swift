import Foundation
import Testing
import TestSupport

/// The network view (`v`) as a user sees it: the real binary in a private tmux server.
@Suite("the network view in tmux", .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct NetworkViewEndToEndTests {
    typealias Monitor = MonitorEndToEndTests

    /// Starts the default run held at epoch 1: `--speed 0.001` lets the first epoch run at once and
    /// the next only after 1000 s; Space then pauses it there.
    static func startHeldAtEpochOne(_ extra: [String] = []) throws -> TmuxSession {
        let session = try Monitor.start(["--speed", "0.001", "--no-color"] + extra)
        try session.waitUntil("epoch 1") { Monitor.epoch(on: $0) == 1 }
        try session.sendKeys("Space")
        try session.waitUntil("PAUSED") { $0[0].hasPrefix(" PAUSED ") }
        return session
    }

    @Test("v shows every layer and the chain rule's lines; arrows move the selection; g reports a gradient check")
    func networkViewInspectorAndCheck() throws {
        let session = try Self.startHeldAtEpochOne()
        try session.sendKeys("v")
        // The whole frame: the inspector's title, its last section and the legend (tmux may be
        // caught mid-frame on a loaded machine).
        var screen = try session.waitUntil("the network view") {
            Monitor.shows("┌─ Inspector: layer 2, neuron 1", on: $0) && Monitor.shows("Δw = −α·g = ", on: $0)
                && $0.last?.hasPrefix("arrows neuron") == true
        }
        #expect(Monitor.shows("┌─ Network: each neuron over the input plane", on: screen))
        for column in ["x1 x2", "1: 16 tanh", "2: 16 tanh", "out: sigmoid"] {
            #expect(Monitor.shows(column, on: screen), "\(column) missing")
        }
        for line in ["forward  z = Σ w·a + b", "a = tanh(z) = ", "backward  δ = ∂E/∂z", "δ = f′(z)·Σ w·δ = ",
                     "∂E/∂w = δ·a1 = ", "batch mean, last step: ", "update  sgd, α = 0.1, epoch 1", "Δw = −α·g = "] {
            #expect(Monitor.shows(line, on: screen), "\(line) missing")
        }
        #expect(screen.last?.hasPrefix("arrows neuron  Tab weight  x/z sample") == true)
        try session.sendKeys("Down", "Down", "Left")
        screen = try session.waitUntil("neuron 3 of layer 1") {
            Monitor.shows("┌─ Inspector: layer 1, neuron 3", on: $0) && Monitor.shows("∂E/∂w = δ·x1 = ", on: $0)
        }
        #expect(Monitor.shows("∂E/∂w = δ·x1 = ", on: screen))
        try session.sendKeys("g")
        screen = try session.waitUntil(timeout: .seconds(30), "the gradient check") {
            $0[38].hasPrefix("gradient check: worst relative error ")
        }
        let error = try #require(Double(Monitor.number(after: "relative error ", in: screen[38]) ?? ""))
        #expect(error < 1e-4, "\(screen[38])")
        #expect(Monitor.shows("numeric  ", on: screen) && Monitor.shows("analytic ", on: screen))
        try session.sendKeys("v")
        try session.waitUntil("the dashboard again") { Monitor.shows("┌─ Gradient norms", on: $0) }
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("stepping every phase (p) leaves exactly the weights one n leaves")
    func phaseSteppingEqualsOneEpoch() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-phases")
        let stepped = try Self.startHeldAtEpochOne(["--save", scratch.file("phases.json")])
        try stepped.sendKeys("v")
        try stepped.waitUntil("the network view") { Monitor.shows("┌─ Inspector", on: $0) }
        // 2-16-16-1: forward 1, 2, 3, loss, backward 3, 2, 1, update.
        for phase in ["forward, layer 1 of 3", "forward, layer 2 of 3", "forward, layer 3 of 3", "loss",
                      "backward, layer 3 of 3", "backward, layer 2 of 3", "backward, layer 1 of 3", "update"] {
            try stepped.sendKeys("p")
            try stepped.waitUntil("phase \(phase)") { Monitor.shows("phase: \(phase) ", on: $0) }
        }
        try stepped.waitUntil("epoch 2") { Monitor.epoch(on: $0) == 2 }
        try stepped.sendKeys("q")
        #expect(try stepped.waitForExit() == 0)

        let plain = try Self.startHeldAtEpochOne(["--save", scratch.file("n.json")])
        try plain.sendKeys("n")
        try plain.waitUntil("epoch 2") { Monitor.epoch(on: $0) == 2 }
        try plain.sendKeys("q")
        #expect(try plain.waitForExit() == 0)
        let a = try Data(contentsOf: URL(fileURLWithPath: scratch.file("phases.json")))
        let b = try Data(contentsOf: URL(fileURLWithPath: scratch.file("n.json")))
        #expect(a == b)
    }

    @Test("a bias typed in the inspector changes the decision map and goes into the snapshot's command log")
    func editedBiasChangesTheMap() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-edit")
        let session = try Self.startHeldAtEpochOne(["--snapshot-dir", scratch.file("snaps")])
        try session.waitUntil(timeout: .seconds(30), "a quiet message line") { $0[38].trimmingCharacters(in: .whitespaces).isEmpty }
        let before = try session.capture()
        try session.sendKeys("v")
        try session.waitUntil("the network view") { Monitor.shows("┌─ Inspector", on: $0) }
        // The output neuron, then its bias (the entry after the last weight).
        try session.sendKeys("Right", "BTab")
        try session.waitUntil("the bias selected") { Monitor.shows("gradient  b(1)", on: $0) }
        try session.sendKeys("Enter")
        try session.waitUntil("the prompt") { $0[38].hasPrefix("new value for layer 3 b(1) (now ") }
        try session.sendKeys("-", "6", "Enter")
        try session.waitUntil("the edit") { $0[38].hasPrefix("layer 3 b(1) set to -6.0 (was ") }
        try session.sendKeys("v", "s")
        let after = try session.waitUntil("the snapshot") { $0[38].contains("snapshot written to") }
        let mapRows = { (screen: [String]) in screen[2..<22].map { String($0.suffix(54)) } }
        #expect(mapRows(before) != mapRows(after))
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
        let folders = try FileManager.default.contentsOfDirectory(atPath: scratch.file("snaps"))
        let run = try String(contentsOfFile: scratch.file("snaps/\(try #require(folders.first))/run.json"), encoding: .utf8)
        #expect(run.contains("set layer 3 b(1) = -6.0"), "\(run)")
        // screen.txt ends with the inspector the user had open: the output neuron and its bias.
        let text = try String(contentsOfFile: scratch.file("snaps/\(try #require(folders.first))/screen.txt"), encoding: .utf8)
        #expect(text.contains("Inspector: layer 3, neuron 1\nneuron 1 of layer 3 (output, 16→1 sigmoid)"), "\(text)")
        #expect(text.contains("> b(1) = -6\n"), "\(text)")
    }

    /// Ten seconds at the monitor's pace of 2000 epochs/s is epoch 20,000: the test looks at the
    /// chart there, so a loaded machine that falls behind the pace only makes it slower.
    @Test("the default run starts paced, and ten seconds in (epoch 20,000) the loss's descent covers a third of the chart")
    func theDefaultRunCanBeWatched() throws {
        let session = try Monitor.start(["--no-color"])
        try session.waitUntil("the pace in the status bar") { $0[0].contains("/2000 epochs/s") }
        try session.waitUntil(timeout: .seconds(120), "epoch 20,000") { (Monitor.epoch(on: $0) ?? 0) >= 20_000 }
        try session.sendKeys("Space")
        let screen = try session.waitUntil("paused") { $0[0].hasPrefix(" PAUSED ") }
        #expect((20_000...21_000).contains(Monitor.epoch(on: screen) ?? 0), "\(screen[0])")
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
        // The loss panel: rows 3…20, columns between the y axis and the panel's right edge.
        let rows = Array(screen[3...20]).map { Array($0) }
        let axis = try #require(rows[0].firstIndex(of: "┤").map { $0 + 1 } ?? rows[1].firstIndex(of: "│").map { $0 + 1 })
        let right = 64
        // The highest row with a plotted dot in each column (braille cells), or nil.
        let tops: [Int?] = (axis..<right).map { x in
            rows.indices.first { y in x < rows[y].count && rows[y][x].unicodeScalars.first.map { (0x2801...0x28FF).contains($0.value) } == true }
        }
        let plotted = tops.enumerated().compactMap { i, top in top.map { (i, $0) } }
        let first = try #require(plotted.first), last = try #require(plotted.last)
        let drop = Double(last.1 - first.1)
        #expect(drop >= 8, "the loss fell only \(drop) rows: \(screen.joined(separator: "\n"))")
        let start = plotted.first { Double($0.1 - first.1) >= 0.1 * drop }?.0 ?? 0
        let end = plotted.first { Double($0.1 - first.1) >= 0.9 * drop }?.0 ?? 0
        let covered = Double(end - start) / Double(right - axis)
        #expect(covered >= 1.0 / 3.0, "descent covers \(covered) of the chart:\n\(screen.joined(separator: "\n"))")
    }
}
