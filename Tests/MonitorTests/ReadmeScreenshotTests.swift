import Foundation
import Monitor
import TerminalUI
import Testing

/// The README's opening screen capture (120×40) shows the dashboard's legend as the key map
/// draws it now: a key added to the legend makes the capture stale, and this test says so.
@Suite struct ReadmeScreenshotTests {
    @Test func theOpeningCapturesLegendIsTheDashboardsLegend() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let blocks = readme.components(separatedBy: "\n```\n")
        let capture = try #require(blocks.count > 1 ? blocks[1].components(separatedBy: "\n") : nil)
        #expect(capture.count == 40, "the capture is 120×40")
        var buffer = CellBuffer(width: 120, height: 1)
        KeyLegend(entries: KeyMap.standard.legendEntries, theme: Theme(colorMode: .none, glyphs: .unicode))
            .render(in: buffer.area, into: &buffer)
        let legend = buffer.lines[0].replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        #expect(capture.last == legend, "regenerate the README's opening capture (tmux, 120×40, --no-color)")
    }
}
