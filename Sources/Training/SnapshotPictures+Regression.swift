import Datasets
import MLPEngine

extension SnapshotPictures {
    /// The largest target magnitude of `data` (regression), at least 1e-12: the value drawn at
    /// full strength on the diverging scale.
    static func targetScale(of data: Dataset) -> Double {
        max(data.targets.reduce(0) { max($0, abs($1)) }, 1e-12)
    }

    /// A signed value `t` (−1…1, clamped) as a colour: white at 0, deepening to blue below and red
    /// above, in 24 steps a side (few enough that a row of equal shades is one rectangle).
    static func divergingColor(_ t: Double) -> String {
        let clamped = t.isFinite ? min(1, max(-1, t)) : 0
        let strength = (abs(clamped) * 24).rounded() / 24 * 0.85
        // Blue (0.13, 0.4, 0.67) and red (0.84, 0.15, 0.16), faded toward white with the strength.
        let base = clamped < 0 ? (0.13, 0.40, 0.67) : (0.84, 0.15, 0.16)
        return SVGDocument.color(1 - strength * (1 - base.0), 1 - strength * (1 - base.1), 1 - strength * (1 - base.2))
    }

    /// boundary.svg's key for a regression: the scale's ends and how shades and points read.
    static func drawRegressionKey(into svg: inout SVGDocument, scale: Double, x: Double, y: Double) {
        for (index, t) in [-1.0, -0.5, 0, 0.5, 1].enumerated() {
            let left = x + Double(index) * 70
            svg.rect(x: left, y: y - 9, width: 9, height: 9, fill: divergingColor(t),
                     extra: " stroke=\"black\" stroke-width=\"0.5\" class=\"key\"")
            svg.text(String(format: "%.3g", t * scale), x: left + 12, y: y, size: 12)
        }
        svg.text("shade: predicted value; points: their target on the same scale (filled: training, hollow: test)",
                 x: x, y: y + 20, size: 12)
    }
}
