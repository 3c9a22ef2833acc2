@testable import Monitor
import TerminalUI
import Testing
@testable import Training

/// The fork prompt keeps what is typed in view at any width: its wording shortens first.
@Suite struct ForkPromptLineTests {
    /// The dashboard's message line at `width`×`height` with `typed` at the fork prompt.
    static func messageLine(typed: String, width: Int, height: Int) -> String {
        let dashboard = Dashboard(run: MonitorFixtures.runInfo(), theme: Theme(colorMode: .none, glyphs: .unicode))
        var view = MonitorViewState(layerCount: 3, seed: 1)
        view.forkPrompt = typed
        var buffer = CellBuffer(width: width, height: height)
        dashboard.render(state: MonitorFixtures.state(), view: view, samples: nil, now: 0, into: &buffer)
        return buffer.lines[dashboard.layout(width: width, height: height).message.y]
    }

    @Test("at 80 columns: the typed change and the cursor show, after the shorter wording")
    func narrow() {
        #expect(Self.messageLine(typed: "optimizer=adam", width: 80, height: 24)
            == "fork with one change (e.g. lr=0.3), Enter starts, Esc cancels: optimizer=adam_  ")
        #expect(Self.messageLine(typed: "", width: 80, height: 24)
            == "fork with one change (lr=0.3, optimizer=adam ...), Enter starts, Esc cancels: _ ")
    }

    @Test("at 120 columns: the whole wording while the typed text fits after it")
    func wide() {
        let line = Self.messageLine(typed: "", width: 120, height: 40)
        #expect(line == "fork with one change (lr=0.3, optimizer=adam, activation=relu, hidden=8,8, seed=7 ...), "
            + "Enter starts it, Esc cancels: _ ")
        let typed = "fork with one change (lr=0.3, optimizer=adam ...), Enter starts, Esc cancels: activation=relu_"
        #expect(Self.messageLine(typed: "activation=relu", width: 120, height: 40) == typed + String(repeating: " ", count: 120 - typed.count))
    }

    @Test("the settings panel's prompt at 80 columns: a long typed path shows its end and the cursor")
    func settingsPrompt() throws {
        var c = RunConfiguration()
        c.sampleCount = 120
        let run = try c.prepare()
        let dashboard = Dashboard(run: MonitorRunInfo(prepared: run), theme: Theme(colorMode: .none, glyphs: .unicode))
        var view = SettingsPanelTests.opened(at: .setting(.dataset), run: run)
        view.settings?.prompt = "/home/someone/data/experiments/points.csv"
        var buffer = CellBuffer(width: 80, height: 24)
        let state = TrainerState(network: run.network, learningRate: 0.1, targetEpochs: 0, epoch: 0, status: .paused)
        dashboard.render(state: state, view: view, samples: nil, now: 0, into: &buffer)
        #expect(buffer.lines.contains { $0.hasPrefix("│ …me/someone/data/experiments/points.csv_ │") }, "\(buffer.lines.joined(separator: "\n"))")
    }
}

/// What the fork prompt keeps of what is typed: every character of a long path, spaces included.
struct ForkPromptTypingTests {
    @Test("a path longer than the screen and with spaces reaches the fork whole")
    func longPathsAndSpacesAreKept() {
        var view = MonitorViewState(layerCount: 3, seed: 1)
        view.forkPrompt = ""
        let path = "dataset=a/very/long/path/to/some/data/file/named/something long name with spaces.csv"
        for character in path {
            let key: Key = character == " " ? .space : .character(character)
            view = KeyMap.standard.handle(key, state: view, status: .running).state
        }
        #expect(view.forkPrompt == path)
        #expect(KeyMap.standard.handle(.enter, state: view, status: .running).effects == [.fork(path)])
    }
}
