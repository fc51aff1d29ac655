import SIPTransport

/// Whether Switchboard is behind on what it received, judged by the unread backlog of its UDP
/// listeners: overloaded once the backlog reaches an eighth of what the receive queues hold, and clear
/// again only below a thirty-second, so a backlog around the mark does not flip the state on every
/// INVITE. While overloaded, new calls are refused at once and everything in progress is still served,
/// so the queue drains before the kernel drops the ACKs, BYEs and answers of calls already up.
public struct OverloadGuard: Hashable, Sendable {
    /// Whether new calls are refused now.
    public private(set) var isOverloaded = false

    /// Creates a guard that is not overloaded.
    public init() {}

    /// Takes a reading; returns whether the state changed.
    public mutating func observe(_ backlog: InboundBacklog) -> Bool {
        guard backlog.capacityBytes > 0 else { return false }
        let overloaded = isOverloaded ? backlog.queuedBytes * 32 >= backlog.capacityBytes : backlog.queuedBytes * 8 >= backlog.capacityBytes
        defer { isOverloaded = overloaded }
        return overloaded != isOverloaded
    }
}
