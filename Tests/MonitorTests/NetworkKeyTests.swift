import Monitor
import TerminalUI
import Testing
import Training

/// The network view's keys, pure: selection, phases, the value prompt.
@Suite struct NetworkKeyTests {
    let keys = KeyMap.network
    let start = MonitorViewState(layerCount: 3, seed: 1, sizes: [2, 16, 16, 1], sampleCount: 10)

    @Test func arrowsMoveTheSelectionWithinTheNetworkAndTabCyclesTheIncomingWeights() {
        var view = start
        #expect(view.network.layer == 1 && view.network.neuron == 0)
        for key in [Key.up, .character("k"), .right, .right, .right] {
            view = keys.handle(key, state: view, status: .paused).state
        }
        #expect(view.network.layer == 2 && view.network.neuron == 0)
        view = keys.handle(.backTab, state: view, status: .paused).state
        #expect(view.network.biasSelected)
        view = keys.handle(.tab, state: view, status: .paused).state
        #expect(view.network.input == 0)
        view = keys.handle(.character("z"), state: view, status: .paused).state
        #expect(view.network.sample == 9)
    }

    @Test func phaseSteppingPausesFollowsTheLayersAndTrainsOneEpochAtTheUpdate() {
        var outcome = keys.handle(.character("p"), state: start, status: .running)
        #expect(outcome.commands == [.pause])
        #expect(outcome.state.network.phase == .forward(0) && outcome.state.network.layer == 0)
        var phases: [BackpropPhase?] = []
        var commands: [TrainerCommand] = []
        for _ in 0..<8 {
            outcome = keys.handle(.character("p"), state: outcome.state, status: .paused)
            phases.append(outcome.state.network.phase)
            commands += outcome.commands
        }
        #expect(phases == [.forward(1), .forward(2), .loss, .backward(2), .backward(1), .backward(0), .update, .forward(0)])
        #expect(commands == [.step])
        let left = keys.handle(.escape, state: outcome.state, status: .paused)
        #expect(left.state.network.phase == nil)
    }

    @Test func aTypedValueBecomesASetParameterCommandAndNonsenseIsRefused() {
        var view = start
        view.network.prompt = ParameterPrompt(index: 70, name: "layer 2 w(1,1)", current: 0.5)
        for key in [Key.character("-"), .character("1"), .character("."), .character("2"),
                    .character("5"), .backspace, .character("e"), .character("2")] {
            view = keys.handle(key, state: view, status: .paused).state
        }
        #expect(view.network.prompt?.text == "-1.2e2")
        let set = keys.handle(.enter, state: view, status: .paused)
        #expect(set.commands == [.setParameter(index: 70, value: -120)])
        // The inspector is told of the edit, to mark what belongs to the weights before it.
        #expect(set.state.network.edit == ParameterEdit(index: 70, name: "layer 2 w(1,1)", from: 0.5, to: -120, parameterEdits: 1))
        #expect(set.state.network.prompt == nil)
        view.network.prompt?.text = "-2x"
        #expect(keys.handle(.enter, state: view, status: .paused).effects
                == [.say("layer 2 w(1,1) not changed: '-2x' is not a finite number")])
        view.network.prompt?.text = "1e999"
        let refused = keys.handle(.enter, state: view, status: .paused)
        #expect(refused.commands.isEmpty)
        #expect(refused.effects == [.say("layer 2 w(1,1) not changed: '1e999' is not a finite number")])
        let cancelled = keys.handle(.escape, state: view, status: .paused)
        #expect(cancelled.state.network.prompt == nil && cancelled.commands.isEmpty)
    }

    @Test func vSwitchesViewsAndTheEffectsAskTheLoopForTheRest() {
        let network = KeyMap.standard.handle(.character("v"), state: start, status: .running).state
        #expect(network.screen == .network)
        #expect(keys.handle(.character("v"), state: network, status: .running).state.screen == .dashboard)
        #expect(keys.handle(.character("g"), state: network, status: .running).effects == [.runGradientCheck])
        #expect(keys.handle(.character("w"), state: network, status: .running).effects == [.selectWorstSample])
        #expect(keys.handle(.enter, state: network, status: .running).effects == [.openPrompt])
    }
}
