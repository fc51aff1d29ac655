/// How an arriving caller names the queue.
public enum QueueSelector: Hashable, Sendable {
    /// The number dialled (matched against ``QueueConfiguration/numbers``).
    case number(String)
    /// The queue's identifier.
    case id(QueueID)
}
