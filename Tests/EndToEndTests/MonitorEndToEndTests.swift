import Foundation
import Testing
import TestSupport

/// The live monitor as a user sees it: the real binary in a private tmux server.
///
/// Every wait polls the screen with a deadline, so a loaded machine only makes the tests slower.
@Suite("mlptop's live monitor in tmux", .serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed"))
struct MonitorEndToEndTests {
    /// Starts `mlptop` with `arguments` in a fresh tmux session and waits for the dashboard.
    static func start(
        _ arguments: [String] = [], environment: [String: String] = [:], width: Int = 120, height: Int = 40,
        waitForDashboard: Bool = true
    ) throws -> TmuxSession {
        let path = try #require(ProcessRunner.builtProduct(named: "mlptop"), "mlptop binary not found")
        let session = try TmuxSession(command: [path] + arguments, environment: environment, width: width, height: height)
        if waitForDashboard {
            try session.waitUntil(timeout: .seconds(60), "the dashboard") { shows("Gradient norms", on: $0) }
        }
        return session
    }

    /// The epoch in the status bar (`epoch 1234`), or nil.
    static func epoch(on screen: [String]) -> Int? {
        number(after: "epoch ", in: screen.first ?? "").flatMap { Int($0) }
    }

    /// The learning rate in the status bar (`lr 0.03`), or nil.
    static func learningRate(on screen: [String]) -> String? {
        number(after: "lr ", in: screen.first ?? "")
    }

    static func number(after prefix: String, in line: String) -> String? {
        guard let range = line.range(of: prefix) else { return nil }
        let text = line[range.upperBound...].prefix { !$0.isWhitespace }
        return text.isEmpty ? nil : String(text)
    }

    static func shows(_ text: String, on screen: [String]) -> Bool {
        screen.contains { $0.contains(text) }
    }

    @Test("with no arguments: the four panels, the status bar and the legend; the epoch advances")
    func panelsAndProgress() throws {
        let session = try Self.start()
        let screen = try session.waitUntil("a first epoch") { (Self.epoch(on: $0) ?? 0) > 0 }
        #expect(screen[0].hasPrefix(" RUNNING "))
        #expect(screen[0].hasSuffix("spiral 2-16-16-1"))
        #expect(Self.learningRate(on: screen) == "0.1")
        for title in ["┌─ Loss", "┌─ Decision boundary: train o x, test O X", "┌─ Weights, layer 1/3: 2→16 tanh",
                      "┌─ Gradient norms (log scale)"] {
            #expect(Self.shows(title, on: screen), "\(title) missing")
        }
        #expect(screen.last?.hasPrefix("Space pause n step v network +/- lr") == true)
        let first = try #require(Self.epoch(on: screen))
        try session.waitUntil("the epoch to pass \(first + 200)") { (Self.epoch(on: $0) ?? 0) > first + 200 }
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("Space pauses (the epoch stays put for a second) and resumes; n steps one epoch")
    func pauseAndResume() throws {
        let session = try Self.start()
        try session.sendKeys("Space")
        let paused = try session.waitUntil("PAUSED") { $0.first?.hasPrefix(" PAUSED ") == true }
        let epoch = try #require(Self.epoch(on: paused))
        usleep(1_200_000)
        #expect(Self.epoch(on: try session.capture()) == epoch)
        try session.sendKeys("n")
        try session.waitUntil("one more epoch") { Self.epoch(on: $0) == epoch + 1 }
        try session.sendKeys("Space")
        try session.waitUntil("RUNNING and the epoch moving") {
            $0.first?.hasPrefix(" RUNNING ") == true && (Self.epoch(on: $0) ?? 0) > epoch + 10
        }
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("+ doubles the learning rate shown, - halves it, and the change is announced")
    func learningRateKeys() throws {
        let session = try Self.start(["--lr", "0.03"])
        #expect(Self.learningRate(on: try session.capture()) == "0.03")
        try session.sendKeys("+")
        // Wait for both: a capture can land while the terminal is between the two rows' updates.
        try session.waitUntil("lr 0.06 and its message") {
            Self.learningRate(on: $0) == "0.06" && $0[38].hasPrefix("lr changed to 0.06")
        }
        try session.sendKeys("-")
        try session.waitUntil("lr 0.03 again") { Self.learningRate(on: $0) == "0.03" }
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("s writes a snapshot, says where, and `show --print` draws the same screen again")
    func snapshotKey() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-monitor-snapshot")
        // Without colour the screen uses the glyphs a text picture can show, as `show --print` does.
        let session = try Self.start(["--dataset", "moons", "--no-color", "--snapshot-dir", scratch.file("snaps")])
        try session.waitUntil("some epochs") { (Self.epoch(on: $0) ?? 0) > 50 }
        try session.sendKeys("Space")
        try session.waitUntil("PAUSED") { $0[0].hasPrefix(" PAUSED ") }
        // Let the pause settle (the map re-evaluates, messages expire) before taking the picture.
        try session.waitUntil(timeout: .seconds(30), "a quiet message line") { $0[38].trimmingCharacters(in: .whitespaces).isEmpty }
        let live = try session.capture()
        try session.sendKeys("s")
        let screen = try session.waitUntil("the snapshot message") { $0[38].contains("snapshot written to") }
        #expect(screen[38].hasPrefix("snapshot written to \(scratch.file("snaps"))/"))
        let folders = try FileManager.default.contentsOfDirectory(atPath: scratch.file("snaps"))
        let folder = scratch.file("snaps/" + (try #require(folders.first)))
        let saved = try String(contentsOfFile: folder + "/screen.txt", encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(saved.prefix(38).map { $0.trimmingCharacters(in: .whitespaces) } == live.prefix(38).map { $0.trimmingCharacters(in: .whitespaces) })
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
        let path = try #require(ProcessRunner.builtProduct(named: "mlptop"))
        let shown = try ProcessRunner.run(path, ["show", folder, "--print"], environment: ProcessInfo.processInfo.environment)
        #expect(shown.status == 0, "\(shown.standardError)")
        let printed = shown.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        for row in 0..<38 {
            #expect(printed[row].trimmingCharacters(in: .whitespaces) == live[row].trimmingCharacters(in: .whitespaces),
                    "row \(row) differs")
        }
    }

    @Test("in 256 colours, screen.txt spells the decision map in text glyphs, not colour-only half blocks")
    func colourSnapshotText() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-monitor-colour-snapshot")
        let session = try Self.start(["--dataset", "moons", "--snapshot-dir", scratch.file("snaps")],
                                     environment: ["TERM": "xterm-256color"])
        // The live map is drawn in half blocks.
        try session.waitUntil("the map in half blocks") { screen in (Self.epoch(on: screen) ?? 0) > 50 && screen.contains { $0.contains("▀") } }
        try session.sendKeys("s")
        try session.waitUntil("the snapshot message") { $0[38].contains("snapshot written to") }
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
        let folders = try FileManager.default.contentsOfDirectory(atPath: scratch.file("snaps"))
        let folder = scratch.file("snaps/" + (try #require(folders.first)))
        let saved = try String(contentsOfFile: folder + "/screen.txt", encoding: .utf8).split(separator: "\n")
        // The 40 rows of the screen, then the inspector's text for the selected neuron.
        #expect(saved.count > 40 && saved[40] == "Inspector: layer 2, neuron 1", "\(saved)")
        #expect(!saved.contains { $0.contains("▀") })
        #expect(saved[0].contains("epoch "))
        #expect(saved.contains { $0.contains("+++") } && saved.contains { $0.contains("---") }, "the two class ramps")
    }

    @Test("a resize to 60×20 re-lays out the screen, too small asks to enlarge, and back to 120×40")
    func resize() throws {
        let session = try Self.start()
        try session.resize(width: 60, height: 20)
        let small = try session.waitUntil("the dashboard at 60×20") {
            $0.count == 20 && Self.shows("┌─ Loss", on: $0) && $0[19].hasPrefix("Space pause")
        }
        #expect(small[0].hasPrefix(" RUNNING   epoch "))
        try session.resize(width: 40, height: 12)
        try session.waitUntil("the enlarge notice") { Self.shows("Enlarge the window", on: $0) }
        try session.resize(width: 120, height: 40)
        let large = try session.waitUntil("the dashboard at 120×40") {
            $0.count == 40 && Self.shows("┌─ Decision boundary: train o x, test O X", on: $0)
        }
        let epoch = try #require(Self.epoch(on: large))
        try session.waitUntil("the epoch still advancing") { (Self.epoch(on: $0) ?? 0) > epoch }
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("q exits 0, restores the terminal, then saves the model")
    func quitRestoresAndSaves() throws {
        let scratch = try ProcessScratchDirectory(prefix: "mlptop-monitor")
        let model = scratch.file("model.json")
        let session = try Self.start(["--save", model])
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
        let screen = try session.waitUntil("the after-exit line") { Self.shows(TmuxSession.ttyRestoredLine, on: $0) }
        #expect(screen.first?.hasPrefix("mlptop: saved the model of epoch ") == true)
        #expect(screen.first?.hasSuffix(" to \(model)") == true)
        #expect(screen.dropFirst().first == TmuxSession.ttyRestoredLine)
        try Self.expectRestored(session)
        #expect(FileManager.default.fileExists(atPath: model))
    }

    @Test("a run that diverges shows DIVERGED, and q then exits 70")
    func divergedExits70() throws {
        let session = try Self.start(["--activation", "linear", "--lr", "50"])
        // Both rows at once (a capture can land between the two rows' updates).
        let diverged = try session.waitUntil("DIVERGED and its message") {
            $0.first?.hasPrefix(" DIVERGED ") == true && Self.shows("loss became NaN at epoch 9", on: $0)
        }
        #expect(!(diverged.first ?? "").contains("-nan"), "\(diverged.first ?? "")")
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 70)
        let after = try session.waitUntil("the after-exit line") { Self.shows(TmuxSession.ttyRestoredLine, on: $0) }
        #expect(after.first?.hasPrefix("mlptop: the run ended diverged: loss became NaN at epoch 9 with lr 50;") == true,
                "\(after.prefix(3))")
        try Self.expectRestored(session)
    }

    @Test("Ctrl-C restores the terminal and exits 130")
    func controlC() throws {
        let session = try Self.start()
        try session.sendKeys("C-c")
        #expect(try session.waitForExit() == 130)
        let screen = try session.waitUntil("the after-exit line") { Self.shows(TmuxSession.ttyRestoredLine, on: $0) }
        #expect(screen.first == TmuxSession.ttyRestoredLine)
        try Self.expectRestored(session)
    }

    @Test("--epochs 50 ends in DONE at epoch 50, and the final state stays until q")
    func doneStays() throws {
        let session = try Self.start(["--epochs", "50"])
        let done = try session.waitUntil("DONE") { $0.first?.hasPrefix(" DONE ") == true }
        #expect(Self.epoch(on: done) == 50)
        usleep(1_000_000)
        let later = try session.capture()
        #expect(later.first?.hasPrefix(" DONE ") == true)
        #expect(Self.epoch(on: later) == 50)
        #expect(session.exitStatus == nil)
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("TERM=dumb: a note on stderr, then headless training")
    func dumbTerminalFallsBack() throws {
        let session = try Self.start(["--epochs", "100"], environment: ["TERM": "dumb"], waitForDashboard: false)
        #expect(try session.waitForExit(timeout: .seconds(60)) == 0)
        let screen = try session.waitUntil("the after-exit line") { Self.shows(TmuxSession.ttyRestoredLine, on: $0) }
        #expect(screen.first == "mlptop: not a terminal (TERM=dumb cannot move the cursor); running headless")
        #expect(Self.shows("done: 100 epochs", on: screen))
    }

    @Test("--ascii draws only ASCII characters")
    func asciiOnly() throws {
        let session = try Self.start(["--ascii"])
        let screen = try session.waitUntil("a first epoch") { (Self.epoch(on: $0) ?? 0) > 0 }
        #expect(Self.shows("+- Loss -", on: screen))
        let nonASCII = screen.joined().unicodeScalars.filter { !$0.isASCII }
        #expect(nonASCII.isEmpty, "non-ASCII on screen: \(String(String.UnicodeScalarView(nonASCII)))")
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    @Test("a locale the user set that is not UTF-8 chooses ASCII by itself")
    func nonUTF8LocaleChoosesASCII() throws {
        let session = try Self.start(environment: ["LANG": "C", "LC_ALL": "C"])
        let screen = try session.waitUntil("a first epoch") { (Self.epoch(on: $0) ?? 0) > 0 }
        #expect(Self.shows("+- Loss -", on: screen))
        #expect(screen.joined().unicodeScalars.allSatisfy { $0.isASCII })
        try session.sendKeys("q")
        #expect(try session.waitForExit() == 0)
    }

    /// After the program has exited: the main screen is back, the cursor visible, tty modes as before.
    static func expectRestored(_ session: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let screen = try session.capture()
        #expect(!shows("Gradient norms", on: screen), "dashboard left on screen", sourceLocation: sourceLocation)
        #expect(shows(TmuxSession.ttyRestoredLine, on: screen), sourceLocation: sourceLocation)
        #expect(try session.display("#{alternate_on}") == "0", sourceLocation: sourceLocation)
        #expect(try session.display("#{cursor_flag}") == "1", sourceLocation: sourceLocation)
    }
}
