/// What the loss chart shows of the run: the epochs on show (zoomed or the whole run) and the
/// read-out cursor. A value changed by the pure key handling; `extent` follows the run each frame.
///
/// Zoom halves (`z`) or doubles (`Z`) the span of epochs on show, around the cursor when it is
/// on, else around the middle; zooming out to the whole run or `0` goes back to following the
/// whole run. The cursor moves by a fiftieth of the span on show (at least one epoch) and pans a
/// zoomed window along when it reaches an edge.
public struct LossChartViewState: Hashable, Sendable {
    /// The fewest epochs a zoomed chart shows.
    public static let minimumSpan = 4

    /// The epochs on show when zoomed (fixed while the run goes on); nil: the whole run.
    public var window: ClosedRange<Int>?
    /// The read-out cursor's epoch; nil: off.
    public var cursor: Int?
    /// The run's recorded epochs, first to latest (taken from the run every frame).
    public var extent: ClosedRange<Int> = 0...0

    public init() {}

    /// The epochs on show.
    public var shown: ClosedRange<Int> {
        guard let window else { return extent }
        return window
    }

    /// Whether a part of the run is on show rather than all of it.
    public var isZoomed: Bool { window != nil }

    /// Follows the run: `extent` becomes `epochs`, and a cursor beyond it is brought back.
    public mutating func adopt(extent epochs: ClosedRange<Int>) {
        extent = epochs
        if let cursor { self.cursor = min(max(cursor, epochs.lowerBound), epochs.upperBound) }
    }

    /// Half the span on show, around the cursor or the middle; false when it is already the
    /// smallest (nothing changes).
    public mutating func zoomIn() -> Bool {
        let current = shown
        let span = current.upperBound - current.lowerBound
        guard span > Self.minimumSpan else { return false }
        let newSpan = max(Self.minimumSpan, (span + 1) / 2)
        let centre = cursor ?? (current.lowerBound + span / 2)
        window = placed(lower: centre - newSpan / 2, span: newSpan)
        return true
    }

    /// Twice the span on show, around the cursor or the middle; the whole run once that covers it.
    public mutating func zoomOut() {
        guard let window else { return }
        let span = (window.upperBound - window.lowerBound) * 2
        guard span < extent.upperBound - extent.lowerBound else { return self.window = nil }
        let centre = cursor ?? (window.lowerBound + (window.upperBound - window.lowerBound) / 2)
        self.window = placed(lower: centre - span / 2, span: span)
    }

    /// Back to the whole run.
    public mutating func showWholeRun() {
        window = nil
    }

    /// Turns the cursor on (in the middle of the epochs on show) or off.
    public mutating func toggleCursor() {
        let current = shown
        cursor = cursor == nil ? current.lowerBound + (current.upperBound - current.lowerBound) / 2 : nil
    }

    /// Moves the cursor by `steps` fiftieths of the span on show (at least an epoch each), within
    /// the run, panning a zoomed window to keep it in sight.
    public mutating func moveCursor(by steps: Int) {
        let current = shown
        let stride = max(1, (current.upperBound - current.lowerBound) / 50)
        place(cursor: (cursor ?? current.lowerBound) + steps * stride)
    }

    /// Moves the cursor to the run's first (`toEnd` false) or latest epoch, panning a zoomed window there.
    public mutating func moveCursorToEnd(_ toEnd: Bool) {
        place(cursor: toEnd ? extent.upperBound : extent.lowerBound)
    }

    private mutating func place(cursor epoch: Int) {
        let epoch = min(max(epoch, extent.lowerBound), extent.upperBound)
        cursor = epoch
        guard let window else { return }
        let span = window.upperBound - window.lowerBound
        if epoch < window.lowerBound { self.window = placed(lower: epoch, span: span) }
        if epoch > window.upperBound { self.window = placed(lower: epoch - span, span: span) }
    }

    /// A window of `span` epochs starting near `lower`, moved inside the run where it fits.
    private func placed(lower: Int, span: Int) -> ClosedRange<Int> {
        let start = max(extent.lowerBound, min(lower, extent.upperBound - span))
        return start...(start + span)
    }
}
