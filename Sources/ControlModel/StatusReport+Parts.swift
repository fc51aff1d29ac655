extension StatusReport {
    /// One SIP listener.
    public struct ListenerStatus: Codable, Equatable, Sendable {
        /// `udp`, `tcp` or `tls`.
        public var transport: String
        /// The bound address.
        public var address: String
        /// The bound port.
        public var port: Int

        /// Creates a listener entry.
        public init(transport: String, address: String, port: Int) {
            self.transport = transport
            self.address = address
            self.port = port
        }
    }

    /// One trunk's state.
    public struct TrunkStatus: Codable, Equatable, Sendable {
        /// The trunk's configured name.
        public var name: String
        /// Whether offers go through it.
        public var up: Bool
        /// When it went up or down (or monitoring started), ISO 8601 UTC.
        public var since: String

        /// Creates a trunk entry.
        public init(name: String, up: Bool, since: String) {
            self.name = name
            self.up = up
            self.since = since
        }
    }

    /// The presence source's health.
    public struct PresenceSourceStatus: Codable, Equatable, Sendable {
        /// Whether answers arrive.
        public var reachable: Bool
        /// Since when it has been unreachable, ISO 8601 UTC.
        public var unreachableSince: String?
        /// Why it is unreachable.
        public var reason: String?
        /// Agents it reports on.
        public var agents: Int
        /// Times it turned unreachable since start.
        public var outages: Int
        /// Agents whose ids Graph left out of its last answer.
        public var unknownAgents: Int

        /// Creates a presence source entry.
        public init(reachable: Bool, unreachableSince: String?, reason: String?, agents: Int, outages: Int, unknownAgents: Int) {
            self.reachable = reachable
            self.unreachableSince = unreachableSince
            self.reason = reason
            self.agents = agents
            self.outages = outages
            self.unknownAgents = unknownAgents
        }
    }

    /// Graph request counters.
    public struct PresenceRequestCounts: Codable, Equatable, Sendable {
        /// Requests sent.
        public var sent: Int
        /// Requests Graph throttled (429).
        public var throttled: Int
        /// Requests that failed.
        public var failed: Int

        /// Creates the counters.
        public init(sent: Int, throttled: Int, failed: Int) {
            self.sent = sent
            self.throttled = throttled
            self.failed = failed
        }
    }
}
