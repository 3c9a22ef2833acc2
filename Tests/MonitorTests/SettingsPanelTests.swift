import Foundation
import Datasets
import MLPEngine
@testable import Monitor
import TerminalUI
import Testing
@testable import Training

/// The settings panel (`e`) and data editing (`d`): keys, what they send, what they refuse.
@Suite struct SettingsPanelTests {
    static func prepared() throws -> PreparedRun {
        var c = RunConfiguration()
        c.sampleCount = 120
        return try c.prepare()
    }

    static func opened(at row: SettingsRow, run: PreparedRun) -> MonitorViewState {
        var view = MonitorViewState(layerCount: 3, seed: 1)
        view.settings = SettingsPanelState()
        view.settings?.selected = SettingsRow.all(layers: run.configuration.hiddenSizes.count).firstIndex(of: row) ?? 0
        return view
    }

    static func press(
        _ keys: [Key], view: MonitorViewState, run: PreparedRun, lock: KeyLock = KeyLock()
    ) -> (MonitorViewState, [TrainerCommand]) {
        var view = view, commands: [TrainerCommand] = []
        let context = SettingsPanel.Context(run: run, learningRate: 0.1, speedLimit: nil, lock: lock)
        for key in keys {
            guard let outcome = SettingsPanel.handle(key, view: view, context: context) else { continue }
            view = outcome.state
            commands += outcome.commands
        }
        return (view, commands)
    }

    @Test func eOpensThePanelAndEscClosesIt() throws {
        let opened = KeyMap.standard.handle(.character("e"), state: MonitorViewState(layerCount: 3, seed: 1), status: .running)
        #expect(opened.state.settings == SettingsPanelState())
        let (closed, commands) = Self.press([.escape], view: opened.state, run: try Self.prepared())
        #expect(closed.settings == nil && commands.isEmpty)
    }

    @Test func loweringTheLearningRateSendsWhatMinusSends() throws {
        let run = try Self.prepared()
        let (_, commands) = Self.press([.left, .character("-")], view: Self.opened(at: .setting(.lr), run: run), run: run)
        let minus = KeyMap.standard.handle(.character("-"), state: MonitorViewState(layerCount: 3, seed: 1), status: .running)
        #expect(commands == minus.commands + minus.commands)
        #expect(commands == [.scaleLearningRate(0.5), .scaleLearningRate(0.5)])
    }

    @Test func typingAtThePromptReplacesTheValueShownAndBackspaceEditsIt() throws {
        let run = try Self.prepared()
        var (view, _) = Self.press([.enter], view: Self.opened(at: .setting(.l1), run: run), run: run)
        #expect(view.settings?.prompt == "0.0")
        (view, _) = Self.press([.character("2"), .character("e"), .character("-"), .character("3")], view: view, run: run)
        #expect(view.settings?.prompt == "2e-3")
        (view, _) = Self.press([.escape, .enter, .backspace, .character("5")], view: view, run: run)
        #expect(view.settings?.prompt == "0.5")
    }

    @Test func aLessonsLockedSettingDoesNotChangeInThePanel() throws {
        let run = try Self.prepared()
        var lock = KeyLock()
        _ = lock.lock("lr")
        _ = lock.lock("hidden")
        var (view, commands) = Self.press([.left, .enter], view: Self.opened(at: .setting(.lr), run: run), run: run, lock: lock)
        #expect(commands.isEmpty)
        #expect(view.settings?.prompt == nil)
        #expect(view.settings?.note == "lr is locked in this lesson" && view.settings?.noteIsError == true)
        (view, commands) = Self.press([.right], view: Self.opened(at: .layer(0), run: run), run: run, lock: lock)
        #expect(view.settings?.pending == [] && view.settings?.note == "hidden is locked in this lesson")
        // Unlocked rows still change.
        (view, commands) = Self.press([.right], view: Self.opened(at: .setting(.l1), run: run), run: run, lock: lock)
        #expect(!commands.isEmpty)
    }

    @Test func aNeuronAddedWaitsForYThenStartsAgainWithTheNewShape() throws {
        let run = try Self.prepared()
        var (view, commands) = Self.press([.right], view: Self.opened(at: .layer(0), run: run), run: run)
        #expect(commands.isEmpty)
        #expect(view.settings?.pending == [SettingChange(.hidden, "17,16")])
        (view, commands) = Self.press([.character("y")], view: view, run: run)
        guard case .redefine(let redefinition)? = commands.first, commands.count == 1 else {
            Issue.record("y sent \(commands)")
            return
        }
        #expect(!redefinition.keepsWeights)
        #expect(redefinition.prepared.network.architecture == "2-17-16-1")
        #expect(view.settings?.pending == [])
    }

    @Test func aLiveChangeIsSentAtOnce() throws {
        let run = try Self.prepared()
        let (_, commands) = Self.press([.right], view: Self.opened(at: .setting(.optimizer), run: run), run: run)
        guard case .redefine(let redefinition)? = commands.first else {
            Issue.record("sent \(commands)")
            return
        }
        #expect(redefinition.keepsWeights && redefinition.summary == "settings optimizer=momentum")
    }

    @Test func badValuesAreRefusedInThePanelWithTheFlagsMessage() throws {
        let run = try Self.prepared()
        var (view, commands) = Self.press([.enter, .backspace, .backspace, .backspace, .character("-"), .character("1"), .enter],
                                          view: Self.opened(at: .setting(.lr), run: run), run: run)
        #expect(commands.isEmpty)
        #expect(view.settings?.note == "--lr must be a positive number, not -1.0")
        #expect(view.settings?.noteIsError == true)
        let path = Array("/no/such/points.csv").map { Key.character($0) }
        (view, commands) = Self.press([.enter] + Array(repeating: .backspace, count: 6) + path + [.enter],
                                      view: Self.opened(at: .setting(.dataset), run: run), run: run)
        #expect(commands.isEmpty && view.settings?.pending == [])
        #expect(view.settings?.note?.hasPrefix("/no/such/points.csv: ") == true)
        #expect(view.settings?.note?.hasSuffix("; the run is unchanged") == true)
    }

    @Test func thePanelListsEverySettingAndSaysWhatIsKept() throws {
        let run = try Self.prepared()
        let info = MonitorRunInfo(prepared: run)
        let dashboard = Dashboard(run: info, theme: Theme(colorMode: .none, glyphs: .unicode))
        var view = Self.opened(at: .layer(0), run: run)
        view.settings?.pending = [SettingChange(.hidden, "17,16")]
        var buffer = CellBuffer(width: 120, height: 40)
        let state = TrainerState(network: run.network, learningRate: 0.1, targetEpochs: 0, epoch: 0, status: .paused)
        dashboard.render(state: state, view: view, samples: nil, now: 0, into: &buffer)
        let lines = buffer.lines
        #expect(lines[1].hasPrefix("┌─ Settings: live rows act at once, reset rows wait for y ───────┐┌─ Decision boundary"))
        #expect(lines[2].hasPrefix("│   dataset             spiral                             reset ││"))
        #expect(lines[8].hasPrefix("│ >   layer 1 neurons   17 *                               reset ││"))
        let text = lines.joined(separator: "\n")
        // Only the changed layer's row is marked: the number of layers stays 2.
        for expected in ["│   hidden layers       2" + String(repeating: " ", count: 34) + "reset │", "│   lr                  0.1                                live  │",
                         "│ pending: hidden=17,16    ", "│ y: epoch 0; every layer fresh (seed 1), none kept              │"] {
            #expect(text.contains(expected), "\(expected) missing")
        }
        #expect(lines[39].hasPrefix("Up/Down move  Left/Right change  Enter type  y apply  u undo  Esc close"))
    }

    @Test func dataEditingAddsAPointAtTheCursorAndRemovesTheNearest() throws {
        let run = try Self.prepared()
        let loop = MonitorLoop(run: MonitorRunInfo(prepared: run))
        let dashboard = Dashboard(run: MonitorRunInfo(prepared: run), theme: Theme(colorMode: .none, glyphs: .ascii))
        let state = TrainerState(network: run.network, learningRate: 0.1, targetEpochs: 0, epoch: 0, status: .paused)
        var view = KeyMap.standard.handle(.character("d"), state: MonitorViewState(layerCount: 3, seed: 1), status: .paused).state
        #expect(view.dataEdit != nil)
        func press(_ key: Key) -> KeyOutcome? {
            loop.modeOutcome(key, view: view, dashboard: dashboard, state: state, base: run, width: 120, height: 40)
        }
        view = try #require(press(.tab)).state
        #expect(view.dataEdit?.label == 1)
        view = try #require(press(.right)).state
        let added = try #require(press(.enter))
        guard case .redefine(let redefinition)? = added.commands.first else {
            Issue.record("Enter sent \(added.commands)")
            return
        }
        #expect(redefinition.keepsWeights && redefinition.summary.hasPrefix("data add ("))
        #expect(redefinition.prepared.rawTrainingSet.count == run.rawTrainingSet.count + 1)
        #expect(redefinition.prepared.rawTrainingSet.labels.last == 1)
        let removed = try #require(press(.backspace))
        guard case .redefine(let removal)? = removed.commands.first else {
            Issue.record("Backspace sent \(removed.commands)")
            return
        }
        #expect(removal.prepared.rawTrainingSet.count == run.rawTrainingSet.count - 1)
        #expect(press(.character("d"))?.state.dataEdit == nil)
        #expect(press(.space) == nil, "other keys do what they do on the dashboard")
    }
}

/// README.md pins the settings panel's and data editing's key tables.
@Suite struct SettingsReadmeTests {
    static func section(after heading: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: heading + "\n\n"))
        let rest = readme[start.upperBound...]
        let end = try #require(rest.range(of: "\n\n"))
        return String(rest[..<end.lowerBound])
    }

    @Test func theReadmeListsThePanelsKeys() throws {
        #expect(try Self.section(after: "### Keys in the settings panel") == SettingsPanel.keys.markdown.trimmingCharacters(in: .newlines))
        #expect(try Self.section(after: "### Keys while editing data") == DataEditKeys.table.markdown.trimmingCharacters(in: .newlines))
    }
}

/// Every mouse action on the dashboard, and that each has its key.
@Suite struct DashboardMouseTests {
    @Test func aClickOnTheMapStartsEditingThereAndASecondAddsAPoint() throws {
        let run = try SettingsPanelTests.prepared()
        let info = MonitorRunInfo(prepared: run)
        let loop = MonitorLoop(run: info)
        let dashboard = Dashboard(run: info, theme: Theme(colorMode: .none, glyphs: .ascii))
        let state = TrainerState(network: run.network, learningRate: 0.1, targetEpochs: 0, epoch: 0, status: .running)
        let cells = try #require(dashboard.mapCells(in: DashboardLayout(width: 120, height: 40)))
        let click = Key.mouse(.left, column: cells.x + 3, row: cells.y + 2)
        let first = try #require(loop.modeOutcome(click, view: MonitorViewState(layerCount: 3, seed: 1), dashboard: dashboard,
                                                  state: state, base: run, width: 120, height: 40))
        #expect(first.commands.isEmpty)
        #expect(first.state.dataEdit?.column == 3 && first.state.dataEdit?.row == 2)
        let second = try #require(loop.modeOutcome(click, view: first.state, dashboard: dashboard, state: state, base: run,
                                                   width: 120, height: 40))
        guard case .redefine(let redefinition)? = second.commands.first else {
            Issue.record("the second click sent \(second.commands)")
            return
        }
        let point = dashboard.dataPoint(column: 3, row: 2, in: cells)
        #expect(redefinition.prepared.rawTrainingSet.point(run.rawTrainingSet.count) == [point.x, point.y])
    }

    @Test func aClickSelectsASettingAndTheWheelMovesThroughThem() throws {
        let run = try SettingsPanelTests.prepared()
        let info = MonitorRunInfo(prepared: run)
        let loop = MonitorLoop(run: info)
        let dashboard = Dashboard(run: info, theme: Theme(colorMode: .none, glyphs: .ascii))
        let state = TrainerState(network: run.network, learningRate: 0.1, targetEpochs: 0, epoch: 0, status: .running)
        var view = MonitorViewState(layerCount: 3, seed: 1)
        view.settings = SettingsPanelState()
        let list = dashboard.settingsRowsArea(in: DashboardLayout(width: 120, height: 40))
        let clicked = try #require(loop.modeOutcome(.mouse(.left, column: list.x + 4, row: list.y + 11), view: view,
                                                    dashboard: dashboard, state: state, base: run, width: 120, height: 40))
        #expect(clicked.state.settings?.selected == 11)
        #expect(SettingsRow.all(layers: 2)[11] == .setting(.lr))
        let wheeled = try #require(loop.modeOutcome(.mouse(.wheelDown, column: list.x, row: list.y), view: clicked.state,
                                                    dashboard: dashboard, state: state, base: run, width: 120, height: 40))
        #expect(wheeled.state.settings?.selected == 12)
    }

    @Test func aClickOnAGradientRowSelectsThatLayer() throws {
        let run = try SettingsPanelTests.prepared()
        let info = MonitorRunInfo(prepared: run)
        let dashboard = Dashboard(run: info, theme: Theme(colorMode: .none, glyphs: .ascii))
        let state = TrainerState(network: run.network, learningRate: 0.1, targetEpochs: 0, epoch: 0, status: .running)
        let layout = DashboardLayout(width: 120, height: 40)
        let norms = Panel(title: "", theme: dashboard.theme).innerArea(of: layout.gradients)
        let outcome = try #require(MonitorLoop(run: info).modeOutcome(.mouse(.left, column: norms.x + 2, row: norms.y + 3),
                                                                     view: MonitorViewState(layerCount: 3, seed: 1),
                                                                     dashboard: dashboard, state: state, base: run,
                                                                     width: 120, height: 40))
        #expect(outcome.state.selectedLayer == 2)
    }
}

/// Where the panel and data editing are not offered, a key says why.
@Suite struct SettingsRefusalTests {
    @Test func dataEditingNeedsTwoInputsAndBothNeedTheMainRun() throws {
        let run = try SettingsPanelTests.prepared()
        let state = TrainerState(network: run.network, learningRate: 0.1, targetEpochs: 0, epoch: 0, status: .running)
        let cube = MonitorRunInfo(datasetName: "cube", architecture: "3-4-1", optimizer: "sgd", seed: 1,
                                  rawTrainingSet: Datasets3D.data, rawTestSet: Datasets3D.data, networkInput: { $0 })
        let view = MonitorViewState(layerCount: 3, seed: 1)
        let flat = Dashboard(run: cube, theme: Theme(colorMode: .none, glyphs: .ascii))
        let loop = MonitorLoop(run: cube)
        #expect(loop.modeOutcome(.character("d"), view: view, dashboard: flat, state: state, base: run, width: 120, height: 40)?.effects
                == [.say("data editing needs exactly 2 input columns (these data have 3; the map is a slice)")])
        // One input column, a regression: the reason is the regression, not a slice.
        let line = OneInputRegressionMapTests.dashboard()
        #expect(MonitorLoop(run: line.run).modeOutcome(.character("d"), view: view, dashboard: line, state: state, base: run,
                                                       width: 120, height: 40)?.effects
                == [.say("data editing adds points of a class: a regression has none")])
        let map = Dashboard(run: MonitorRunInfo(prepared: run), theme: Theme(colorMode: .none, glyphs: .ascii))
        #expect(loop.modeOutcome(.character("e"), view: view, dashboard: map, state: state, base: nil, width: 120, height: 40)?.effects
                == [.say("settings change run 1 (the main run): 1 shows it")])
        #expect(loop.modeOutcome(.character("e"), view: view, dashboard: map, state: state, base: run, width: 120, height: 40) == nil,
                "e on the main run is the key map's: it opens the panel")
    }
}
