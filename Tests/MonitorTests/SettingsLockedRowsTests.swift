import Foundation
@testable import Monitor
import TerminalUI
import TestSupport
import Testing
@testable import Training

/// Rows a lesson locks are marked `lock` and dimmed in the settings panel, not shown as editable.
@Suite struct SettingsLockedRowsTests {
    @Test("at 120×40 with lr and hidden locked: their rows say lock, the others live or reset")
    func lockedRows() throws {
        var c = RunConfiguration()
        c.sampleCount = 120
        let run = try c.prepare()
        var lock = KeyLock()
        _ = lock.lock("lr")
        _ = lock.lock("hidden")
        for theme in [Theme(colorMode: .none, glyphs: .unicode), Theme(colorMode: .ansi8, glyphs: .unicode)] {
            let dashboard = Dashboard(run: MonitorRunInfo(prepared: run), theme: theme, keyMap: KeyMap.standard.locking(lock))
            let view = SettingsPanelTests.opened(at: .setting(.optimizer), run: run)
            var screen = CellBuffer(width: 120, height: 40)
            let state = TrainerState(network: run.network, learningRate: 0.1, targetEpochs: 0, epoch: 0, status: .paused)
            dashboard.render(state: state, view: view, samples: nil, now: 0, into: &screen)
            let area = dashboard.settingsArea(in: dashboard.layout(width: 120, height: 40))
            var panel = CellBuffer(width: area.width, height: 14)
            for y in 0..<14 {
                for x in 0..<area.width { panel[x, y] = screen[area.x + x, area.y + y] }
            }
            if theme.colorMode == .none {
                expectBuffer(panel, lines: [
                    "┌─ Settings: live rows act at once, reset rows wait for y ───────┐",
                    "│   dataset             spiral                             reset │",
                    "│   n (samples)         120                                reset │",
                    "│   noise               default                            reset │",
                    "│   test-fraction       0.2                                reset │",
                    "│   features            raw                                reset │",
                    "│   hidden layers       2                                  lock  │",
                    "│     layer 1 neurons   16                                 lock  │",
                    "│     layer 2 neurons   16                                 lock  │",
                    "│   activation          tanh                               reset │",
                    "│   loss                auto                               reset │",
                    "│ > optimizer           sgd                                live  │",
                    "│   lr                  0.1                                lock  │",
                    "│   momentum            0.9 (sgd ignores it)               n/a   │",
                ])
            } else {
                // Locked rows dimmed, the others plain.
                expectStyles(panel, [(x: 24, y: 12, style: theme.muted), (x: 24, y: 7, style: theme.muted),
                                     (x: 24, y: 1, style: theme.label)])
            }
        }
    }
}
