import Monitor
import Testing
@testable import Training

@Suite("The monitor's view state: messages for four seconds, the DONE flag")
struct MonitorViewStateTests {
    @Test("a new trainer message shows for four seconds from when it was first seen")
    func messageLifetime() {
        var view = MonitorViewState(layerCount: 3, seed: 1)
        let state = MonitorFixtures.saying("lr changed to 0.06", in: MonitorFixtures.state(epochs: 3))
        view.absorb(state, now: 10)
        view.absorb(state, now: 12)
        #expect(view.visibleMessage(at: 13.9)?.text == "lr changed to 0.06")
        #expect(view.visibleMessage(at: 13.9)?.isWarning == false)
        #expect(view.visibleMessage(at: 14.0) == nil)
        view.absorb(MonitorFixtures.saying("reset with seed 2", in: state), now: 20)
        #expect(view.visibleMessage(at: 20)?.text == "reset with seed 2")
    }

    @Test("a message said while diverged is a warning; DONE sets the finished flag")
    func warningsAndDone() {
        var view = MonitorViewState(layerCount: 3, seed: 1)
        view.absorb(MonitorFixtures.saying("loss became NaN at epoch 3", in: MonitorFixtures.state(status: .diverged, epochs: 3)),
                    now: 0)
        #expect(view.visibleMessage(at: 1)?.isWarning == true)
        #expect(!view.finished)
        view.absorb(MonitorFixtures.state(status: .done, epochs: 3), now: 2)
        #expect(view.finished)
    }

    @Test("the selected layer stays inside a network that shrank")
    func layerClamped() {
        var view = MonitorViewState(layerCount: 5, seed: 1)
        view.selectedLayer = 4
        view.absorb(MonitorFixtures.state(epochs: 1), now: 0)
        #expect(view.layerCount == 3)
        #expect(view.selectedLayer == 2)
    }
}
