/// Holds the current access token and decides when it must be replaced. Pure: time comes in as `now`.
///
/// A token is used until `refreshMargin` before it expires (or half its lifetime, for short-lived
/// tokens), so requests never race the expiry. A `401` invalidates the token it was sent with,
/// and only that one: a token another request already refreshed stays.
public struct GraphTokenCache: Sendable, Hashable {
    /// How long before expiry a token is replaced.
    public let refreshMargin: Duration
    private var accessToken: String?
    private var replaceAt: ContinuousClock.Instant?

    /// Creates an empty cache.
    public init(refreshMargin: Duration) {
        self.refreshMargin = refreshMargin
    }

    /// The token to send at `now`, or `nil` when a new one must be fetched first.
    public func usableToken(now: ContinuousClock.Instant) -> String? {
        guard let accessToken, let replaceAt, now < replaceAt else { return nil }
        return accessToken
    }

    /// Stores a token received at `receivedAt` that lives `expiresIn`.
    public mutating func store(accessToken: String, expiresIn: Duration, receivedAt: ContinuousClock.Instant) {
        self.accessToken = accessToken
        self.replaceAt = receivedAt + (expiresIn - min(refreshMargin, expiresIn / 2))
    }

    /// Forgets `rejected` if it is still the current token.
    public mutating func invalidate(_ rejected: String) {
        guard accessToken == rejected else { return }
        accessToken = nil
        replaceAt = nil
    }
}
