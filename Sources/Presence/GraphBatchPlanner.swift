/// Splits the agents into `getPresencesByUserId` batches and spreads the batches over the poll interval.
///
/// Spreading keeps the request rate even (no burst of every batch at the start of the interval), which
/// matters both for Graph's sliding-window limit and for how fresh each agent's presence is. Pure.
public enum GraphBatchPlanner {
    /// Graph's limit of ids in one `getPresencesByUserId` request.
    public static let maximumIDsPerRequest = 650

    /// The ids in order, cut into batches of at most `size` ids.
    public static func batches(_ ids: [String], size: Int = maximumIDsPerRequest) -> [[String]] {
        precondition(size >= 1, "a batch holds at least one id")
        return stride(from: 0, to: ids.count, by: size).map { Array(ids[$0..<min($0 + size, ids.count)]) }
    }

    /// When batch `index` of `count` starts, for a poll cycle starting at `cycleStart`.
    public static func slot(
        index: Int,
        of count: Int,
        cycleStart: ContinuousClock.Instant,
        interval: Duration
    ) -> ContinuousClock.Instant {
        guard count > 1 else { return cycleStart }
        return cycleStart + interval * (Double(index) / Double(count))
    }
}
