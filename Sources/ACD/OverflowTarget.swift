/// Where an overflowing caller goes.
public enum OverflowTarget: Hashable, Sendable, Codable {
    /// Another queue; with `keepPosition` the caller is placed by their original arrival.
    case queue(QueueID, keepPosition: Bool)
    /// An external number (E.164) the B2BUA transfers the caller to.
    case number(String)
    /// Hang up, after the announcement if one is named.
    case hangUp(announcement: String?)
}
