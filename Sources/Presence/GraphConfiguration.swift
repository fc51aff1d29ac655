/// Everything the Graph presence client and poller need: who the app is, where Graph is, how often
/// to poll and how to treat old or missing presence.
///
/// `description` never contains the client secret.
public struct GraphConfiguration: Sendable, Hashable, CustomStringConvertible {
    /// The Entra tenant (directory) id or a verified domain.
    public var tenantID: String
    /// The app registration's application (client) id.
    public var clientID: String
    /// The client secret or certificate.
    public var credential: GraphCredential
    /// The login and Graph hosts.
    public var cloud: GraphCloud
    /// How often every agent is polled.
    public var pollInterval: Duration
    /// Presence older than this counts as unknown while Graph is reachable.
    public var stalenessBudget: Duration
    /// What presence counts for while Graph is unreachable.
    public var unreachablePolicy: GraphUnreachablePolicy
    /// Consecutive failed requests after which Graph counts as unreachable.
    public var failuresBeforeUnreachable: Int
    /// Graph's request limit per window for one app in one tenant.
    public var requestLimit: Int
    /// The window the request limit applies to.
    public var requestLimitWindow: Duration
    /// The fraction of the request limit kept unused, as a safety margin.
    public var requestLimitHeadroom: Double
    /// A token is replaced this long before it expires (at most half its lifetime).
    public var tokenRefreshMargin: Duration
    /// The longest one HTTP request may take.
    public var requestTimeout: Duration
    /// Back-off after the first failure without `Retry-After`, doubling up to ``maximumBackoff``.
    public var initialBackoff: Duration
    /// The longest back-off without `Retry-After`.
    public var maximumBackoff: Duration

    /// Creates a configuration with the documented defaults: poll every 5 s, stale after 30 s, keep
    /// last known presence 60 s into an outage, 1,500 requests per 30 s with 10% headroom.
    public init(
        tenantID: String,
        clientID: String,
        credential: GraphCredential,
        cloud: GraphCloud = .global,
        pollInterval: Duration = .seconds(5),
        stalenessBudget: Duration = .seconds(30),
        unreachablePolicy: GraphUnreachablePolicy = .keepLastKnown(for: .seconds(60)),
        failuresBeforeUnreachable: Int = 3,
        requestLimit: Int = 1500,
        requestLimitWindow: Duration = .seconds(30),
        requestLimitHeadroom: Double = 0.1,
        tokenRefreshMargin: Duration = .seconds(300),
        requestTimeout: Duration = .seconds(10),
        initialBackoff: Duration = .seconds(1),
        maximumBackoff: Duration = .seconds(60)
    ) {
        self.tenantID = tenantID
        self.clientID = clientID
        self.credential = credential
        self.cloud = cloud
        self.pollInterval = pollInterval
        self.stalenessBudget = stalenessBudget
        self.unreachablePolicy = unreachablePolicy
        self.failuresBeforeUnreachable = failuresBeforeUnreachable
        self.requestLimit = requestLimit
        self.requestLimitWindow = requestLimitWindow
        self.requestLimitHeadroom = requestLimitHeadroom
        self.tokenRefreshMargin = tokenRefreshMargin
        self.requestTimeout = requestTimeout
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
    }

    /// Checks the values that would make polling impossible; the error names the setting.
    public func validate() throws(GraphPresenceError) {
        if tenantID.isEmpty { throw .configuration("tenantID is empty") }
        if clientID.isEmpty { throw .configuration("clientID is empty") }
        if !cloud.supportsPresence { throw .configuration("cloud \(cloud) has no Graph presence API") }
        if pollInterval <= .zero { throw .configuration("pollInterval must be positive") }
        if stalenessBudget <= .zero { throw .configuration("stalenessBudget must be positive") }
        if failuresBeforeUnreachable < 1 { throw .configuration("failuresBeforeUnreachable must be at least 1") }
        if Double(requestLimit) * (1 - requestLimitHeadroom) < 2 || requestLimitWindow <= .zero {
            throw .configuration("requestLimit, requestLimitWindow and requestLimitHeadroom leave no room for requests")
        }
        if !(0..<1).contains(requestLimitHeadroom) { throw .configuration("requestLimitHeadroom must be in [0, 1)") }
    }

    /// The freshness rules this configuration implies.
    public var freshness: PresenceFreshness {
        PresenceFreshness(stalenessBudget: stalenessBudget, unreachablePolicy: unreachablePolicy)
    }

    /// Tenant, client id, credential kind, hosts and interval; never the secret.
    public var description: String {
        "GraphConfiguration(tenant: \(tenantID), client: \(clientID), credential: \(credential), "
            + "cloud: \(cloud), pollInterval: \(pollInterval), stalenessBudget: \(stalenessBudget))"
    }
}
