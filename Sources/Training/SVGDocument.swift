import Foundation

/// A minimal SVG writer: elements appended as text, numbers with few digits, text escaped.
///
/// The document remembers how far right and down its elements reach, so a picture whose size
/// depends on what it holds can be drawn first and sized afterwards (`fitToContent`).
struct SVGDocument {
    private(set) var width: Double
    private(set) var height: Double
    private(set) var body = ""
    /// The right-most and lowest coordinates any element reaches (text by an estimate of its width).
    private(set) var contentRight = 0.0
    private(set) var contentBottom = 0.0

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Sets the width, height and view box to the content's extent plus `margin` right and below.
    mutating func fitToContent(margin: Double) {
        width = (contentRight + margin).rounded(.up)
        height = (contentBottom + margin).rounded(.up)
    }

    /// A generous estimate of the width of `text` at font size `size` in a sans-serif font
    /// (0.56 em a character: a little over the average of DejaVu Sans and Helvetica text).
    static func estimatedWidth(of text: String, size: Double) -> Double {
        Double(text.count) * size * 0.56
    }

    private mutating func extend(right: Double, bottom: Double) {
        if right.isFinite { contentRight = max(contentRight, right) }
        if bottom.isFinite { contentBottom = max(contentBottom, bottom) }
    }

    /// A coordinate or length with at most two decimals.
    static func n(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let r = (x * 100).rounded() / 100
        return r == r.rounded() ? String(Int(r)) : String(format: "%.2f", r)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    mutating func raw(_ element: String) { body += element + "\n" }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, extra: String = "") {
        extend(right: x + width, bottom: y + height)
        raw("<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" fill=\"\(fill)\"\(extra)/>")
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, extra: String = "") {
        extend(right: max(x1, x2), bottom: max(y1, y2))
        raw("<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\"\(extra)/>")
    }

    /// Text with its baseline at `y`; its extent is estimated (rotated text is not accounted for).
    mutating func text(_ content: String, x: Double, y: Double, size: Double = 12, anchor: String = "start", extra: String = "") {
        let estimate = Self.estimatedWidth(of: content, size: size)
        let right = anchor == "end" ? x : anchor == "middle" ? x + estimate / 2 : x + estimate
        extend(right: right, bottom: y + size * 0.3)
        raw("<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" font-size=\"\(Self.n(size))\" text-anchor=\"\(anchor)\"\(extra)>\(Self.escape(content))</text>")
    }

    /// A polyline as a path (`M x y L x y …`), or nothing for fewer than one point.
    mutating func path(_ points: [(Double, Double)], stroke: String, extra: String = "") {
        path(pieces: [points], stroke: stroke, extra: extra)
    }

    /// Polylines that do not join, as one path (each piece starts with its own `M`); nothing when
    /// every piece is empty.
    mutating func path(pieces: [[(Double, Double)]], stroke: String, extra: String = "") {
        var d = ""
        for points in pieces {
            guard let first = points.first else { continue }
            for p in points { extend(right: p.0, bottom: p.1) }
            d += (d.isEmpty ? "" : " ") + "M\(Self.n(first.0)) \(Self.n(first.1))"
            for p in points.dropFirst() { d += " L\(Self.n(p.0)) \(Self.n(p.1))" }
        }
        guard !d.isEmpty else { return }
        raw("<path d=\"\(d)\" fill=\"none\" stroke=\"\(stroke)\"\(extra)/>")
    }

    /// The whole document.
    var text: String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" "
            + "viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" font-family=\"sans-serif\">\n"
            + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + body + "</svg>\n"
    }

    /// `#rrggbb` from components in 0…1.
    static func color(_ r: Double, _ g: Double, _ b: Double) -> String {
        func c(_ x: Double) -> String {
            let v = Int((max(0, min(1, x)) * 255).rounded())
            return String(format: "%02x", v)
        }
        return "#" + c(r) + c(g) + c(b)
    }

    /// Class colours: blue, orange, green, red, purple, …
    static let classColors: [(Double, Double, Double)] = [
        (0.12, 0.47, 0.71), (1.0, 0.50, 0.05), (0.17, 0.63, 0.17), (0.84, 0.15, 0.16), (0.58, 0.40, 0.74),
        (0.55, 0.34, 0.29), (0.89, 0.47, 0.76), (0.50, 0.50, 0.50),
    ]
}
