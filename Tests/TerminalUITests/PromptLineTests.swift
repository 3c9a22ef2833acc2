import Testing
import TerminalUI
import TestSupport

/// The typed text and the cursor of a prompt always show, whatever the width.
@Suite struct PromptLineTests {
    static let wordings = ["fork with one change (lr=0.3, optimizer=adam), Enter starts it: ", "fork (e.g. lr=0.3): ", "fork: "]

    @Test("the longest wording that leaves room for the typed text, then the shorter ones")
    func picksTheLongestWordingThatFits() {
        let wide = PromptLine(Self.wordings, typed: "lr=0.3", theme: TestThemes.plainUnicode)
        expectBuffer(.drawing(wide, width: 72, height: 1), lines: [
            "fork with one change (lr=0.3, optimizer=adam), Enter starts it: lr=0.3_ ",
        ])
        let typed = PromptLine(Self.wordings, typed: "optimizer=adam", theme: TestThemes.plainUnicode)
        expectBuffer(.drawing(typed, width: 40, height: 1), lines: [
            "fork (e.g. lr=0.3): optimizer=adam_     ",
        ])
        expectBuffer(.drawing(typed, width: 21, height: 1), lines: [
            "fork: optimizer=adam_",
        ])
    }

    @Test("typed text longer than the line: its end and the cursor, after an ellipsis")
    func showsTheEndOfLongText() {
        let long = PromptLine(Self.wordings, typed: "hidden=8,8,8,8", theme: TestThemes.plainASCII)
        expectBuffer(.drawing(long, width: 12, height: 1), lines: ["~en=8,8,8,8_"])
        expectBuffer(.drawing(long, width: 3, height: 1), lines: ["~8_"])
        expectBuffer(.drawing(long, width: 2, height: 1), lines: ["8_"])
        expectBuffer(.drawing(long, width: 0, height: 1), lines: [""])
    }
}
