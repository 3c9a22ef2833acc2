import Foundation
import TerminalUI
import Training

extension KeyMap {
    /// `p`: the next phase of the chosen sample's pass. A running trainer is paused first; the
    /// selection follows the layer the phase is at; entering the update trains one epoch (`n`), so
    /// stepping through every phase leaves exactly the weights one `n` leaves.
    func stepPhase(state: MonitorViewState, status: RunStatus) -> KeyOutcome {
        var next = state
        let layers = state.network.layerCount
        var commands: [TrainerCommand] = []
        if status == .running { commands.append(.pause) }
        let phase = state.network.phase.flatMap { $0.next(layers: layers) } ?? .forward(0)
        next.network.phase = phase
        if let layer = phase.layer ?? (phase == .loss ? layers - 1 : nil) {
            next.network.move(dx: layer - state.network.layer, dy: 0)
        }
        if phase == .update { commands.append(.step) }
        return KeyOutcome(state: next, commands: commands, effects: [.redraw])
    }

    /// Keys while a value is being typed: digits, sign, point and exponent append; Backspace
    /// deletes; Enter sets the parameter (a finite number) or says why not; Esc cancels.
    func handlePrompt(_ key: Key, state: MonitorViewState) -> KeyOutcome {
        guard var prompt = state.network.prompt else { return KeyOutcome(state: state) }
        var next = state
        switch key {
        case .escape:
            next.network.prompt = nil
            return KeyOutcome(state: next, effects: [.say("edit cancelled")])
        case .backspace, .delete:
            if !prompt.text.isEmpty { prompt.text.removeLast() }
        case .enter:
            next.network.prompt = nil
            let text = prompt.text.trimmingCharacters(in: .whitespaces)
            guard let value = Double(text), value.isFinite else {
                let shown = text.isEmpty ? "nothing" : "'\(text)'"
                return KeyOutcome(state: next, effects: [.say("\(prompt.name) not changed: \(shown) is not a finite number")])
            }
            next.network.edit = ParameterEdit(index: prompt.index, name: prompt.name, from: prompt.current, to: value,
                                             parameterEdits: prompt.parameterEdits + 1, generation: prompt.generation)
            return KeyOutcome(state: next, commands: [.setParameter(index: prompt.index, value: value)], effects: [.redraw])
        case .character(let c) where prompt.text.count < 32:
            // Anything may be typed; Enter says whether it is a number.
            prompt.text.append(c)
        default:
            break
        }
        next.network.prompt = prompt
        return KeyOutcome(state: next, effects: [.redraw])
    }
}

extension KeyMap {
    /// Keys while a fork's change is being typed: printable characters append, Backspace deletes,
    /// Enter asks the monitor to fork (it says why not when the change does not parse), Esc cancels.
    /// The most characters a fork's change may have: room for a long path (the prompt line shows
    /// the end of what is typed when it is wider than the screen).
    static let forkPromptLimit = 1024

    func handleForkPrompt(_ key: Key, state: MonitorViewState) -> KeyOutcome {
        guard var text = state.forkPrompt else { return KeyOutcome(state: state) }
        var next = state
        switch key {
        case .escape:
            next.forkPrompt = nil
            return KeyOutcome(state: next, effects: [.say("fork cancelled")])
        case .backspace, .delete:
            if !text.isEmpty { text.removeLast() }
        case .enter:
            next.forkPrompt = nil
            guard state.runLabels.count < MonitorViewState.maximumRuns else {
                return KeyOutcome(state: next, effects: [.say("fork refused: already \(MonitorViewState.maximumRuns) runs, "
                                                              + "the most side by side")])
            }
            return KeyOutcome(state: next, effects: [.fork(text)])
        case .character(let c) where text.count < Self.forkPromptLimit:
            text.append(c)
        case .space where text.count < Self.forkPromptLimit:
            text.append(" ") // a path may hold spaces (dataset=my data.csv)
        default:
            break
        }
        next.forkPrompt = text
        return KeyOutcome(state: next, effects: [.redraw])
    }
}
