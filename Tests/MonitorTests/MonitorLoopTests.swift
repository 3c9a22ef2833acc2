import Foundation
import Monitor
import TerminalUI
import Testing
@testable import Training

@Suite("The frame loop with a fake terminal and a fake trainer")
struct MonitorLoopTests {
    /// A loop at 1000 fps, so tests never wait long for a frame.
    let loop = MonitorLoop(run: MonitorFixtures.runInfo(), framesPerSecond: 1000)

    @Test("keys in, commands out, in order; q ends the loop")
    func keysToCommands() {
        let trainer = FakeTrainer(state: MonitorFixtures.state())
        let terminal = OffscreenTerminal(width: 120, height: 40, waits: false)
        terminal.pendingKeys = [.space, .character("+"), .character("]"), .character("s"), .character("r"),
                                .character("r"), .character("q"), .character("-")]
        let ending = loop.run(trainer: trainer, terminal: terminal, pendingSignal: { nil })
        #expect(ending == .quit)
        #expect(trainer.sent == [.togglePause, .scaleLearningRate(2), .scaleLearningRate(1.1), .snapshot,
                                 .reset(seed: 2), .reset(seed: 3)])
        #expect(terminal.pendingKeys == [.character("-")])
        #expect(terminal.lastFrame?.lines[0].hasPrefix(" RUNNING    epoch 1234 ") == true)
    }

    @Test("a signal ends the loop with its number before any key is read")
    func signalEnds() {
        let trainer = FakeTrainer(state: MonitorFixtures.state())
        let terminal = OffscreenTerminal(width: 120, height: 40, waits: false)
        terminal.pendingKeys = [.space]
        #expect(loop.run(trainer: trainer, terminal: terminal, pendingSignal: { 15 }) == .signal(15))
        #expect(trainer.sent.isEmpty)
        #expect(terminal.pendingKeys == [.space])
    }

    @Test("view keys change the next frame; an unchanged state is not drawn again")
    func viewKeysRedraw() {
        let trainer = FakeTrainer(state: MonitorFixtures.state(status: .paused))
        let terminal = OffscreenTerminal(width: 120, height: 40, waits: false)
        var reads = 0
        terminal.nextKey = {
            reads += 1
            switch reads {
            case 1: return .character("l")
            case 2...20: return nil
            case 21: return .character("?")
            case 22...40: return nil
            default: return .character("q")
            }
        }
        #expect(loop.run(trainer: trainer, terminal: terminal, pendingSignal: { nil }) == .quit)
        #expect(terminal.framesDrawn == 3)
        let lines = terminal.lastFrame?.lines ?? []
        #expect(lines[1].hasPrefix("┌─ Loss (log scale) ─"))
        #expect(lines.contains { $0.contains("┌─ Keys ─") })
    }

    @Test("a resize redraws at the new size; too small shows the notice; back again the dashboard")
    func resize() {
        let trainer = FakeTrainer(state: MonitorFixtures.state())
        let terminal = OffscreenTerminal(width: 120, height: 40, waits: false)
        var step = 0
        var sizes: [(Int, Int)] = []
        terminal.nextKey = {
            step += 1
            if let frame = terminal.lastFrame, sizes.last.map({ $0 != (frame.width, frame.height) }) ?? true {
                sizes.append((frame.width, frame.height))
            }
            switch step {
            case 2: (terminal.screenWidth, terminal.screenHeight) = (60, 20); return .resize
            case 4: (terminal.screenWidth, terminal.screenHeight) = (40, 12); return .resize
            case 6:
                #expect(terminal.lastFrame?.lines.contains { $0.contains("Enlarge the window") } == true)
                (terminal.screenWidth, terminal.screenHeight) = (120, 40)
                return .resize
            case 8: return .character("q")
            default: return nil
            }
        }
        #expect(loop.run(trainer: trainer, terminal: terminal, pendingSignal: { nil }) == .quit)
        #expect(sizes.map { "\($0.0)x\($0.1)" } == ["120x40", "60x20", "40x12", "120x40"])
        #expect(terminal.lastFrame?.lines[1].hasPrefix("┌─ Loss ─") == true)
    }

    @Test("a trainer message appears in the message line; a local one too")
    func messages() {
        let trainer = FakeTrainer(state: MonitorFixtures.saying("snapshots are not enabled in this run",
                                                                in: MonitorFixtures.state()))
        let terminal = OffscreenTerminal(width: 120, height: 40, waits: false)
        var seen: [String] = []
        terminal.nextKey = {
            seen.append(terminal.lastFrame?.lines[38].trimmingCharacters(in: .whitespaces) ?? "")
            return seen.count == 1 ? .character("u") : .character("q")
        }
        _ = loop.run(trainer: trainer, terminal: terminal, pendingSignal: { nil })
        #expect(seen.first == "snapshots are not enabled in this run")
        #expect(terminal.lastFrame?.lines[38].hasPrefix("u: not a key here; ? shows the keys") == true)
    }

    @Test("with a real trainer: Space pauses, + doubles the learning rate, q quits")
    func realTrainer() throws {
        let prepared = try RunConfiguration().prepare()
        let run = TrainingRun(network: prepared.network, optimizer: prepared.optimizer, trainingSet: prepared.trainingSet,
                              testSet: prepared.testSet, batchSize: .full, threads: 1, generator: .init(seed: 3))
        let trainer = Trainer(run: run, targetEpochs: 0, makeNetwork: { prepared.freshNetwork(seed: $0) })
        trainer.start()
        defer {
            trainer.send(.stop)
            trainer.waitUntilStopped()
        }
        let terminal = OffscreenTerminal(width: 120, height: 40, waits: true)
        var script: [Key] = [.space, .character("+")]
        let deadline = Date().addingTimeInterval(60)
        terminal.nextKey = { [unowned terminal] in
            if script.isEmpty {
                // Quit once the screen (not just the trainer) shows the change, or at the deadline.
                let top = terminal.lastFrame?.lines.first ?? ""
                let shown = top.hasPrefix(" PAUSED ") && top.contains("lr 0.2 sgd")
                return shown || Date() > deadline ? .character("q") : nil
            }
            return trainer.state.epoch > 0 ? script.removeFirst() : nil
        }
        let ending = MonitorLoop(run: MonitorRunInfo(prepared: prepared)).run(trainer: trainer, terminal: terminal,
                                                                              pendingSignal: { nil })
        #expect(ending == .quit)
        let lines = try #require(terminal.lastFrame?.lines)
        #expect(lines[0].hasPrefix(" PAUSED "))
        #expect(lines[0].contains("lr 0.2 sgd"))
    }
}
