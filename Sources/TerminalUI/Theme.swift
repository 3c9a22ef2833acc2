/// The look of the dashboard: a colour mode and a glyph set, handing out styles by meaning.
///
/// Widgets ask for "the test series" or "a strong negative weight", never for a colour. With
/// `ColorMode.none` every style is plain, bold or reverse only (NO_COLOR). A value type.
public struct Theme: Hashable, Sendable {
    /// Which colours the styles may use.
    public var colorMode: ColorMode
    /// Which characters widgets draw with.
    public var glyphs: GlyphSet

    /// A theme of `colorMode` drawing with `glyphs`.
    public init(colorMode: ColorMode, glyphs: GlyphSet) {
        self.colorMode = colorMode
        self.glyphs = glyphs
    }

    /// Picks the style for the current colour mode.
    @inline(__always)
    func pick(none: CellStyle, ansi8: CellStyle, palette256: CellStyle) -> CellStyle {
        switch colorMode {
        case .none: none
        case .ansi8: ansi8
        case .palette256: palette256
        }
    }

    /// Panel and chart titles.
    public var title: CellStyle {
        let bold = CellStyle(attributes: .bold)
        return pick(none: bold, ansi8: CellStyle(foreground: .ansi(6), attributes: .bold),
                    palette256: CellStyle(foreground: XtermPalette.cube(2, 4, 5), attributes: .bold))
    }

    /// Ordinary labels and values.
    public var label: CellStyle { .plain }

    /// Secondary text: tick labels, notes, legends' separators.
    public var muted: CellStyle {
        pick(none: .plain, ansi8: CellStyle(attributes: .dim), palette256: CellStyle(foreground: XtermPalette.grey(12)))
    }

    /// Axis lines and ticks, and panel borders.
    public var axis: CellStyle { muted }

    /// The training-loss series.
    public var trainSeries: CellStyle {
        pick(none: .plain, ansi8: CellStyle(foreground: .ansi(6)), palette256: CellStyle(foreground: XtermPalette.cube(0, 3, 5)))
    }

    /// The test-loss series.
    public var testSeries: CellStyle {
        pick(none: CellStyle(attributes: .bold), ansi8: CellStyle(foreground: .ansi(5)),
             palette256: CellStyle(foreground: XtermPalette.cube(5, 3, 0)))
    }

    /// The min/max band around the training series.
    public var trainBand: CellStyle {
        pick(none: .plain, ansi8: CellStyle(foreground: .ansi(6), attributes: .dim),
             palette256: CellStyle(foreground: XtermPalette.cube(0, 1, 3)))
    }

    /// The min/max band around the test series.
    public var testBand: CellStyle {
        pick(none: .plain, ansi8: CellStyle(foreground: .ansi(5), attributes: .dim),
             palette256: CellStyle(foreground: XtermPalette.cube(3, 1, 0)))
    }

    /// Vertical event markers (learning-rate changes).
    public var eventMarker: CellStyle {
        pick(none: .plain, ansi8: CellStyle(foreground: .ansi(3)), palette256: CellStyle(foreground: XtermPalette.cube(5, 5, 1)))
    }

    /// Something going well (accuracy up, training running).
    public var good: CellStyle {
        pick(none: CellStyle(attributes: .bold), ansi8: CellStyle(foreground: .ansi(2), attributes: .bold),
             palette256: CellStyle(foreground: XtermPalette.cube(1, 4, 1), attributes: .bold))
    }

    /// Something wrong (diverged, failed).
    public var bad: CellStyle {
        pick(none: CellStyle(attributes: .reverse), ansi8: CellStyle(foreground: .ansi(1), attributes: .bold),
             palette256: CellStyle(foreground: XtermPalette.cube(5, 1, 1), attributes: .bold))
    }

    /// A warning (vanishing or exploding gradients).
    public var warning: CellStyle {
        pick(none: CellStyle(attributes: .bold), ansi8: CellStyle(foreground: .ansi(3), attributes: .bold),
             palette256: CellStyle(foreground: XtermPalette.cube(5, 4, 0), attributes: .bold))
    }

    /// The status bar's background line.
    public var statusBar: CellStyle { CellStyle(attributes: .reverse) }

    /// Key names in key legends and the help overlay.
    public var key: CellStyle {
        pick(none: CellStyle(attributes: .bold), ansi8: CellStyle(foreground: .ansi(3), attributes: .bold),
             palette256: CellStyle(foreground: XtermPalette.cube(5, 4, 1), attributes: .bold))
    }
}
