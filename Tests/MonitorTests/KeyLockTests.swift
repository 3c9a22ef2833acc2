import Monitor
import TerminalUI
import Testing
import Training

@Suite("Keys a lesson locks: refused with a message in every view, marked in the help")
struct KeyLockTests {
    let start = MonitorViewState(layerCount: 3, seed: 41)

    func lock(_ names: String...) -> KeyLock {
        var lock = KeyLock()
        for name in names { _ = lock.lock(name) }
        return lock
    }

    @Test("a locked r does nothing but say so, on the dashboard and in the network view")
    func lockedReset() {
        let locked = lock("r")
        for map in [KeyMap.standard.locking(locked), KeyMap.network.locking(locked)] {
            #expect(map.handle(.character("r"), state: start, status: .running)
                    == KeyOutcome(state: start, effects: [.say("r is locked in this lesson")]))
            #expect(map.handle(.character("s"), state: start, status: .running).commands == [.snapshot])
        }
    }

    @Test("locking a key locks its binding: + locks = as well, and nothing else")
    func wholeBinding() {
        let map = KeyMap.standard.locking(lock("+"))
        #expect(map.handle(.character("="), state: start, status: .running).effects == [.say("= is locked in this lesson")])
        #expect(map.handle(.character("-"), state: start, status: .running).commands == [.scaleLearningRate(0.5)])
    }

    @Test("locking the setting lr locks every key that changes it; speed locks < and >")
    func lockedSettings() {
        let map = KeyMap.standard.locking(lock("lr", "speed"))
        for key in ["+", "=", "-", "_", "[", "]", "<", ">", ",", "."] {
            let outcome = map.handle(.character(Character(key)), state: start, status: .running)
            #expect(outcome.commands.isEmpty && outcome.effects == [.say("\(key) is locked in this lesson")])
        }
        #expect(map.handle(.space, state: start, status: .running).commands == [.togglePause])
    }

    @Test("the help marks locked keys, the legend leaves them out, other rows stay as they were")
    func helpAndLegend() {
        let map = KeyMap.standard.locking(lock("r"))
        #expect(map.helpEntries.first { $0.key == "r" }?.description == "reset with a new seed (locked in this lesson)")
        #expect(!map.legendEntries.contains { $0.key == "r" })
        #expect(map.legendEntries.count == KeyMap.standard.legendEntries.count - 1)
        #expect(zip(map.helpEntries, KeyMap.standard.helpEntries).filter { $0 != $1 }.map(\.0.key) == ["r"])
    }

    @Test("a hidden network view refuses v and says why")
    func hiddenNetworkView() {
        var locked = KeyLock()
        locked.networkHidden = true
        let map = KeyMap.standard.locking(locked)
        #expect(map.handle(.character("v"), state: start, status: .running)
                == KeyOutcome(state: start, effects: [.say("the network view is hidden in this lesson")]))
        #expect(map.helpEntries.first { $0.key == "v" }?.description.hasSuffix("(hidden in this lesson)") == true)
    }

    @Test("typing at a prompt is not a key press: a locked r can be typed into the fork prompt")
    func promptsTypeFreely() {
        var typing = start
        typing.forkPrompt = "seed="
        let outcome = KeyMap.standard.locking(lock("r", "f")).handle(.character("r"), state: typing, status: .running)
        #expect(outcome.state.forkPrompt == "seed=r")
    }

    @Test("a fork may not change a locked setting")
    func lockedSettingRefusesForks() {
        let locked = lock("hidden", "r")
        #expect(locked.refusal(forkChange: " hidden = 8,8") == "fork refused: hidden is locked in this lesson")
        #expect(locked.refusal(forkChange: "lr=0.3") == nil)
        #expect(locked.refusal(forkChange: "r=1") == nil)
    }

    @Test("every key of both tables can be locked but q, ? and Esc")
    func lockable() {
        #expect(KeyLock.lockableKeys.isSuperset(of: ["r", "+", "Space", "Tab", "Enter", "v", "x", "Left", "Shift-Tab"]))
        #expect(KeyLock.lockableKeys.isDisjoint(with: ["q", "?", "Esc"]))
    }
}

@Suite("A lesson's dashboard: hidden panels give their room to the rest; the notes line")
struct LessonLayoutTests {
    @Test("hiding gradients gives the weight map the whole lower band")
    func hideOne() {
        let layout = DashboardLayout(width: 120, height: 40, hidden: [.gradients])
        #expect(layout.weights == Rect(x: 0, y: 23, width: 120, height: 15))
        #expect(layout.gradients.isEmpty)
        #expect(layout.loss == DashboardLayout(width: 120, height: 40).loss)
    }

    @Test("hiding both lower panels gives their rows to the loss chart and the map")
    func hideBand() {
        let layout = DashboardLayout(width: 120, height: 40, hidden: [.weights, .gradients])
        #expect(layout.loss == Rect(x: 0, y: 1, width: 66, height: 37))
        #expect(layout.map == Rect(x: 66, y: 1, width: 54, height: 37))
        #expect(layout.weights.isEmpty && layout.gradients.isEmpty)
    }

    @Test("the notes line sits under the status bar and the panels start below it")
    func notesLine() {
        let layout = DashboardLayout(width: 120, height: 40, hidden: [.loss], notesLine: true)
        #expect(layout.notes == Rect(x: 0, y: 1, width: 120, height: 1))
        #expect(layout.map == Rect(x: 0, y: 2, width: 120, height: 21))
        #expect(layout.message == Rect(x: 0, y: 38, width: 120, height: 1))
        let parts = [layout.status, layout.notes, layout.message, layout.legend] + layout.panels
        #expect(parts.reduce(0) { $0 + $1.width * $1.height } == 120 * 40)
    }

    @Test("the dashboard draws the notes and no hidden panel")
    func dashboardDraws() {
        var dashboard = Dashboard(run: MonitorFixtures.runInfo(), theme: Theme(colorMode: .none, glyphs: .ascii))
        dashboard.notes = "XOR needs two lines: watch both hidden neurons."
        dashboard.hiddenPanels = [.gradients]
        var buffer = CellBuffer(width: 100, height: 30)
        dashboard.render(state: MonitorFixtures.state(), view: MonitorViewState(layerCount: 3, seed: 1), samples: nil, now: 0,
                         into: &buffer)
        let lines = buffer.lines
        #expect(lines[1].hasPrefix("XOR needs two lines: watch both hidden neurons.   "))
        #expect(!lines.joined().contains("Gradient norms"))
        #expect(lines.joined().contains("Weights"))
    }
}
