import Testing
import TerminalUI
import TestSupport

@Suite struct KeyLegendTests {
    let pairs: [(key: String, description: String)] = [("q", "quit"), ("p", "pause"), ("?", "help")]

    @Test func allPairsFit() {
        let theme = TestThemes.plainUnicode
        let buffer = CellBuffer.drawing(KeyLegend(pairs, theme: theme), width: 24, height: 1)
        expectBuffer(buffer, lines: ["q quit  p pause  ? help "])
        expectStyles(buffer, [(x: 0, y: 0, style: theme.key), (x: 2, y: 0, style: theme.label)])
    }

    @Test func gapsShrinkThenMiddlePairsGiveWayAndTheLastTwoStay() {
        expectBuffer(.drawing(KeyLegend(pairs, theme: TestThemes.plainUnicode), width: 22, height: 1), lines: ["q quit p pause ? help "])
        expectBuffer(.drawing(KeyLegend(pairs, theme: TestThemes.plainUnicode), width: 16, height: 1), lines: ["… p pause ? help"])
        let five = pairs + [("s", "snapshot"), ("x", "exit")]
        expectBuffer(.drawing(KeyLegend(five, theme: TestThemes.plainUnicode), width: 26, height: 1),
                     lines: ["q quit … s snapshot x exit"])
    }

    @Test func tooNarrowForThePinnedPairsKeepsTheFirstWithAnEllipsis() {
        expectBuffer(.drawing(KeyLegend(pairs, theme: TestThemes.plainASCII), width: 10, height: 1), lines: ["q quit ~  "])
        expectBuffer(.drawing(KeyLegend(pairs, theme: TestThemes.plainUnicode), width: 3, height: 1), lines: ["…  "])
    }
}
