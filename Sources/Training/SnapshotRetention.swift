import Foundation

/// Keeps periodic snapshots (`--snapshot-every`) from filling the disk: only the newest `keep`
/// of them stay (0: all), and the first time the requested rate would write more than
/// `warningBytesPerSecond`, one warning says so. Snapshots taken with `s` or on exit are never
/// removed, nor anything this process did not write.
///
/// Not thread-safe by itself: `SnapshotService` calls it under its own lock.
struct SnapshotRetention: Sendable {
    /// How many periodic snapshots to keep (0: all).
    var keep: Int
    /// Above this projected rate the user is warned once.
    static let warningBytesPerSecond = 4_000_000.0

    /// Periodic snapshot folders written, oldest first.
    private(set) var kept: [String] = []
    /// Uptime (ns) of the first periodic request, and how many have come (written or skipped).
    private var firstRequest: UInt64?
    private var lastRequest: UInt64 = 0
    private var requests = 0
    private var warned = false

    init(keep: Int) {
        self.keep = max(0, keep)
    }

    /// Notes a periodic snapshot request at `now` (uptime nanoseconds), written or not.
    mutating func requested(at now: UInt64) {
        if firstRequest == nil { firstRequest = now }
        lastRequest = now
        requests += 1
    }

    /// Records a written periodic snapshot of `bytes` in `folder`; returns the folders to remove
    /// (the oldest beyond `keep`) and the warning to give, if this is the first time the rate of
    /// requests so far, times `bytes`, is above the limit.
    mutating func wrote(_ folder: String, bytes: Int, every: Int) -> (remove: [String], warning: String?) {
        kept.append(folder)
        var remove: [String] = []
        if keep > 0, kept.count > keep {
            remove = Array(kept.prefix(kept.count - keep))
            kept.removeFirst(kept.count - keep)
        }
        var warning: String?
        if !warned, requests >= 2, let firstRequest, lastRequest > firstRequest {
            let perSecond = Double(requests - 1) / (Double(lastRequest - firstRequest) / 1e9)
            let rate = perSecond * Double(bytes)
            if rate > Self.warningBytesPerSecond {
                warned = true
                warning = String(format: "--snapshot-every %d asks for %.0f MB/s (%.1f MB a snapshot, %.0f a second); ",
                                 every, rate / 1e6, Double(bytes) / 1e6, perSecond)
                    + (keep > 0 ? "only the last \(keep) are kept (--keep-snapshots)" : "all are kept (--keep-snapshots 0)")
                    + ": a larger --snapshot-every writes less"
            }
        }
        return (remove, warning)
    }

    /// The bytes in the files of `folder` (not recursive: a snapshot has no subfolders).
    static func size(of folder: String) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.reduce(0) { total, name in
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/" + name)
            return total + ((attributes?[.size] as? NSNumber)?.intValue ?? 0)
        }
    }
}
