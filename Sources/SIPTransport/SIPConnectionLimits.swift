import NIOCore

/// Limits on stream (TCP and TLS) connections, those peers open and those switchboardd opens: how
/// many may be open, how long one may carry nothing, how long a started message may take.
public struct SIPConnectionLimits: Hashable, Sendable {
    /// Open connections in total beyond which connections from addresses that are no trunk peer are
    /// refused. Trunk connections count toward it but are not refused by it.
    public var maximumConnections: Int
    /// Open connections from (or to) one address that is no trunk peer.
    public var maximumConnectionsPerPeer: Int
    /// Open connections from (or to) one trunk peer address, accepted whatever the total.
    public var maximumConnectionsPerTrunk: Int
    /// How long a connection may carry no message and no keep-alive, in either direction, before it
    /// is closed.
    public var idleTimeout: TimeAmount
    /// How long a message may take from its first byte to its last (headers and body) before the
    /// connection is closed.
    public var incompleteMessageTimeout: TimeAmount

    /// Creates connection limits.
    public init(maximumConnections: Int = 1_024, maximumConnectionsPerPeer: Int = 64, maximumConnectionsPerTrunk: Int = 256,
                idleTimeout: TimeAmount = .seconds(120), incompleteMessageTimeout: TimeAmount = .seconds(10)) {
        self.maximumConnections = maximumConnections
        self.maximumConnectionsPerPeer = maximumConnectionsPerPeer
        self.maximumConnectionsPerTrunk = maximumConnectionsPerTrunk
        self.idleTimeout = idleTimeout
        self.incompleteMessageTimeout = incompleteMessageTimeout
    }
}

/// The stream connection counters of one transport since it started, and how many are open now.
public struct SIPConnectionCounters: Hashable, Sendable {
    /// Connections accepted from peers.
    public var accepted = 0
    /// Connections switchboardd opened toward peers.
    public var opened = 0
    /// Connections refused because the address is no trunk peer.
    public var refusedUnknownPeer = 0
    /// Connections refused because the total cap was reached.
    public var refusedTotalLimit = 0
    /// Connections refused because the address had reached its own cap.
    public var refusedPeerLimit = 0
    /// Connections closed after carrying nothing for the idle timeout.
    public var closedIdle = 0
    /// Connections closed because a started message did not finish in time.
    public var closedIncompleteMessage = 0
    /// Connections open now, accepted and opened.
    public var open = 0

    /// Creates counters, all zero.
    public init() {}
}
