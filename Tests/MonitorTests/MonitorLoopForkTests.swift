import Foundation
import Monitor
import TerminalUI
import Testing
@testable import Training

/// The frame loop's side-by-side runs: a fork refused changes nothing, a seventh is refused, and
/// `s` with several runs snapshots them together.
@Suite struct MonitorLoopForkTests {
    let loop = MonitorLoop(run: MonitorFixtures.runInfo(), framesPerSecond: 1000)

    /// Types `text` at the fork prompt and presses Enter.
    static func fork(_ text: String) -> [Key] {
        [.character("f")] + text.map { Key.character($0) } + [.enter]
    }

    @Test func anUnparsableForkIsRefusedWithAMessageAndNothingChanges() {
        let trainer = FakeTrainer(state: MonitorFixtures.state())
        let terminal = OffscreenTerminal(width: 120, height: 40, waits: false)
        var loop = loop
        var asked: [String] = []
        loop.forker = { text, _ in
            asked.append(text)
            return .failure(ForkFailure("'lr' is not KEY=VALUE (e.g. lr=0.3)"))
        }
        terminal.pendingKeys = Self.fork("lr") + [.character("2"), .character("q")]
        #expect(loop.run(trainer: trainer, terminal: terminal, pendingSignal: { nil }) == .quit)
        #expect(asked == ["lr"])
        #expect(trainer.sent.isEmpty)
        let lines = terminal.lastFrame?.lines ?? []
        // Still one run: the loss panel names no runs, and 2 selects none.
        #expect(lines[1].hasPrefix("┌─ Loss ─"))
        #expect(lines[38].hasPrefix("no run 2: 1 running; f forks one"), "\(lines[38])")
    }

    @Test func aSeventhRunIsRefusedAndSWithSeveralRunsSnapshotsThemTogether() {
        let trainer = FakeTrainer(state: MonitorFixtures.state())
        let terminal = OffscreenTerminal(width: 120, height: 40, waits: false)
        var loop = loop
        var forks = 0
        loop.forker = { text, _ in
            forks += 1
            return .success(ForkedRun(connection: FakeTrainer(state: MonitorFixtures.state(epochs: 100)), label: text))
        }
        var snapshots: [[String]] = []
        loop.comparisonSnapshotter = { runs in snapshots.append(runs.map(\.label)) }
        // f with six runs opens the prompt (what is typed is not taken as keys: l would toggle the
        // log scale, r reset); Enter refuses.
        terminal.pendingKeys = (1...5).flatMap { Self.fork("seed=\($0)") } + [.character("f"), .character("r"), .enter]
            + [.character("s"), .character("q")]
        #expect(loop.run(trainer: trainer, terminal: terminal, pendingSignal: { nil }) == .quit)
        #expect(forks == 5)
        #expect(snapshots == [["main", "seed=1", "seed=2", "seed=3", "seed=4", "seed=5"]])
        #expect(trainer.sent.isEmpty, "no lone snapshot of the selected run")
        let lines = terminal.lastFrame?.lines ?? []
        #expect(lines[38].hasPrefix("fork refused: already 6 runs, the most side by side"), "\(lines[38])")
        #expect(trainer.sent.allSatisfy { if case .reset = $0 { false } else { true } }, "r went to the prompt, not reset")
        #expect(lines[1].contains("run 1 of 6, main"), "\(lines[1])")
    }
}
