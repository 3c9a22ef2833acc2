import TerminalUI
import Training

extension KeyMap {
    /// `handle` for `mlptop watch`, whose log is described by `facts`: `x` and `X` (the next and
    /// previous extra curve) say in the message row why there is nothing to cycle through when
    /// the log has fewer than two extra fields, instead of doing nothing. Pure, like `handle`.
    public func handle(_ key: Key, state: MonitorViewState, status: RunStatus, watched facts: WatchedFacts) -> KeyOutcome {
        let outcome = handle(key, state: state, status: status)
        guard case .cycleExtraCurve = binding(for: key)?.action, outcome.state.extraCurve != state.extraCurve,
              let note = Self.extraCurveNote(extras: facts.extras.map(\.name)) else { return outcome }
        return KeyOutcome(state: state, effects: [.say(note)])
    }

    /// Why `x` cannot show another curve of a log whose extra fields are `extras`; nil when it can.
    static func extraCurveNote(extras: [String]) -> String? {
        switch extras.count {
        case 0: "no other logged fields: log more keys, e.g. run.log(epoch=…, val_acc=…)"
        case 1: "\(extras[0]) is the only other logged field: log more keys to switch between them"
        default: nil
        }
    }
}
