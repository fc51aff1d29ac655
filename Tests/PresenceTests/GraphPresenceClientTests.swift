import AsyncHTTPClient
import LocalGraphServer
import NIOConcurrencyHelpers
import Presence
import Testing

@Suite("Graph client against the local Graph", .timeLimit(.minutes(1)))
struct GraphPresenceClientTests {
    /// A monotonic time the test moves by hand, for the client's token bookkeeping.
    final class ManualTime: Sendable {
        private let instant = NIOLockedValueBox(ContinuousClock.now)
        var now: ContinuousClock.Instant { instant.withLockedValue { $0 } }
        func advance(by duration: Duration) { instant.withLockedValue { $0 += duration } }
    }

    @Test("Client secret: one token, presences mapped, unknown ids omitted")
    func clientSecretFlow() async throws {
        try await LocalGraphFixture.with(userCount: 3) { graph in
            graph.server.setPresence(userID: LocalGraphUser.generatedID(index: 1), availability: "Busy", activity: "InACall")
            let client = try GraphPresenceClient(configuration: graph.configuration(), httpClient: .shared)
            let ids = LocalGraphFixture.userIDs(3) + ["99999999-0000-0000-0000-000000000000"]
            let snapshots = try await client.presences(of: ids)
            #expect(snapshots.map(\.userID) == LocalGraphFixture.userIDs(3))
            #expect(snapshots.map(\.availability) == [.available, .busy, .available])
            #expect(snapshots[1].activity == .inACall)
            _ = try await client.presences(of: ids)
            let counters = graph.server.counters()
            #expect(counters.tokensIssued == 1)
            #expect(counters.presenceAnswered == 2)
        }
    }

    @Test("A wrong secret is invalid_client, and no presence request is sent")
    func wrongSecret() async throws {
        try await LocalGraphFixture.with(userCount: 1) { graph in
            let client = try GraphPresenceClient(
                configuration: graph.configuration(credential: .clientSecret(GraphSecret("wrong"))), httpClient: .shared)
            await #expect {
                try await client.presences(of: LocalGraphFixture.userIDs(1))
            } throws: { error in
                guard case .tokenRejected(400, "invalid_client", let description) = error as? GraphPresenceError else { return false }
                return description.hasPrefix("AADSTS7000215")
            }
            #expect(graph.server.counters().presenceRequests == 0)
        }
    }

    @Test("The token is refreshed ahead of its expiry, not before")
    func refreshOnExpiry() async throws {
        try await LocalGraphFixture.with(userCount: 1) { graph in
            let time = ManualTime()
            let client = try GraphPresenceClient(
                configuration: graph.configuration(), httpClient: .shared, now: { time.now })
            let ids = LocalGraphFixture.userIDs(1)
            _ = try await client.presences(of: ids)
            time.advance(by: .seconds(3598 - 300))
            _ = try await client.presences(of: ids)
            #expect(graph.server.counters().tokensIssued == 1)
            time.advance(by: .seconds(2))
            _ = try await client.presences(of: ids)
            #expect(graph.server.counters().tokensIssued == 2)
            #expect(graph.server.counters().unauthorized == 0)
        }
    }

    @Test("On 401 the client fetches a new token once and retries")
    func refreshOn401() async throws {
        try await LocalGraphFixture.with(userCount: 2) { graph in
            let client = try GraphPresenceClient(configuration: graph.configuration(), httpClient: .shared)
            let ids = LocalGraphFixture.userIDs(2)
            _ = try await client.presences(of: ids)
            graph.server.expireAllTokens()
            let snapshots = try await client.presences(of: ids)
            #expect(snapshots.count == 2)
            let counters = graph.server.counters()
            #expect(counters.tokensIssued == 2)
            #expect(counters.unauthorized == 1)
            #expect(counters.presenceRequests == 3)
        }
    }

    @Test("A 401 to the fresh token too is an error after exactly one retry")
    func persistent401() async throws {
        try await LocalGraphFixture.with(userCount: 1) { graph in
            graph.server.setTokenLifetime(.zero)
            let client = try GraphPresenceClient(configuration: graph.configuration(), httpClient: .shared)
            await #expect(throws: GraphPresenceError.unauthorized(code: "InvalidAuthenticationToken")) {
                try await client.presences(of: LocalGraphFixture.userIDs(1))
            }
            #expect(graph.server.counters().presenceRequests == 2)
            #expect(graph.server.counters().tokenRequests == 2)
        }
    }

    @Test("429, 503 and 504 map to errors that carry Retry-After", arguments: [
        (429, Int?.some(7), GraphPresenceError.throttled(retryAfter: .seconds(7))),
        (429, nil, .throttled(retryAfter: nil)),
        (503, 3, .serviceUnavailable(status: 503, retryAfter: .seconds(3))),
        (504, nil, .serviceUnavailable(status: 504, retryAfter: nil)),
    ])
    func faults(status: Int, retryAfter: Int?, expected: GraphPresenceError) async throws {
        try await LocalGraphFixture.with(userCount: 1) { graph in
            graph.server.injectFaults(status: status, retryAfterSeconds: retryAfter)
            let client = try GraphPresenceClient(configuration: graph.configuration(), httpClient: .shared)
            await #expect(throws: expected) { try await client.presences(of: LocalGraphFixture.userIDs(1)) }
            #expect(try await client.presences(of: LocalGraphFixture.userIDs(1)).count == 1)
        }
    }

    @Test("More than 650 ids never leave the client")
    func tooManyIDs() async throws {
        try await LocalGraphFixture.with(userCount: 1) { graph in
            let client = try GraphPresenceClient(configuration: graph.configuration(), httpClient: .shared)
            await #expect(throws: GraphPresenceError.tooManyIDs(651)) {
                try await client.presences(of: LocalGraphFixture.userIDs(651))
            }
            #expect(graph.server.counters().presenceRequests == 0)
        }
    }

    @Test("A cloud without the presence API is refused at construction")
    func chinaHasNoPresence() throws {
        let configuration = GraphConfiguration(
            tenantID: "t", clientID: "c", credential: .clientSecret(GraphSecret("s")), cloud: .china)
        #expect(throws: GraphPresenceError.self) { try GraphPresenceClient(configuration: configuration, httpClient: .shared) }
    }
}
