import Foundation
@testable import Monitor
import TerminalUI
import Testing
@testable import Training

/// Left and Right on a choice row pass over the choices the data refuse: on 3-class wine with
/// no hidden layer, Right on `loss` (auto) stopped at bce ("needs two classes") for ever.
@Suite struct SettingsChoiceSkipTests {
    static func wine() throws -> PreparedRun {
        var c = RunConfiguration()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        c.dataset = root.appendingPathComponent("datasets/wine.csv").path
        c.hiddenSizes = []
        return try c.prepare()
    }

    @Test("Right on loss of a 3-class, 0-hidden-layer run reaches softmax-ce and mse, never bce")
    func rightPassesOverBce() throws {
        let run = try Self.wine()
        #expect(run.trainingSet.classCount == 3)
        var view = SettingsPanelTests.opened(at: .setting(.loss), run: run)
        var shown: [String] = []
        for _ in 0..<3 {
            (view, _) = SettingsPanelTests.press([.right], view: view, run: run)
            shown.append(view.settings?.pending.first { $0.setting == .loss }?.value ?? "auto")
            #expect(view.settings?.noteIsError == false, "\(view.settings?.note ?? "")")
        }
        #expect(shown == ["softmax-ce", "mse", "auto"])
    }
}
