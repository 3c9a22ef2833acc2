/// The characters widgets draw with: box drawing, ramps, plot markers and point glyphs.
///
/// Glyphs are data handed to widgets (never read from a global), so tests can pin both sets.
/// `.unicode` uses box drawing, block and braille characters; `.ascii` uses only printable ASCII.
public struct GlyphSet: Hashable, Sendable {
    /// Box corners in the order top-left, top-right, bottom-left, bottom-right.
    public var boxCorners: [Unicode.Scalar]
    /// The horizontal box edge.
    public var boxHorizontal: Unicode.Scalar
    /// The vertical box edge.
    public var boxVertical: Unicode.Scalar
    /// The corner where the y axis meets the x axis.
    public var axisCorner: Unicode.Scalar
    /// A tick on the y axis, pointing at its label.
    public var yTick: Unicode.Scalar
    /// A tick on the x axis.
    public var xTick: Unicode.Scalar
    /// Light-to-dark shade ramp, first entry blank (`" ░▒▓█"` or `" .:#@"`).
    public var shadeRamp: [Unicode.Scalar]
    /// Eight rising bar levels for sparklines (`▁…█` or `_.-=^`-style).
    public var sparkRamp: [Unicode.Scalar]
    /// Seven glyphs for strong, medium, weak negative, about zero, weak, medium, strong positive,
    /// used when colour cannot show the sign.
    public var signedRamp: [Unicode.Scalar]
    /// Seven glyphs for the same levels when colour shows the sign (the glyph shows magnitude).
    public var coloredRamp: [Unicode.Scalar]
    /// Per-class ramps (blank first, then rising confidence) for class maps drawn with glyphs.
    public var classRamps: [[Unicode.Scalar]]
    /// Whether line plots use braille dots (2×4 per cell) rather than one marker per cell.
    public var usesBraille: Bool
    /// The upper half block for two-pixels-per-cell colour maps, or nil when unavailable.
    public var upperHalfBlock: Unicode.Scalar?
    /// The one-per-cell plot marker of the training series.
    public var trainMarker: Unicode.Scalar
    /// The one-per-cell plot marker of the test series.
    public var testMarker: Unicode.Scalar
    /// The one-per-cell plot marker of a min/max band.
    public var bandMarker: Unicode.Scalar
    /// The vertical marker drawn at chosen x positions (learning-rate changes).
    public var verticalMarker: Unicode.Scalar
    /// Point glyphs per class for training points.
    public var trainPointGlyphs: [Unicode.Scalar]
    /// Point glyphs per class for test points.
    public var testPointGlyphs: [Unicode.Scalar]
    /// The mark that ends truncated text.
    public var ellipsis: String
    /// The separator between the ends of a range.
    public var rangeDots: String
    /// The arrow of a layer's shape (`2→16`).
    public var arrow: String
    /// The times sign in sizes such as 3×4.
    public var times: String

    /// Box drawing, blocks and braille.
    public static let unicode = GlyphSet(
        boxCorners: ["┌", "┐", "└", "┘"], boxHorizontal: "─", boxVertical: "│",
        axisCorner: "└", yTick: "┤", xTick: "┬",
        shadeRamp: [" ", "░", "▒", "▓", "█"],
        sparkRamp: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"],
        signedRamp: ["#", "=", "-", "·", "+", "*", "@"],
        coloredRamp: ["█", "▓", "░", "·", "░", "▓", "█"],
        classRamps: asciiClassRamps,
        usesBraille: true, upperHalfBlock: "▀",
        trainMarker: "•", testMarker: "∘", bandMarker: "·", verticalMarker: "┊",
        trainPointGlyphs: pointGlyphs.train, testPointGlyphs: pointGlyphs.test,
        ellipsis: "…", rangeDots: "…", arrow: "→", times: "×")

    /// Printable ASCII only.
    public static let ascii = GlyphSet(
        boxCorners: ["+", "+", "+", "+"], boxHorizontal: "-", boxVertical: "|",
        axisCorner: "+", yTick: "+", xTick: "+",
        shadeRamp: [" ", ".", ":", "#", "@"],
        sparkRamp: ["_", "_", ".", ".", "-", "-", "=", "^"],
        signedRamp: ["#", "=", "-", ".", "+", "*", "@"],
        coloredRamp: ["#", "=", "-", ".", "+", "*", "@"],
        classRamps: asciiClassRamps,
        usesBraille: false, upperHalfBlock: nil,
        trainMarker: "*", testMarker: "o", bandMarker: ".", verticalMarker: ":",
        trainPointGlyphs: pointGlyphs.train, testPointGlyphs: pointGlyphs.test,
        ellipsis: "~", rangeDots: "..", arrow: "->", times: "x")

    private static let asciiClassRamps: [[Unicode.Scalar]] = [
        [" ", ".", ":", "-"], [" ", ",", ";", "+"], [" ", "`", "'", "\""], [" ", "_", "~", "="],
    ]
    private static let pointGlyphs: (train: [Unicode.Scalar], test: [Unicode.Scalar]) = (
        ["o", "x", "*", "s", "d", "v"], ["O", "X", "#", "S", "D", "V"]
    )

    /// Whether every glyph is plain ASCII (so text labels should avoid other characters too).
    public var isASCII: Bool { boxHorizontal.isASCII && trainMarker.isASCII && ellipsis.unicodeScalars.allSatisfy(\.isASCII) }

    /// The point glyph for class `label`, from the training or the test set of glyphs.
    public func pointGlyph(label: Int, isTest: Bool) -> Unicode.Scalar {
        let glyphs = isTest ? testPointGlyphs : trainPointGlyphs
        return glyphs[wrapped(label, glyphs.count)]
    }

    /// The glyph ramp for class `label` (ramps repeat when there are more classes than ramps).
    public func classRamp(label: Int) -> [Unicode.Scalar] {
        classRamps[wrapped(label, classRamps.count)]
    }
}
