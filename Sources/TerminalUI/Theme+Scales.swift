/// Colour scales: classes of a classifier and the diverging scale of signed values.
extension Theme {
    /// Hues for up to six classes in the 256-colour cube (blue, orange, green, purple, yellow, cyan).
    private static let classHues: [(Int, Int, Int)] = [(0, 2, 5), (5, 2, 0), (1, 4, 1), (4, 1, 5), (5, 5, 1), (0, 4, 4)]
    /// ANSI colours for the same classes.
    private static let classANSI: [UInt8] = [4, 1, 2, 5, 3, 6]

    /// The fill colour of a region predicted as class `label` with normalised `confidence` (0…1),
    /// or nil when the colour mode has no colours. Regions are darker than points drawn over them.
    public func classColor(label: Int, confidence: Double) -> TerminalColor? {
        let c = confidence.isFinite ? min(1, max(0, confidence)) : 0
        switch colorMode {
        case .none: return nil
        case .ansi8: return .ansi(Self.classANSI[wrapped(label, Self.classANSI.count)])
        case .palette256:
            let hue = Self.classHues[wrapped(label, Self.classHues.count)]
            let scale = 0.2 + 0.5 * c
            func component(_ h: Int) -> Int { roundedToInt(Double(h) * scale) }
            return XtermPalette.cube(component(hue.0), component(hue.1), component(hue.2))
        }
    }

    /// The foreground style of a region glyph of class `label` at normalised `confidence` (0…1).
    public func classStyle(label: Int, confidence: Double) -> CellStyle {
        switch colorMode {
        case .none: return .plain
        case .ansi8:
            let color = classColor(label: label, confidence: confidence) ?? .terminalDefault
            return CellStyle(foreground: color, attributes: confidence >= 0.75 ? .bold : [])
        case .palette256:
            return CellStyle(foreground: classColor(label: label, confidence: 0.6 + 0.4 * confidence) ?? .terminalDefault)
        }
    }

    /// The style of a data point of class `label`; test points are bold and underlined.
    public func pointStyle(label: Int, isTest: Bool) -> CellStyle {
        let attributes: CellAttributes = isTest ? [.bold, .underline] : .bold
        switch colorMode {
        case .none: return CellStyle(attributes: attributes)
        case .ansi8: return CellStyle(foreground: .ansi(8 + Self.classANSI[wrapped(label, Self.classANSI.count)]), attributes: attributes)
        case .palette256:
            let hue = Self.classHues[wrapped(label, Self.classHues.count)]
            return CellStyle(foreground: XtermPalette.cube(hue.0, hue.1, hue.2), attributes: attributes)
        }
    }

    /// The stable look of side-by-side run `index` (0: the first run, which uses the train series'
    /// own style): a distinct hue per run, or bold and plain alternating without colour.
    public func runStyle(_ index: Int) -> CellStyle {
        let hues: [(Int, Int, Int)] = [(0, 3, 5), (5, 1, 1), (1, 4, 1), (4, 1, 5), (5, 4, 0), (0, 4, 4)]
        let ansi: [UInt8] = [6, 1, 2, 5, 3, 4]
        let i = ((index % hues.count) + hues.count) % hues.count
        switch colorMode {
        case .none: return CellStyle(attributes: i % 2 == 0 ? [] : .bold)
        case .ansi8: return CellStyle(foreground: .ansi(ansi[i]))
        case .palette256: return CellStyle(foreground: XtermPalette.cube(hues[i].0, hues[i].1, hues[i].2))
        }
    }

    /// The level of `t` (in −1…1) on a symmetric scale of `2 * levels + 1` steps: −levels…levels,
    /// 0 for values within half a step of zero. Non-finite values give 0.
    public func divergingLevel(_ t: Double, levels: Int) -> Int {
        guard t.isFinite, levels > 0 else { return 0 }
        let clamped = min(1, max(-1, t))
        return roundedToInt(clamped * Double(levels))
    }

    /// The style of a signed value `t` (in −1…1, scaled by the largest magnitude): blue for
    /// negative, red for positive, stronger with magnitude; plain in `.none` (glyphs carry the sign).
    public func diverging(_ t: Double) -> CellStyle {
        switch colorMode {
        case .none:
            return .plain
        case .ansi8:
            let level = divergingLevel(t, levels: 3)
            if level == 0 { return muted }
            return CellStyle(foreground: .ansi(level < 0 ? 4 : 1), attributes: abs(level) == 3 ? .bold : [])
        case .palette256:
            let level = divergingLevel(t, levels: 5)
            if level == 0 { return CellStyle(foreground: XtermPalette.grey(12)) }
            let fade = 5 - abs(level)
            let color = level < 0 ? XtermPalette.cube(fade, fade, 5) : XtermPalette.cube(5, fade, fade)
            return CellStyle(foreground: color)
        }
    }

    /// The glyph of a signed value `t` (in −1…1) from the seven-step ramp: sign-showing glyphs when
    /// there is no colour, magnitude-only glyphs when colour shows the sign.
    public func divergingGlyph(_ t: Double) -> Unicode.Scalar {
        let ramp = colorMode == .none ? glyphs.signedRamp : glyphs.coloredRamp
        return ramp[3 + divergingLevel(t, levels: 3)]
    }
}
