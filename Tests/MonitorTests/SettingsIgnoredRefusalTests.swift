import Foundation
import MLPEngine
@testable import Monitor
import TerminalUI
import Testing
@testable import Training

/// A setting the optimiser in force ignores is refused in the panel with the command line's own
/// reason for the flag, so a saved model never holds `"kind": "sgd", "momentum": 0.95`.
@Suite struct SettingsIgnoredRefusalTests {
    @Test("under sgd: Right, Left and Enter on momentum and the betas are refused with the flag's reason")
    func refusedUnderSGD() throws {
        let run = try SettingsPanelTests.prepared()
        #expect(run.configuration.optimizer.kind == .sgd)
        let cases: [(SettingsRow, String)] = [
            (.setting(.momentum), "--momentum applies to --optimizer momentum only"),
            (.setting(.beta1), "--beta1 applies to --optimizer adam only"),
            (.setting(.beta2), "--beta2 applies to --optimizer adam only"),
            (.setting(.eps), "--eps applies to --optimizer adam only"),
        ]
        for (row, reason) in cases {
            for key in [Key.right, .left, .character("+"), .enter] {
                let (view, commands) = SettingsPanelTests.press([key], view: SettingsPanelTests.opened(at: row, run: run), run: run)
                #expect(commands.isEmpty, "\(row) \(key)")
                #expect(view.settings?.note == reason && view.settings?.noteIsError == true, "\(row) \(key)")
                #expect(view.settings?.prompt == nil && view.settings?.pending == [], "\(row) \(key)")
            }
        }
        // A value typed for such a row is refused too (the check is also where every change is made).
        var panel = SettingsPanelState()
        let context = SettingsPanel.Context(run: run, learningRate: 0.1, speedLimit: nil)
        let commands = SettingsPanel.set(.setting(.momentum), to: "0.95", panel: &panel, configuration: run.configuration,
                                         context: context)
        #expect(commands.isEmpty && panel.note == "--momentum applies to --optimizer momentum only")
    }

    @Test("under momentum the momentum row is settable and the betas are not; under adam the reverse")
    func settableOnceTheOptimizerUsesIt() throws {
        for (kind, settable, refused) in [(OptimizerKind.momentum, RunSetting.momentum, RunSetting.beta1),
                                          (.adam, .beta2, .momentum)] {
            var c = RunConfiguration()
            c.sampleCount = 120
            c.optimizer.kind = kind
            let run = try c.prepare()
            var (view, commands) = SettingsPanelTests.press([.right], view: SettingsPanelTests.opened(at: .setting(settable), run: run),
                                                            run: run)
            guard case .redefine(let redefinition)? = commands.first else {
                Issue.record("\(kind): Right on \(settable) sent \(commands)")
                continue
            }
            #expect(redefinition.summary.hasPrefix("settings \(settable.rawValue)="), "\(redefinition.summary)")
            #expect(view.settings?.noteIsError == false)
            (view, commands) = SettingsPanelTests.press([.right], view: SettingsPanelTests.opened(at: .setting(refused), run: run), run: run)
            #expect(commands.isEmpty && view.settings?.noteIsError == true, "\(kind) \(refused)")
        }
    }

    @Test("switching the optimiser row to momentum in the panel, then Right on momentum, is sent")
    func switchingThenSetting() throws {
        let run = try SettingsPanelTests.prepared()
        let (_, commands) = SettingsPanelTests.press([.right], view: SettingsPanelTests.opened(at: .setting(.optimizer), run: run), run: run)
        guard case .redefine(let switched)? = commands.first else {
            Issue.record("sent \(commands)")
            return
        }
        // The monitor then hands the panel the run as redefined.
        let (view, next) = SettingsPanelTests.press([.right], view: SettingsPanelTests.opened(at: .setting(.momentum), run: switched.prepared),
                                                    run: switched.prepared)
        #expect(next.count == 1 && view.settings?.noteIsError == false, "\(view.settings?.note ?? "")")
    }
}
