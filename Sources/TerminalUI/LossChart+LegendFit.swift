extension LossChart {
    /// The least chart height (legend included) that gives the other runs a legend row of their own.
    static let secondLegendRowHeight = 9

    /// Rows the legend takes in `area`: none below 5 rows; two when one row would leave another
    /// run out and the chart is at least `secondLegendRowHeight` tall, the runs then having the
    /// whole second row; else one.
    func legendRowCount(in area: Rect) -> Int {
        guard area.height >= 5 else { return 0 }
        guard area.height >= Self.secondLegendRowHeight, !overlays.isEmpty else { return 1 }
        let series = seriesLegendEntries.map { 1 + TextFit.width($0.text) }.reduce(0, +)
        return fittedOverlays(room: area.width - series - (logScale ? 4 : 0), endsRow: !logScale).fitted.dropped > 0 ? 2 : 1
    }

    /// Cells an overlay's legend entry takes besides its name: the marker, a space, a two-space gap.
    static let overlayEntryCells = 4
    /// The two-space gap after an entry, of no use after the last one on a row.
    static let trailingGapCells = 2

    /// The overlays' legend names as `room` cells can hold them, in order. All in full when they
    /// fit. Otherwise each is cut to a fair share ending in `ellipsis`, names shorter than their
    /// share keeping their full width and handing the rest to the longer ones (water-filling).
    /// When not even `minimumName` cells each fit, the last names are dropped (`dropped` counts
    /// them) and one cell is kept for an `ellipsis` saying so. When `endsRow` (nothing follows
    /// the legend on its row), the last entry's gap is not needed and goes to the names.
    /// O(n² log n) for n names.
    public static func fitLegendNames(_ names: [String], room: Int, ellipsis: String, minimumName: Int = 4,
                                      endsRow: Bool = false) -> (names: [String], dropped: Int)
    {
        let widths = names.map(TextFit.width)
        var count = names.count
        while count > 0 {
            let shown = Array(widths.prefix(count))
            let mark = count < names.count ? TextFit.width(ellipsis) : 0
            let available = room - mark - count * overlayEntryCells + (endsRow && mark == 0 ? trailingGapCells : 0)
            if available >= shown.map({ min($0, minimumName) }).reduce(0, +) {
                let shares = waterFilled(shown, total: available)
                let fitted = zip(names, shares).map { TextFit.truncate($0, to: $1, ellipsis: ellipsis) }
                return (fitted, names.count - count)
            }
            count -= 1
        }
        return ([], names.count)
    }

    /// Cells for each of `widths` out of `total`: the narrowest first take what they need, up to an
    /// equal share of what is left.
    private static func waterFilled(_ widths: [Int], total: Int) -> [Int] {
        var shares = widths, left = max(0, total)
        for (rank, index) in widths.indices.sorted(by: { widths[$0] < widths[$1] }).enumerated() {
            shares[index] = min(widths[index], left / (widths.count - rank))
            left -= shares[index]
        }
        return shares
    }
}
