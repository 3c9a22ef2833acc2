import Testing
import TerminalUI
import TestSupport

@Suite struct TooSmallNoticeTests {
    @Test func messageNamesBothSizes() {
        let notice = TooSmallNotice(requiredWidth: 80, requiredHeight: 24, width: 60, height: 20, theme: TestThemes.plainUnicode)
        #expect(notice.message == "Enlarge the window: need at least 80×24, have 60×20")
        let ascii = TooSmallNotice(requiredWidth: 80, requiredHeight: 24, width: 60, height: 20, theme: TestThemes.plainASCII)
        #expect(ascii.message == "Enlarge the window: need at least 80x24, have 60x20")
    }

    @Test func wrapsAndCentresInANarrowArea() {
        let notice = TooSmallNotice(requiredWidth: 80, requiredHeight: 24, width: 20, height: 5, theme: TestThemes.plainASCII)
        expectBuffer(.drawing(notice, width: 20, height: 5), lines: [
            "                    ",
            "Enlarge the window: ",
            "need at least 80x24,",
            "     have 20x5      ",
            "                    ",
        ])
    }

    @Test("a hint line under the notice; on one row the hint alone, the way out first")
    func hintUnderTheNotice() {
        let notice = TooSmallNotice(requiredWidth: 96, requiredHeight: 20, width: 30, height: 6, theme: TestThemes.plainASCII,
                                    hint: "v: back  q: quit")
        expectBuffer(.drawing(notice, width: 30, height: 6), lines: [
            "                              ",
            "     Enlarge the window:      ",
            "need at least 96x20, have 30x6",
            "       v: back  q: quit       ",
            "                              ",
            "                              ",
        ])
        expectBuffer(.drawing(notice, width: 12, height: 1), lines: ["v: back  q:~"])
    }
}
