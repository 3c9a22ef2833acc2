/// Summary of a metric over a span of epochs: the min, mean and max of the values recorded in it.
///
/// A trainer records every epoch, so `count` is the span's length; a watched log may record every
/// tenth epoch or step, and then the span `firstEpoch...lastEpoch` holds fewer values than epochs.
public struct MetricBucket: Sendable, Equatable {
    /// First epoch covered (1-based epoch numbers, as shown to users).
    public var firstEpoch: Int
    /// The last epoch covered.
    public var lastEpoch: Int
    /// Number of values recorded.
    public var count: Int
    public var minimum: Double
    public var maximum: Double
    /// Sum of the values, for the mean.
    public var sum: Double

    /// The mean of the values covered.
    public var mean: Double { sum / Double(count) }
    /// The epochs the bucket spans (`count` when every epoch was recorded).
    public var width: Int { lastEpoch - firstEpoch + 1 }
    /// The middle of the span, where a chart draws the bucket.
    public var middleEpoch: Double { Double(firstEpoch + lastEpoch) / 2 }

    init(epoch: Int, value: Double) {
        firstEpoch = epoch
        lastEpoch = epoch
        count = 1
        minimum = value
        maximum = value
        sum = value
    }

    mutating func add(_ value: Double, epoch: Int) {
        lastEpoch = epoch
        count += 1
        minimum = Swift.min(minimum, value)
        maximum = Swift.max(maximum, value)
        sum += value
    }

    func merged(with next: MetricBucket) -> MetricBucket {
        var m = self
        m.lastEpoch = next.lastEpoch
        m.count += next.count
        m.minimum = Swift.min(minimum, next.minimum)
        m.maximum = Swift.max(maximum, next.maximum)
        m.sum += next.sum
        return m
    }
}

/// The whole history of one metric in bounded memory, drawable at any width.
///
/// Epochs are grouped into buckets of `span` epochs (min/mean/max). When `capacity` buckets are
/// full, neighbours merge pairwise and `span` doubles, so a run of 10⁶ epochs or more keeps at most
/// `capacity` buckets, and the first and the latest epochs are always covered.
/// A value type; O(1) amortised per appended epoch.
public struct MetricHistory: Sendable, Equatable {
    /// The most buckets ever kept (even, at least 2).
    public let capacity: Int
    /// Epochs per full bucket (a power of two).
    public private(set) var span = 1
    /// Buckets in epoch order; the last may be partial.
    public private(set) var buckets: [MetricBucket] = []

    public init(capacity: Int = 1024) {
        precondition(capacity >= 2 && capacity % 2 == 0, "capacity must be even and at least 2")
        self.capacity = capacity
        buckets.reserveCapacity(capacity)
    }

    /// A history restored from saved buckets (a snapshot's `state.json`).
    init(capacity: Int, span: Int, buckets: [MetricBucket]) {
        self.capacity = capacity
        self.span = max(1, span)
        self.buckets = Array(buckets.suffix(capacity))
    }

    /// The number of epochs recorded.
    public var epochCount: Int { buckets.last.map { $0.lastEpoch - buckets[0].firstEpoch + 1 } ?? 0 }

    /// Records the value of `epoch` (epochs must arrive in increasing order; they may skip, as a
    /// log written every tenth epoch does). A bucket takes the epochs of a span of `span` epochs
    /// from its first.
    public mutating func append(epoch: Int, value: Double) {
        if var last = buckets.last, epoch - last.firstEpoch < span {
            last.add(value, epoch: epoch)
            buckets[buckets.count - 1] = last
            return
        }
        if buckets.count == capacity { compact() }
        buckets.append(MetricBucket(epoch: epoch, value: value))
    }

    /// Merges neighbouring buckets pairwise and doubles the span.
    private mutating func compact() {
        var merged: [MetricBucket] = []
        merged.reserveCapacity(capacity)
        var i = 0
        while i < buckets.count {
            merged.append(i + 1 < buckets.count ? buckets[i].merged(with: buckets[i + 1]) : buckets[i])
            i += 2
        }
        buckets = merged
        span *= 2
    }

    /// Forgets everything (after a reset).
    public mutating func removeAll() {
        buckets.removeAll(keepingCapacity: true)
        span = 1
    }

    /// Forgets the epochs after `epoch` (a rewind). A bucket that also holds later epochs cannot
    /// be split and goes too, so the history may end a little before `epoch`.
    public mutating func truncate(after epoch: Int) {
        buckets.removeAll { $0.lastEpoch > epoch }
    }

    /// The history at `count` points from the first epoch to the latest: the mean over each of
    /// `count` equal spans of epochs (a bucket straddling two spans counts in each by its overlap).
    /// With no more buckets than `count`, the bucket means themselves.
    public func means(resampledTo count: Int) -> [Double] {
        guard buckets.count > count else { return buckets.map(\.mean) }
        guard count > 0 else { return [] }
        let first = Double(buckets[0].firstEpoch)
        let groupWidth = Double(epochCount) / Double(count)
        // A bucket spreads its mean evenly over the epochs it spans.
        var sums = [Double](repeating: 0, count: count)
        var weights = [Double](repeating: 0, count: count)
        for bucket in buckets {
            let start = Double(bucket.firstEpoch) - first, end = start + Double(bucket.width)
            var group = min(count - 1, Int(start / groupWidth))
            while group < count {
                let overlap = min(end, Double(group + 1) * groupWidth) - max(start, Double(group) * groupWidth)
                if overlap > 0 {
                    sums[group] += bucket.mean * overlap
                    weights[group] += overlap
                }
                if Double(group + 1) * groupWidth >= end { break }
                group += 1
            }
        }
        return zip(sums, weights).map { $1 > 0 ? $0 / $1 : .nan }
    }
}

/// Train and test loss histories of a run, plus accuracy, kept side by side.
public struct LossHistory: Sendable, Equatable {
    public var trainLoss: MetricHistory
    public var testLoss: MetricHistory
    public var trainAccuracy: MetricHistory
    public var testAccuracy: MetricHistory

    public init(capacity: Int = 1024) {
        trainLoss = MetricHistory(capacity: capacity)
        testLoss = MetricHistory(capacity: capacity)
        trainAccuracy = MetricHistory(capacity: capacity)
        testAccuracy = MetricHistory(capacity: capacity)
    }

    /// Records one epoch's report.
    /// Forgets the epochs after `epoch` in every metric (a rewind).
    public mutating func truncate(after epoch: Int) {
        trainLoss.truncate(after: epoch)
        testLoss.truncate(after: epoch)
        trainAccuracy.truncate(after: epoch)
        testAccuracy.truncate(after: epoch)
    }

    public mutating func record(_ report: EpochReport) {
        trainLoss.append(epoch: report.epoch, value: report.trainLoss)
        trainAccuracy.append(epoch: report.epoch, value: report.trainAccuracy)
        if let loss = report.testLoss, let accuracy = report.testAccuracy {
            testLoss.append(epoch: report.epoch, value: loss)
            testAccuracy.append(epoch: report.epoch, value: accuracy)
        }
    }

    public mutating func removeAll() {
        trainLoss.removeAll()
        testLoss.removeAll()
        trainAccuracy.removeAll()
        testAccuracy.removeAll()
    }
}
