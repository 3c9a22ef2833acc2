import Training

extension WatchedFacts {
    /// Why nothing in the source could be read, when every line (or record) so far was bad and none
    /// was a record — a file that is not a metrics log: the first bad line's `file:line: reason`
    /// and the count. Nil once a record was read, or when nothing was bad (an empty log is waited on).
    public var unreadableReason: String? {
        guard loggedEpoch == nil, skipped > 0, let firstSkip else { return nil }
        return "\(firstSkip); nothing in it could be read as a metrics log (\(skipped) bad "
            + (skipped == 1 ? "line)" : "lines)")
    }
}
