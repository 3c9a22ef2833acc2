@testable import Monitor
import TerminalUI
import TestSupport
import Testing

/// A letterboxed decision map (the data's aspect kept in a tall panel) labels the rows it leaves
/// with its ranges, instead of leaving blank rows that look half drawn.
@Suite struct MapMarginTests {
    @Test("a tall map panel: y's range above the map, x's below it, the rest of the panel the map's")
    func letterboxRowsSayTheRanges() {
        let dashboard = Dashboard(run: MonitorFixtures.runInfo(), theme: Theme(colorMode: .none, glyphs: .ascii))
        var buffer = CellBuffer(width: 24, height: 20)
        dashboard.renderMap(nil, in: buffer.area, into: &buffer)
        // No samples: the map shows the points only; the fixture's data span -1.16 to 1.16 both ways.
        expectBuffer(buffer, lines: [
            "+- Boundary -----------+",
            "|                      |",
            "|x2 -1.16 ~ 1.16       |",
            "| o                  x |",
            "|                      |",
            "|                      |",
            "|               X      |",
            "|                      |",
            "|                      |",
            "|           O          |",
            "|                      |",
            "|                      |",
            "|                      |",
            "|                      |",
            "|                      |",
            "| o                  x |",
            "|x1 -1.16 ~ 1.16       |",
            "|                      |",
            "|                      |",
            "+- regions .:- ,;+ ----+",
        ])
    }
}
