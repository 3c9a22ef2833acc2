@testable import Monitor
import TerminalUI
import TestSupport
import Testing
@testable import Training

/// A view drawn on a screen too small for it says how to get back and still answers `?`.
@Suite struct TooSmallViewTests {
    static let theme = Theme(colorMode: .none, glyphs: .ascii)

    static func frame(help: Bool) -> MonitorFrame {
        var view = MonitorViewState(layerCount: 3, seed: 1)
        view.screen = .network
        view.helpVisible = help
        return MonitorFrame(state: MonitorFixtures.state(), view: view, now: 0)
    }

    @Test("the network view at 80x24: the notice, then v back, ? help, q quit")
    func networkViewSaysTheWayBack() {
        let view = NetworkView(dashboard: Dashboard(run: MonitorFixtures.runInfo(), theme: Self.theme))
        var buffer = CellBuffer(width: 80, height: 24)
        view.render(Self.frame(help: false), into: &buffer)
        expectBuffer(buffer, lines: [
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "              Enlarge the window: need at least 96x20, have 80x24               ",
            "                   v: back to the dashboard  ?: help  q: quit                   ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
            "                                                                                ",
        ])
        // The keys it names do that in the network view.
        #expect(KeyMap.network.binding(for: .character("v"))?.action == .toggleScreen)
        #expect(KeyMap.network.binding(for: .character("?"))?.action == .toggleHelp)
        #expect(KeyMap.network.binding(for: .character("q"))?.action == .quit)
    }

    @Test("the network view at 80x24 with ? pressed: its help over the whole screen")
    func networkViewShowsHelp() {
        let view = NetworkView(dashboard: Dashboard(run: MonitorFixtures.runInfo(), theme: Self.theme))
        var buffer = CellBuffer(width: 80, height: 24)
        view.render(Self.frame(help: true), into: &buffer)
        expectBuffer(buffer, lines: [
            "+- Keys: network view ---------------------------------------------------------+",
            "| Up k         previous neuron in the layer                                    |",
            "| Down j       next neuron in the layer                                        |",
            "| Left h       layer to the left                                               |",
            "| Right l      layer to the right                                              |",
            "| Tab          next weight into the neuron (the bias last)                     |",
            "| Shift-Tab    previous weight into the neuron                                 |",
            "| x            next training sample                                            |",
            "| z            previous training sample                                        |",
            "| w            the worst sample (largest loss)                                 |",
            "| p            step one phase: forward layer by layer, loss, backward, update~ |",
            "| Enter        type a new value for the selected weight or bias (after {: tra~ |",
            "| g            gradient check: backprop against central differences            |",
            "| v            back to the dashboard                                           |",
            "| Space        pause or resume training                                        |",
            "| n            train one epoch while paused                                    |",
            "| + =          double the learning rate                                        |",
            "| - _          halve the learning rate                                         |",
            "| ]            learning rate x1.1                                              |",
            "| [            learning rate /1.1                                              |",
            "| < ,          slower: at most 2000, 1000, 300 ... 1 epochs per second         |",
            "| > .          faster, then no limit                                           |",
            "| ~ 10 more (Down, PageDown)                                                   |",
            "+------------------------------------------------------------------------------+",
        ])
    }
}
