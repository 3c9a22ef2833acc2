extension SnapshotPictures {
    /// The epoch axis' ticks: `ticks` as they are, or for a watched log that restarted (`restarts`,
    /// each the last chart epoch before a new segment, and `offsets`, each new segment's chart
    /// epoch − logged epoch) ticks in the log's own epochs: in each segment the multiples of the
    /// ticks' step of its logged epochs, placed at their chart epochs (a segment with none of them
    /// gets one at its last epoch). A tick closer than half a step to the one before (across a
    /// restart) is left out.
    static func loggedEpochTicks(_ ticks: AxisTicks, start: Double, end: Double, restarts: [Int],
                                 offsets: [Int]) -> [(position: Double, label: String)] {
        guard !restarts.isEmpty, restarts.count == offsets.count else {
            return zip(ticks.values, ticks.labels).map { ($0, $1) }
        }
        let step = ticks.values.count > 1 ? ticks.values[1] - ticks.values[0] : AxisTicks.niceStep(atLeast: (end - start) / 8)
        var result: [(position: Double, label: String)] = []
        for segment in 0...restarts.count {
            let low = segment == 0 ? start : Double(restarts[segment - 1]) + 0.5
            let high = segment == restarts.count ? end : Double(restarts[segment]) + 0.5
            let offset = segment == 0 ? 0 : Double(offsets[segment - 1])
            guard high > low else { continue }
            func place(_ position: Double, _ label: String) -> Bool {
                guard position >= start, position <= end, result.last.map({ position - $0.position >= step / 2 }) ?? true
                else { return false }
                result.append((position, label))
                return true
            }
            var placed = false
            var multiple = ((low - offset) / step - 1e-9).rounded(.up)
            while multiple * step + offset <= high + 1e-9 {
                placed = place(multiple * step + offset, AxisTicks.label(multiple * step, precision: step)) || placed
                multiple += 1
            }
            // A segment shorter than a step still shows where it ends, in its own epochs.
            let last = segment == restarts.count ? end.rounded(.down) : Double(restarts[segment])
            if !placed, last > low { _ = place(last, AxisTicks.label(last - offset, precision: 1)) }
        }
        return result
    }
}
