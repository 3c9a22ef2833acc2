@testable import Monitor
import TerminalUI
import Testing
@testable import Training

/// Which rows of the settings panel (`e`) are marked pending: only the rows that changed.
@Suite struct SettingsPendingRowsTests {
    /// The rows marked pending after `keys` on `row`, in display order.
    static func pendingRows(after keys: [Key], on row: SettingsRow) throws -> [SettingsRow] {
        let run = try SettingsPanelTests.prepared()
        let (view, _) = SettingsPanelTests.press(keys, view: SettingsPanelTests.opened(at: row, run: run), run: run)
        let pending = try #require(view.settings?.pending)
        let shown = SettingsPanel.shownConfiguration(run.configuration, pending: pending, learningRate: 0.1)
        return SettingsRow.all(layers: shown.hiddenSizes.count).filter {
            SettingsPanel.isPending($0, pending: pending, base: run.configuration, shown: shown)
        }
    }

    @Test("a layer's neuron count changed: only that layer's row is pending, not the layer count")
    func neuronCountMarksOnlyItsLayer() throws {
        #expect(try Self.pendingRows(after: [.right], on: .layer(1)) == [.layer(1)])
    }

    @Test("a layer added: the layer count and the new layer are pending, the kept layers are not")
    func layerAddedMarksCountAndNewLayer() throws {
        #expect(try Self.pendingRows(after: [.right], on: .layerCount) == [.layerCount, .layer(2)])
    }

    @Test("a layer removed: only the layer count is pending")
    func layerRemovedMarksTheCount() throws {
        #expect(try Self.pendingRows(after: [.left], on: .layerCount) == [.layerCount])
    }

    @Test("a neuron added then taken away again: nothing of the shape is marked")
    func changeUndoneByHandMarksNothing() throws {
        #expect(try Self.pendingRows(after: [.right, .left], on: .layer(0)) == [])
    }

    @Test("a change stepped back to the run's own value leaves nothing pending, so y would not restart the run")
    func changeStepppedBackIsNoLongerPending() throws {
        let run = try SettingsPanelTests.prepared()
        let (view, _) = SettingsPanelTests.press([.right, .left], view: SettingsPanelTests.opened(at: .layer(0), run: run), run: run)
        let panel = try #require(view.settings)
        #expect(panel.pending == [])
        #expect(panel.note?.contains("nothing pending") == true)
    }

    @Test("other settings keep their mark")
    func otherSettings() throws {
        #expect(try Self.pendingRows(after: [.right], on: .setting(.activation)) == [.setting(.activation)])
    }
}
