/// Offers a returning caller first to the agent who last spoke to them.
public struct PreferredAgentConfiguration: Hashable, Sendable {
    /// How long after a call ends the caller's number is remembered with its agent.
    public var rememberFor: Duration
    /// How long a returning caller waits for that agent before any agent may take the call.
    public var waitFor: Duration

    /// Creates a preferred-agent rule.
    public init(rememberFor: Duration, waitFor: Duration) {
        self.rememberFor = rememberFor
        self.waitFor = waitFor
    }
}
