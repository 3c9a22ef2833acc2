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
}
