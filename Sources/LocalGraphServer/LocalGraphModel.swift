import DequeModule

/// The local Graph's state: users, issued tokens, the sliding request window, injected faults and
/// counters. Pure: every method takes `now`; the server keeps one behind a lock.
struct LocalGraphModel: Sendable {
    /// Why a bearer token is refused.
    enum TokenProblem: Equatable {
        case missing
        case unknown
        case expired
    }

    /// A fault to answer instead of the real thing.
    struct Fault: Sendable, Equatable {
        var status: Int
        var retryAfterSeconds: Int?
    }

    var configuration: LocalGraphConfiguration
    private(set) var users: [String: LocalGraphUser]
    private(set) var counters = LocalGraphCounters()
    private var tokens: [String: ContinuousClock.Instant] = [:]
    private var window: Deque<ContinuousClock.Instant> = []
    private var faults: Deque<Fault> = []
    private var tokenSerial = 0

    init(configuration: LocalGraphConfiguration) {
        self.configuration = configuration
        self.users = Dictionary(configuration.users.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// Counts a token request.
    mutating func countTokenRequest() {
        counters.tokenRequests += 1
    }

    /// Issues a token valid for the configured lifetime.
    mutating func issueToken(now: ContinuousClock.Instant) -> (token: String, lifetimeSeconds: Int) {
        tokenSerial += 1
        let token = "local-graph.\(tokenSerial).\(UInt64.random(in: 1...UInt64.max))"
        tokens[token] = now + configuration.tokenLifetime
        counters.tokensIssued += 1
        return (token, Int(configuration.tokenLifetime.components.seconds))
    }

    /// Makes every issued token expired, as if their lifetime had passed.
    mutating func expireAllTokens(now: ContinuousClock.Instant) {
        for token in tokens.keys { tokens[token] = now }
    }

    /// Sets the lifetime of tokens issued from now on.
    mutating func setTokenLifetime(_ lifetime: Duration) {
        configuration.tokenLifetime = lifetime
    }

    /// Queues `count` faults answered to the next presence requests.
    mutating func inject(_ fault: Fault, count: Int) {
        for _ in 0..<count { faults.append(fault) }
    }

    /// Sets (or creates) a user's presence.
    mutating func setPresence(_ user: LocalGraphUser) {
        users[user.id] = user
    }

    /// Counts a presence request; returns the fault to answer, if one is queued.
    mutating func admitPresenceRequest() -> Fault? {
        counters.presenceRequests += 1
        guard let fault = faults.popFirst() else { return nil }
        counters.faultsServed += 1
        return fault
    }

    /// Checks a bearer token at `now`; `nil` when it is good.
    mutating func checkToken(_ token: String?, now: ContinuousClock.Instant) -> TokenProblem? {
        let problem: TokenProblem?
        if let token, !token.isEmpty {
            if let expiry = tokens[token] {
                problem = now < expiry ? nil : .expired
            } else {
                problem = .unknown
            }
        } else {
            problem = .missing
        }
        if problem != nil { counters.unauthorized += 1 }
        return problem
    }

    /// Takes a place in the sliding window at `now`; returns the seconds to wait when it is full.
    mutating func takeWindowPlace(now: ContinuousClock.Instant) -> Int? {
        while let oldest = window.first, oldest + configuration.requestWindow <= now {
            window.removeFirst()
        }
        if window.count >= configuration.requestLimit, let oldest = window.first {
            counters.throttled += 1
            let wait = oldest + configuration.requestWindow - now
            return max(1, Int(wait.components.seconds) + (wait.components.attoseconds > 0 ? 1 : 0))
        }
        window.append(now)
        counters.maximumRequestsInWindow = max(counters.maximumRequestsInWindow, window.count)
        return nil
    }

    /// Counts a `400`.
    mutating func countBadRequest() {
        counters.badRequests += 1
    }

    /// The known users among `ids`, in request order; unknown ids are left out, as Graph does.
    mutating func answer(ids: [String]) -> [LocalGraphUser] {
        counters.presenceAnswered += 1
        counters.idsRequested += ids.count
        return ids.compactMap { users[$0.lowercased()] }
    }
}
