import Foundation
import Testing
import TestSupport

/// The settings panel (`e`) and data editing (`d`): the real binary in tmux.
@Suite("settings and data editing in tmux", .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct SettingsEndToEndTests {
    typealias Monitor = MonitorEndToEndTests

    @Test("e opens the panel; its lr row halves the rate as - does; a neuron added shows as 2-17-16-1 after y")
    func panelChangesTheRun() throws {
        let session = try Monitor.start(["--no-color", "--speed", "200"])
        try session.waitUntil("some epochs") { (Monitor.epoch(on: $0) ?? 0) > 20 }
        try session.sendKeys("-")
        try session.waitUntil("lr 0.05 after -") { Monitor.learningRate(on: $0) == "0.05" }
        try session.sendKeys("e")
        // The whole frame: tmux may be caught between the panel's rows and the legend's.
        var screen = try session.waitUntil("the panel and its legend") {
            Monitor.shows("┌─ Settings: live rows act at once, reset rows wait for y", on: $0)
                && $0.last?.hasPrefix("Up/Down move  Left/Right change  Enter type  y apply  u undo  Esc close") == true
        }
        #expect(screen[2].hasPrefix("│ > dataset             spiral"))
        // Rows: dataset, n, noise, test-fraction, features, hidden layers, layer 1, layer 2,
        // activation, loss, optimizer, lr.
        for _ in 0..<11 { try session.sendKeys("Down") }
        try session.waitUntil("the lr row") { Monitor.shows("│ > lr                  0.05", on: $0) }
        try session.sendKeys("Left")
        try session.waitUntil("lr 0.025 after Left, as after -") { Monitor.learningRate(on: $0) == "0.025" }
        for _ in 0..<5 { try session.sendKeys("Up") }
        try session.waitUntil("the layer 1 row") { Monitor.shows("│ >   layer 1 neurons   16", on: $0) }
        try session.sendKeys("Right")
        screen = try session.waitUntil("hidden=17,16 pending") { Monitor.shows("pending: hidden=17,16", on: $0) }
        #expect(screen[0].hasSuffix("spiral 2-16-16-1"), "nothing changes before y")
        try session.sendKeys("y")
        screen = try session.waitUntil("the new architecture") { $0[0].hasSuffix("spiral 2-17-16-1") }
        #expect(Monitor.learningRate(on: screen) == "0.025", "the rate in force carries over")
        try session.sendKeys("Escape")
        try session.waitUntil("the loss chart again") { Monitor.shows("┌─ Loss", on: $0) }
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("d, Enter adds a point: it appears on the map and in the snapshot's data.csv; a CSV that cannot be read is refused")
    func addedPointReachesTheSnapshot() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-data-edit")
        let session = try Monitor.start(["--no-color", "--speed", "200", "--snapshot-dir", scratch.file("snaps")])
        try session.waitUntil("some epochs") { (Monitor.epoch(on: $0) ?? 0) > 20 }
        try session.sendKeys("Space")
        try session.waitUntil("PAUSED") { $0[0].hasPrefix(" PAUSED ") }
        try session.sendKeys("d")
        try session.waitUntil("the cursor") { Monitor.shows("editing: class 0", on: $0) }
        // The top-left cell of the map lies in its margin, away from the data.
        for _ in 0..<40 { try session.sendKeys("Up", "Left") }
        try session.sendKeys("Tab")
        let before = try session.waitUntil("class 1 in the corner") { Monitor.shows("editing: class 1", on: $0) }
        let (row, column) = try #require(Self.cursor(on: before))
        try session.sendKeys("Right")
        let empty = try session.waitUntil("the cursor moved") { Self.cursor(on: $0)?.column == column + 1 }
        #expect(Self.cell(empty, row, column) != "x", "the corner is empty before")
        try session.sendKeys("Left", "Enter")
        let message = try session.waitUntil("the point added") { $0[38].hasPrefix("data add (") }[38]
        try session.sendKeys("Right")
        let after = try session.waitUntil("the cursor moved off the point") { Self.cursor(on: $0)?.column == column + 1 }
        #expect(Self.cell(after, row, column) == "x", "the new class-1 point is on the map")
        // `data add (x, y) class 1: ...` gives the coordinates data.csv must hold.
        let inside = try #require(message.split(separator: "(").dropFirst().first?.split(separator: ")").first)
        let row1 = inside.replacingOccurrences(of: " ", with: "") + ",1"
        try session.sendKeys("s")
        try session.waitUntil("the snapshot") { $0[38].contains("snapshot written to") }
        let folders = try FileManager.default.contentsOfDirectory(atPath: scratch.file("snaps"))
        let folder = scratch.file("snaps/" + (try #require(folders.first)))
        let csv = try String(contentsOfFile: folder + "/data.csv", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(csv.first == "x1,x2,label")
        #expect(csv.contains(row1), "\(row1) not in data.csv")
        // A data set typed in the panel that cannot be read: a message there, the run unchanged.
        try session.sendKeys("d", "e", "Enter")
        for _ in 0..<6 { try session.sendKeys("BSpace") }
        try session.sendKeys("/", "n", "o", "p", "e", ".", "c", "s", "v", "Enter")
        let refused = try session.waitUntil("the refusal") { Monitor.shows("│ /nope.csv: ", on: $0) }
        #expect(refused[0].hasSuffix("spiral 2-16-16-1"))
        try session.sendKeys("Escape", "q")
        #expect(try session.waitForExit() == 0)
        let path = try #require(ProcessRunner.builtProduct(named: "mlptop"))
        let resumed = try ProcessRunner.run(path, ["train", "--resume", folder, "--headless", "--epochs", "5000"],
                                            environment: ProcessInfo.processInfo.environment)
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect((resumed.standardOutput + resumed.standardError).contains("(321 train, 80 test)"), "\(resumed.standardError)")
    }

    /// Where the data cursor `@` is on the map (the right half of the screen).
    static func cursor(on screen: [String]) -> (row: Int, column: Int)? {
        for (row, line) in screen.enumerated() where row > 0 && row < 37 {
            let characters = Array(line)
            if let column = characters.indices.first(where: { $0 >= 60 && characters[$0] == "@" }) { return (row, column) }
        }
        return nil
    }

    static func cell(_ screen: [String], _ row: Int, _ column: Int) -> Character? {
        let characters = Array(screen[row])
        return column < characters.count ? characters[column] : nil
    }
}

/// The live run after several changes against its snapshot resumed: the same weights.
@Suite("live changes resumed in tmux", .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct LiveChangesResumedEndToEndTests {
    typealias Monitor = MonitorEndToEndTests

    @Test("momentum, L1 and a point changed live; the snapshot resumed headless to the same epoch saves the same weights")
    func snapshotAfterLiveChangesResumesToTheLiveWeights() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-live-resume")
        let live = scratch.file("live.json"), resumed = scratch.file("resumed.json")
        let session = try Monitor.start(["--no-color", "--speed", "300", "--optimizer", "momentum", "--snapshot-dir",
                                         scratch.file("snaps"), "--save", live])
        try session.waitUntil("some epochs") { (Monitor.epoch(on: $0) ?? 0) > 30 }
        try session.sendKeys("e")
        // Rows: … optimizer (10), lr, momentum (12), beta1, beta2, eps, l1 (16).
        for _ in 0..<12 { try session.sendKeys("Down") }
        try session.sendKeys("Left")
        try session.waitUntil("momentum 0.85") { Monitor.shows("│ > momentum            0.85", on: $0) }
        for _ in 0..<4 { try session.sendKeys("Down") }
        try session.sendKeys("Right", "Right")
        try session.waitUntil("l1 0.0001") { Monitor.shows("│ > l1                  0.0001", on: $0) }
        try session.sendKeys("Escape", "d", "Tab", "Enter")
        try session.waitUntil("the point added") { $0[38].hasPrefix("data add (") }
        try session.sendKeys("d", "Space")
        let paused = try session.waitUntil("PAUSED") { $0[0].hasPrefix(" PAUSED ") }
        let epoch = try #require(Monitor.epoch(on: paused))
        try session.sendKeys("s")
        try session.waitUntil("the snapshot") { $0[38].contains("snapshot written to") }
        for _ in 0..<7 { try session.sendKeys("n") }
        try session.waitUntil("7 more epochs") { Monitor.epoch(on: $0) == epoch + 7 }
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
        let folders = try FileManager.default.contentsOfDirectory(atPath: scratch.file("snaps"))
        let folder = scratch.file("snaps/" + (try #require(folders.first)))
        let run = try String(contentsOfFile: folder + "/run.json", encoding: .utf8)
        for logged in ["settings momentum=0.85", "settings l1=0.0001", "data add ("] {
            #expect(run.contains(logged), "\(logged) not in run.json's commands")
        }
        let path = try #require(ProcessRunner.builtProduct(named: "mlptop"))
        let result = try ProcessRunner.run(path, ["train", "--resume", folder, "--headless", "--epochs", "\(epoch + 7)",
                                                  "--save", resumed], environment: ProcessInfo.processInfo.environment)
        #expect(result.status == 0, "\(result.standardError)")
        func layers(_ file: String) throws -> String {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(text.contains("\"epoch\": \(epoch + 7),"), "\(file) is not at epoch \(epoch + 7)")
            let start = try #require(text.range(of: "\"layers\""))
            return String(text[start.lowerBound...])
        }
        #expect(try layers(live) == layers(resumed), "the resumed run's weights differ from the live run's")
    }
}
