/// What the local Graph has seen, for tests and the benchmark (`GET /_test/counters`).
public struct LocalGraphCounters: Sendable, Hashable, Codable {
    /// Requests to the token endpoint.
    public var tokenRequests = 0
    /// Tokens issued.
    public var tokensIssued = 0
    /// Presence requests received (batch and single), whatever their answer.
    public var presenceRequests = 0
    /// Presence requests answered `200`.
    public var presenceAnswered = 0
    /// Presence requests answered `401`.
    public var unauthorized = 0
    /// Presence requests answered `429` by the sliding window.
    public var throttled = 0
    /// Presence requests answered with an injected fault.
    public var faultsServed = 0
    /// Presence requests answered `400`.
    public var badRequests = 0
    /// The most requests the sliding window ever held (compare with the limit).
    public var maximumRequestsInWindow = 0
    /// Ids asked for in answered batch requests.
    public var idsRequested = 0

    /// All zero.
    public init() {}
}
