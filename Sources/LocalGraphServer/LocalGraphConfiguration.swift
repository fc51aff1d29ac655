/// How the local Graph behaves: which app may sign in, which users exist, token lifetime, limits.
public struct LocalGraphConfiguration: Sendable {
    /// The tenant the token endpoint accepts; `nil` accepts any tenant in the path.
    public var tenantID: String?
    /// The only application (client) id the token endpoint knows.
    public var clientID: String
    /// The client secret that app must present, if secrets are accepted.
    public var clientSecret: String?
    /// The PEM certificate whose key must sign client assertions, if assertions are accepted.
    public var clientCertificatePEM: String?
    /// `expires_in` of issued tokens.
    public var tokenLifetime: Duration
    /// The users and their presence at start.
    public var users: [LocalGraphUser]
    /// Presence requests accepted per window before `429`.
    public var requestLimit: Int
    /// The sliding window the request limit applies to.
    public var requestWindow: Duration
    /// The most ids one `getPresencesByUserId` request may carry.
    public var maximumIDsPerRequest: Int

    /// Creates a configuration with Graph's documented limits: 1,500 requests per 30 s, 650 ids.
    public init(
        tenantID: String? = nil,
        clientID: String,
        clientSecret: String?,
        clientCertificatePEM: String? = nil,
        tokenLifetime: Duration = .seconds(3599),
        users: [LocalGraphUser],
        requestLimit: Int = 1500,
        requestWindow: Duration = .seconds(30),
        maximumIDsPerRequest: Int = 650
    ) {
        self.tenantID = tenantID
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.clientCertificatePEM = clientCertificatePEM
        self.tokenLifetime = tokenLifetime
        self.users = users
        self.requestLimit = requestLimit
        self.requestWindow = requestWindow
        self.maximumIDsPerRequest = maximumIDsPerRequest
    }
}
