/// How much of a row or column of space one part of a layout takes.
public enum LayoutSize: Hashable, Sendable {
    /// Exactly this many cells (less when the space runs out).
    case fixed(Int)
    /// A share of what the fixed parts leave: `.ratio(1, 3)` takes a third of it.
    case ratio(Int, Int)
    /// All remaining space, shared equally with other `.fill` parts.
    case fill
}

extension Rect {
    /// Splits the rectangle left to right into columns of the given sizes.
    ///
    /// Fixed sizes are taken first (clipped when they do not fit), ratios share what is left, and
    /// `.fill` parts share the rest; rounding leftovers go to the last flexible part. Always
    /// returns one rectangle per size, possibly empty, together covering at most `self`.
    public func columns(_ sizes: [LayoutSize]) -> [Rect] {
        Self.split(length: width, sizes).map { Rect(x: x + $0.start, y: y, width: $0.length, height: height) }
    }

    /// Splits the rectangle top to bottom into rows of the given sizes (rules as `columns`).
    public func rows(_ sizes: [LayoutSize]) -> [Rect] {
        Self.split(length: height, sizes).map { Rect(x: x, y: y + $0.start, width: width, height: $0.length) }
    }

    /// The rectangle of `width` × `height` (clipped to `self`) centred in `self`.
    public func centered(width: Int, height: Int) -> Rect {
        let w = min(max(0, width), self.width), h = min(max(0, height), self.height)
        return Rect(x: x + (self.width - w) / 2, y: y + (self.height - h) / 2, width: w, height: h)
    }

    /// Offsets and lengths along one axis of `length` cells.
    static func split(length: Int, _ sizes: [LayoutSize]) -> [(start: Int, length: Int)] {
        var lengths = [Int](repeating: 0, count: sizes.count)
        var remaining = max(0, length)
        for (index, size) in sizes.enumerated() {
            if case .fixed(let cells) = size {
                lengths[index] = min(max(0, cells), remaining)
                remaining -= lengths[index]
            }
        }
        let flexible = remaining
        var lastFlexible: Int?
        for (index, size) in sizes.enumerated() {
            if case .ratio(let numerator, let denominator) = size, denominator > 0 {
                lengths[index] = min(remaining, flexible * max(0, numerator) / denominator)
                remaining -= lengths[index]
                lastFlexible = index
            }
        }
        let fills = sizes.indices.filter { sizes[$0] == .fill }
        if !fills.isEmpty {
            let share = remaining / fills.count
            for index in fills { lengths[index] = share }
            remaining -= share * fills.count
            lastFlexible = fills.last
        }
        if let last = lastFlexible { lengths[last] += remaining }
        var start = 0
        return lengths.map { cells in
            defer { start += cells }
            return (start, cells)
        }
    }
}
