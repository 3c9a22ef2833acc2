@testable import Monitor
import TerminalUI
import Testing
@testable import Training

/// Data editing down to one training point: the last one stays, and the monitor says why (it
/// said "no training point left to remove" while one was left).
@Suite struct DataEditLastPointTests {
    @Test("removing down to one training point: the last one stays, and the message says why")
    func lastPointStays() throws {
        var c = RunConfiguration()
        c.dataset = "xor"
        c.sampleCount = 4
        c.testFraction = 0.5
        var run = try c.prepare()
        let state = TrainerState(network: run.network, learningRate: 0.1, targetEpochs: 0, epoch: 0, status: .paused)
        let view = KeyMap.standard.handle(.character("d"), state: MonitorViewState(layerCount: 3, seed: 1), status: .paused).state
        var removed = 0
        while run.rawTrainingSet.count > 1 {
            let loop = MonitorLoop(run: MonitorRunInfo(prepared: run))
            let dashboard = Dashboard(run: MonitorRunInfo(prepared: run), theme: Theme(colorMode: .none, glyphs: .ascii))
            let outcome = try #require(loop.modeOutcome(.character("x"), view: view, dashboard: dashboard, state: state, base: run,
                                                        width: 120, height: 40))
            guard case .redefine(let redefinition)? = outcome.commands.first else {
                Issue.record("x sent \(outcome.commands) with \(run.rawTrainingSet.count) points")
                return
            }
            run = redefinition.prepared
            removed += 1
        }
        #expect(removed >= 1)
        let loop = MonitorLoop(run: MonitorRunInfo(prepared: run))
        let dashboard = Dashboard(run: MonitorRunInfo(prepared: run), theme: Theme(colorMode: .none, glyphs: .ascii))
        let last = try #require(loop.modeOutcome(.character("x"), view: view, dashboard: dashboard, state: state, base: run,
                                                 width: 120, height: 40))
        #expect(last.commands.isEmpty)
        #expect(last.effects == [.say("the last training point stays: without it there is nothing to train on")])
    }
}
