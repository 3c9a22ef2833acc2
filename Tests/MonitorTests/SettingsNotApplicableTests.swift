import Foundation
import MLPEngine
@testable import Monitor
import TerminalUI
import TestSupport
import Testing
@testable import Training

/// Under an optimiser that ignores a setting (sgd: momentum and the betas), the settings panel
/// shows the row as not applicable and says so when the cursor steps onto it; the hints fit.
@Suite struct SettingsNotApplicableTests {
    /// The settings panel's cells (its whole rectangle) in a `width`×`height` dashboard.
    static func panel(width: Int, height: Int, at row: SettingsRow,
                      theme: Theme = Theme(colorMode: .none, glyphs: .unicode), keys: [Key] = [],
                      configuration: RunConfiguration? = nil) throws -> CellBuffer {
        var c = RunConfiguration()
        c.sampleCount = 120
        let run = try (configuration ?? c).prepare()
        let dashboard = Dashboard(run: MonitorRunInfo(prepared: run), theme: theme)
        let view = SettingsPanelTests.press(keys, view: SettingsPanelTests.opened(at: row, run: run), run: run).0
        var screen = CellBuffer(width: width, height: height)
        let state = TrainerState(network: run.network, learningRate: 0.1, targetEpochs: 0, epoch: 0, status: .paused)
        dashboard.render(state: state, view: view, samples: nil, now: 0, into: &screen)
        let area = dashboard.settingsArea(in: dashboard.layout(width: width, height: height))
        var panel = CellBuffer(width: area.width, height: area.height)
        for y in 0..<area.height {
            for x in 0..<area.width { panel[x, y] = screen[area.x + x, area.y + y] }
        }
        return panel
    }

    @Test("at 120×40 under sgd: momentum and the betas dimmed as n/a with why, the hints whole")
    func at120() throws {
        let panel = try Self.panel(width: 120, height: 40, at: .setting(.lr))
        expectBuffer(panel, lines: [
            "┌─ Settings: live rows act at once, reset rows wait for y ───────┐",
            "│   dataset             spiral                             reset │",
            "│   n (samples)         120                                reset │",
            "│   noise               default                            reset │",
            "│   test-fraction       0.2                                reset │",
            "│   features            raw                                reset │",
            "│   hidden layers       2                                  reset │",
            "│     layer 1 neurons   16                                 reset │",
            "│     layer 2 neurons   16                                 reset │",
            "│   activation          tanh                               reset │",
            "│   loss                auto                               reset │",
            "│   optimizer           sgd                                live  │",
            "│ > lr                  0.1                                live  │",
            "│   momentum            0.9 (sgd ignores it)               n/a   │",
            "│   beta1               0.9 (sgd ignores it)               n/a   │",
            "│   beta2               0.999 (sgd ignores it)             n/a   │",
            "│   eps                 1e-08 (sgd ignores it)             n/a   │",
            "│   l1                  0.0                                live  │",
            "│   l2 (weight decay)   0.0                                live  │",
            "│   batch               full                               live  │",
            "│   seed                1                                  reset │",
            "│   speed (epochs/s)    no limit                           live  │",
            "│                                                                │",
            "│                                                                │",
            "│                                                                │",
            "│                                                                │",
            "│                                                                │",
            "│                                                                │",
            "│                                                                │",
            "│                                                                │",
            "│                                                                │",
            "│                                                                │",
            "│                                                                │",
            "│ live: from the next epoch, same weights; reset: waits for y    │",
            "│ y: epoch 0; every layer fresh (seed 1), none kept              │",
            "│                                                                │",
            "└────────────────────────────────────────────────────────────────┘",
        ])
        // In colour the ignored rows are dimmed (without colour the words say it).
        let theme = Theme(colorMode: .ansi8, glyphs: .unicode)
        expectStyles(try Self.panel(width: 120, height: 40, at: .setting(.lr), theme: theme), [(x: 24, y: 13, style: theme.muted), (x: 59, y: 13, style: theme.muted),
                             (x: 24, y: 17, style: theme.label)])
    }

    @Test("at 80×24: the values and n/a tags stay, the hints in their short words")
    func at80() throws {
        expectBuffer(try Self.panel(width: 80, height: 24, at: .setting(.lr)), lines: [
            "┌─ Settings: live now, reset after y ──────┐",
            "│   features            raw          reset │",
            "│   hidden layers       2            reset │",
            "│     layer 1 neurons   16           reset │",
            "│     layer 2 neurons   16           reset │",
            "│   activation          tanh         reset │",
            "│   loss                auto         reset │",
            "│   optimizer           sgd          live  │",
            "│ > lr                  0.1          live  │",
            "│   momentum            0.9          n/a   │",
            "│   beta1               0.9          n/a   │",
            "│   beta2               0.999        n/a   │",
            "│   eps                 1e-08        n/a   │",
            "│   l1                  0.0          live  │",
            "│   l2 (weight decay)   0.0          live  │",
            "│   batch               full         live  │",
            "│                                          │",
            "│ live: next epoch; reset: after y         │",
            "│ y: epoch 0, fresh weights (seed 1)       │",
            "│                                          │",
            "└──────────────────────────────────────────┘",
        ])
    }

    @Test("at 80×24 a refusal too long for its line wraps over the confirm hint: read whole")
    func refusalWrapsAt80() throws {
        let panel = try Self.panel(width: 80, height: 24, at: .setting(.momentum), keys: [.right])
        #expect(Array(panel.lines.suffix(4)) == [
            "│ live: next epoch; reset: after y         │",
            "│ --momentum applies to --optimizer        │",
            "│ momentum only                            │",
            "└──────────────────────────────────────────┘",
        ])
    }

    @Test("stepping onto a row sgd ignores says so; stepping off takes the note away; adam's own rows say nothing")
    func steppingOntoIgnoredRows() throws {
        let run = try SettingsPanelTests.prepared()
        var (view, _) = SettingsPanelTests.press([.down], view: SettingsPanelTests.opened(at: .setting(.lr), run: run), run: run)
        #expect(view.settings?.note == "sgd ignores momentum (the momentum optimizer uses it)")
        (view, _) = SettingsPanelTests.press([.down], view: view, run: run)
        #expect(view.settings?.note == "sgd ignores beta1 (adam uses it)")
        (view, _) = SettingsPanelTests.press([.down, .down, .down], view: view, run: run)
        #expect(view.settings?.note == nil, "l1 applies")
        #expect(RunSetting.beta1.isIgnored(by: .sgd) && !RunSetting.beta1.isIgnored(by: .adam))
        #expect(RunSetting.momentum.isIgnored(by: .adam) && !RunSetting.momentum.isIgnored(by: .momentum))
        #expect(!RunSetting.lr.isIgnored(by: .sgd))
    }

    @Test("on a data file, n and noise are n/a (its rows are its own) and stepping onto n says why")
    func dataFileRows() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("na-\(getpid()).csv").path
        try "x1,x2,label\n" .appending((0..<40).map { "\(Double($0) / 10),\(Double($0 % 7)),\($0 % 2)\n" }.joined())
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var c = RunConfiguration()
        c.dataset = path
        let panel = try Self.panel(width: 120, height: 40, at: .setting(.testFraction), keys: [.up, .up], configuration: c)
        let lines = panel.lines
        #expect(lines[2] == "│ > n (samples)         -                                  n/a   │")
        #expect(lines[3] == "│   noise               -                                  n/a   │")
        #expect(lines.joined().contains("n applies to built-in data sets only"), "\(lines.joined(separator: "\n"))")
    }
}
