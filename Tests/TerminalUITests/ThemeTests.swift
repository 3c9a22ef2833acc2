import Testing
import TerminalUI

@Suite struct ThemeTests {
    /// Every style a theme hands out, with a name for failure messages.
    func allStyles(_ theme: Theme) -> [(String, CellStyle)] {
        var styles: [(String, CellStyle)] = [
            ("title", theme.title), ("label", theme.label), ("muted", theme.muted), ("axis", theme.axis),
            ("train", theme.trainSeries), ("test", theme.testSeries), ("trainBand", theme.trainBand),
            ("testBand", theme.testBand), ("marker", theme.eventMarker), ("good", theme.good), ("bad", theme.bad),
            ("warning", theme.warning), ("status", theme.statusBar), ("key", theme.key),
        ]
        for k in 0..<4 {
            styles.append(("class \(k)", theme.classStyle(label: k, confidence: 0.9)))
            styles.append(("point \(k)", theme.pointStyle(label: k, isTest: true)))
        }
        for t in stride(from: -1.0, through: 1.0, by: 0.25) { styles.append(("diverging \(t)", theme.diverging(t))) }
        return styles
    }

    @Test func noColorUsesOnlyPlainBoldReverseAndUnderline() {
        let allowed: CellAttributes = [.bold, .reverse, .underline]
        for (name, style) in allStyles(TestThemes.plainUnicode) {
            #expect(style.foreground == .terminalDefault, "\(name)")
            #expect(style.background == .terminalDefault, "\(name)")
            #expect(allowed.isSuperset(of: style.attributes), "\(name)")
        }
        #expect(TestThemes.plainUnicode.classColor(label: 0, confidence: 1) == nil)
    }

    @Test func trainAndTestDifferInEveryMode() {
        for theme in TestThemes.all {
            #expect(theme.trainSeries != theme.testSeries)
        }
    }

    @Test(arguments: [ColorMode.ansi8, .palette256])
    func classColoursDifferForTwoAndThreeClasses(mode: ColorMode) {
        let theme = Theme(colorMode: mode, glyphs: .unicode)
        let three = (0..<3).map { theme.classColor(label: $0, confidence: 1) }
        #expect(Set(three.compactMap { $0 }).count == 3)
        #expect(theme.pointStyle(label: 0, isTest: false) != theme.pointStyle(label: 1, isTest: false))
        #expect(theme.pointStyle(label: 0, isTest: false) != theme.pointStyle(label: 0, isTest: true))
    }

    @Test func palette256ClassIntensityGrowsWithConfidence() {
        let theme = TestThemes.paletteUnicode
        let faint: TerminalColor = .palette(17), strong: TerminalColor = .palette(26)
        #expect(theme.classColor(label: 0, confidence: 0) == faint)
        #expect(theme.classColor(label: 0, confidence: 1) == strong)
    }

    @Test func divergingIsSymmetricAroundZero() {
        let theme = TestThemes.paletteUnicode
        #expect(theme.diverging(-1) == CellStyle(foreground: .palette(21)))
        #expect(theme.diverging(1) == CellStyle(foreground: .palette(196)))
        #expect(theme.diverging(0) == CellStyle(foreground: .palette(244)))
        #expect(theme.diverging(0.05) == theme.diverging(-0.05))
        for t in [0.2, 0.5, 0.9] { #expect(theme.divergingLevel(t, levels: 5) == -theme.divergingLevel(-t, levels: 5)) }
        let ansi = TestThemes.ansiUnicode
        #expect(ansi.diverging(-1) == CellStyle(foreground: .ansi(4), attributes: .bold))
        #expect(ansi.diverging(0.5) == CellStyle(foreground: .ansi(1)))
    }

    @Test func divergingGlyphsShowSignWithoutColour() {
        let ramp = [-1.0, -0.5, -0.2, 0, 0.2, 0.5, 1].map { TestThemes.plainASCII.divergingGlyph($0) }
        #expect(String(String.UnicodeScalarView(ramp)) == "#=-.+*@")
        let colored = [-1.0, 0, 1].map { TestThemes.ansiUnicode.divergingGlyph($0) }
        #expect(String(String.UnicodeScalarView(colored)) == "█·█")
        #expect(TestThemes.plainASCII.divergingGlyph(.nan) == ".")
    }

    @Test func asciiGlyphsAreASCII() {
        let g = GlyphSet.ascii
        var scalars: [Unicode.Scalar] = g.boxCorners + g.shadeRamp + g.sparkRamp + g.signedRamp + g.coloredRamp
        scalars += g.classRamps.flatMap { $0 } + g.trainPointGlyphs + g.testPointGlyphs
        scalars += [g.boxHorizontal, g.boxVertical, g.axisCorner, g.yTick, g.xTick, g.trainMarker, g.testMarker]
        scalars += [g.bandMarker, g.verticalMarker]
        let nonASCII = scalars.filter { !$0.isASCII }
        #expect(nonASCII.isEmpty)
        #expect(g.isASCII)
        #expect(!GlyphSet.unicode.isASCII)
    }
}
