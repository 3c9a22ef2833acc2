extension MetricHistory {
    /// The value recorded at `epoch`: the mean of the bucket holding it (the exact value while
    /// buckets hold one epoch each), or nil when no bucket covers it. O(log buckets).
    public func value(atEpoch epoch: Int) -> Double? {
        var low = 0, high = buckets.count
        while low < high {
            let middle = (low + high) / 2
            if buckets[middle].lastEpoch < epoch { low = middle + 1 } else { high = middle }
        }
        guard low < buckets.count, buckets[low].firstEpoch <= epoch else { return nil }
        return buckets[low].mean
    }
}
