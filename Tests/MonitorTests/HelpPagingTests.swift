@testable import Monitor
import TerminalUI
import TestSupport
import Testing

/// PageUp and PageDown turn the open help by what it shows in the window, not by a fixed count;
/// a mode's help describes no key as the dashboard's when the mode takes it over.
@Suite struct HelpPagingTests {
    @Test("PageDown and PageUp move the help by the entries it shows in a 10-row window (5), not 10")
    func pageIsTheVisibleHeight() {
        var view = MonitorViewState(layerCount: 3, seed: 1)
        view = KeyMap.standard.handle(.character("?"), state: view, status: .running).state
        view.helpPageRows = HelpOverlay.pageRows(in: Rect(x: 0, y: 1, width: 80, height: 9))
        #expect(view.helpPageRows == 5)
        view = KeyMap.standard.handle(.pageDown, state: view, status: .running).state
        #expect(view.helpScroll == 5)
        view = KeyMap.standard.handle(.pageDown, state: view, status: .running).state
        #expect(view.helpScroll == 10)
        view = KeyMap.standard.handle(.pageUp, state: view, status: .running).state
        #expect(view.helpScroll == 5)
    }

    @Test("a page down shows the entries after the last one the first page showed in full (one row kept)")
    func pageFollowsOn() {
        let theme = Theme(colorMode: .none, glyphs: .ascii)
        var overlay = HelpOverlay(entries: (1...12).map { KeyHelp(key: "k\($0)", description: "entry \($0)") }, theme: theme)
        var buffer = CellBuffer(width: 31, height: 9)
        overlay.render(in: buffer.area, into: &buffer)
        expectBuffer(buffer, lines: [
            "+- Keys ----------------------+",
            "| k1   entry 1                |",
            "| k2   entry 2                |",
            "| k3   entry 3                |",
            "| k4   entry 4                |",
            "| k5   entry 5                |",
            "| k6   entry 6                |",
            "| ~ 6 more (Down, PageDown)   |",
            "+-----------------------------+",
        ])
        overlay.firstEntry = HelpOverlay.pageRows(in: buffer.area)
        buffer = CellBuffer(width: 31, height: 9)
        overlay.render(in: buffer.area, into: &buffer)
        expectBuffer(buffer, lines: [
            "+- Keys ----------------------+",
            "| ~ 5 above (Up, PageUp)      |",
            "| k6   entry 6                |",
            "| k7   entry 7                |",
            "| k8   entry 8                |",
            "| k9   entry 9                |",
            "| k10  entry 10               |",
            "| ~ 2 more (Down, PageDown)   |",
            "+-----------------------------+",
        ])
    }

    @Test("a clause about keys a mode takes goes; one about keys it leaves stays")
    func clausesOfTakenKeys() {
        let text = "read-out cursor (Left Right: move, Home End: ends)"
        #expect(KeyMap.description(text, without: ["Left", "Right"]) == "read-out cursor (Home End: ends)")
        #expect(KeyMap.description(text, without: ["Home", "End"]) == "read-out cursor (Left Right: move)")
        #expect(KeyMap.description(text, without: ["Left", "Right", "Home", "End"]) == "read-out cursor")
        #expect(KeyMap.description(text, without: ["Left"]) == text)
        #expect(KeyMap.description("zoom in, out (twice), 0: the whole run", without: ["0"]) == "zoom in, out (twice)")
    }
}
