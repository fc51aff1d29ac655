/// The daemon's state and live counters, as `GET /v1/status` reports them.
public struct StatusReport: Codable, Equatable, Sendable {
    /// switchboardd's version.
    public var version: String
    /// When the daemon started, ISO 8601 UTC.
    public var startedAt: String
    /// Seconds since the daemon started.
    public var uptimeSeconds: Double
    /// The SIP listeners, with the ports they are bound to.
    public var listeners: [ListenerStatus]
    /// Calls held (queued, ringing or connected).
    public var calls: Int
    /// Callers not yet answered by an agent (what `limits.maximumWaitingCalls` caps).
    public var waitingCalls: Int
    /// Requests refused with a stateless 503 because the server transaction table was full, since start.
    public var refusedForTransactionCapacity: Int
    /// New calls refused with a stateless 503 before any state existed, since start.
    public var refusedNewCalls: RefusedNewCalls
    /// Whether an overload episode is in progress: new calls were refused for the unread receive backlog, and it has not yet stayed low for 5 s.
    public var overloaded: Bool
    /// Dialogs still routable (connected legs and lingering ended ones).
    public var dialogs: Int
    /// Live server transactions.
    public var serverTransactions: Int
    /// Live client transactions.
    public var clientTransactions: Int
    /// Whether the daemon is draining (after SIGTERM or `POST /v1/drain`): new calls get 503.
    public var draining: Bool
    /// The presence source: `reachable`, or `unreachable: <reason>`.
    public var presence: String
    /// The presence source's health in detail.
    public var presenceSource: PresenceSourceStatus
    /// Presence requests sent to Graph, throttled (429) and failed, since start.
    public var presenceRequests: PresenceRequestCounts
    /// SIP stream (TCP and TLS) connections since start, and how many are open.
    public var connections: ConnectionCounts
    /// Each trunk's state, from OPTIONS pings and B-leg INVITEs.
    public var trunks: [TrunkStatus]
    /// Answered hold: the callers' RTP streams open or being opened (each holds one port of
    /// `media.rtpPorts`); absent when no queue answers its callers (the media edge is not running).
    public var holdStreams: Int?

    /// Creates a report.
    public init(version: String, startedAt: String, uptimeSeconds: Double, listeners: [ListenerStatus], calls: Int, waitingCalls: Int,
                refusedForTransactionCapacity: Int, dialogs: Int, serverTransactions: Int, clientTransactions: Int, draining: Bool,
                presence: String, presenceSource: PresenceSourceStatus, presenceRequests: PresenceRequestCounts,
                connections: ConnectionCounts, trunks: [TrunkStatus], refusedNewCalls: RefusedNewCalls = RefusedNewCalls(),
                overloaded: Bool = false, holdStreams: Int? = nil) {
        self.version = version
        self.startedAt = startedAt
        self.uptimeSeconds = uptimeSeconds
        self.listeners = listeners
        self.calls = calls
        self.waitingCalls = waitingCalls
        self.refusedForTransactionCapacity = refusedForTransactionCapacity
        self.dialogs = dialogs
        self.serverTransactions = serverTransactions
        self.clientTransactions = clientTransactions
        self.draining = draining
        self.presence = presence
        self.presenceSource = presenceSource
        self.presenceRequests = presenceRequests
        self.connections = connections
        self.trunks = trunks
        self.refusedNewCalls = refusedNewCalls
        self.overloaded = overloaded
        self.holdStreams = holdStreams
    }

    /// New calls refused before any state existed, by why.
    public struct RefusedNewCalls: Codable, Equatable, Sendable {
        /// At `limits.maximumConcurrentCalls` (`503 Capacity Reached`).
        public var capacity: Int
        /// While overloaded (`503 Overloaded`).
        public var overload: Int

        /// Creates the counts.
        public init(capacity: Int = 0, overload: Int = 0) {
            self.capacity = capacity
            self.overload = overload
        }
    }
}
