/// Where agent presence comes from: Graph (``GraphPresenceSource``) or configuration
/// (``StaticPresenceSource``), chosen in the YAML file.
///
/// A source is a long-running service: the daemon runs ``run()`` in its service group and consumes
/// ``updates`` (one consumer) into a ``PresenceDirectory``, which the call path reads without waiting.
public protocol PresenceSource: Sendable {
    /// Observations and health changes, in the order they happened; finishes when ``run()`` returns.
    var updates: AsyncStream<PresenceUpdate> { get }
    /// The freshness rules that fit this source (a static source never goes stale).
    var freshness: PresenceFreshness { get }
    /// Produces updates until the task is cancelled, then returns. Call it once.
    func run() async throws
    /// Health and counters now.
    func status() -> PresenceStatus
}
