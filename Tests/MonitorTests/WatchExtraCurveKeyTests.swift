import Monitor
import TerminalUI
import Testing
import Training

/// `x` and `X` in `mlptop watch` (next and previous extra curve) with too few extra fields.
@Suite struct WatchExtraCurveKeyTests {
    static func facts(extras: [String]) -> WatchedFacts {
        var facts = WatchedFacts(source: "/tmp/run.jsonl", format: "jsonl")
        facts.extras = extras.map { WatchedFacts.ExtraCurve(name: $0, history: MetricHistory(), latest: 0.5) }
        return facts
    }

    @Test("a log with no extra fields: x and X say why in the message row and change nothing")
    func noExtraFields() {
        let state = MonitorViewState(layerCount: 1, seed: 1)
        for key in [Key.character("x"), .character("X")] {
            let outcome = KeyMap.watch.handle(key, state: state, status: .running, watched: Self.facts(extras: []))
            #expect(outcome == KeyOutcome(state: state, effects: [
                .say("no other logged fields: log more keys, e.g. run.log(epoch=…, val_acc=…)"),
            ]))
        }
    }

    @Test("a log with one extra field: x names it and says more keys are needed to switch")
    func oneExtraField() {
        let state = MonitorViewState(layerCount: 1, seed: 1)
        let outcome = KeyMap.watch.handle(.character("x"), state: state, status: .running, watched: Self.facts(extras: ["val_acc"]))
        #expect(outcome.state == state)
        #expect(outcome.effects == [
            .say("val_acc is the only other logged field: log more keys to switch between them"),
        ])
    }

    @Test("a log with two extra fields: x moves to the next curve, as without the facts")
    func twoExtraFields() {
        let state = MonitorViewState(layerCount: 1, seed: 1)
        let outcome = KeyMap.watch.handle(.character("x"), state: state, status: .running,
                                          watched: Self.facts(extras: ["val_acc", "grad_scale"]))
        #expect(outcome == KeyMap.watch.handle(.character("x"), state: state, status: .running))
        #expect(outcome.state.extraCurve == 1)
    }

    @Test("other keys are handled as without the facts")
    func otherKeys() {
        let state = MonitorViewState(layerCount: 1, seed: 1)
        let outcome = KeyMap.watch.handle(.character("l"), state: state, status: .running, watched: Self.facts(extras: []))
        #expect(outcome == KeyMap.watch.handle(.character("l"), state: state, status: .running))
    }
}
