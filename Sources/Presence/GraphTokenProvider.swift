import AsyncHTTPClient
import Foundation
import Logging
import NIOCore

/// Fetches and caches the app's access token with the OAuth2 client-credentials flow
/// (`POST {login}/{tenant}/oauth2/v2.0/token`). Concurrent callers share one fetch.
actor GraphTokenProvider {
    private let configuration: GraphConfiguration
    private let httpClient: HTTPClient
    private let assertion: GraphClientAssertion?
    private let logger: Logger
    private let now: @Sendable () -> ContinuousClock.Instant
    private let wallClock: @Sendable () -> Date
    private var cache: GraphTokenCache
    private var inFlight: Task<String, any Error>?

    init(
        configuration: GraphConfiguration,
        httpClient: HTTPClient,
        logger: Logger,
        now: @escaping @Sendable () -> ContinuousClock.Instant,
        wallClock: @escaping @Sendable () -> Date
    ) throws(GraphPresenceError) {
        self.configuration = configuration
        self.httpClient = httpClient
        self.logger = logger
        self.now = now
        self.wallClock = wallClock
        self.cache = GraphTokenCache(refreshMargin: configuration.tokenRefreshMargin)
        if case .certificate(let certificatePath, let privateKeyPath) = configuration.credential {
            self.assertion = try GraphClientAssertion(certificatePath: certificatePath, privateKeyPath: privateKeyPath)
        } else {
            self.assertion = nil
        }
    }

    /// A token valid at least until the refresh margin; fetches one if needed.
    func token() async throws(GraphPresenceError) -> String {
        if let token = cache.usableToken(now: now()) { return token }
        let task = inFlight ?? Task { try await self.fetch() }
        inFlight = task
        defer { if inFlight == task { inFlight = nil } }
        do {
            return try await task.value
        } catch {
            throw error as? GraphPresenceError ?? .transport("\(error)")
        }
    }

    /// Forgets `token` after Graph answered `401` to it.
    func invalidate(_ token: String) {
        cache.invalidate(token)
    }

    private func fetch() async throws(GraphPresenceError) -> String {
        let tokenURL = configuration.cloud.tokenURL(tenantID: configuration.tenantID)
        var form = [
            ("grant_type", "client_credentials"),
            ("client_id", configuration.clientID),
            ("scope", configuration.cloud.scope),
        ]
        switch configuration.credential {
        case .clientSecret(let secret):
            form.append(("client_secret", secret.value))
        case .certificate:
            guard let assertion else { throw .configuration("certificate credential without a loaded certificate") }
            let jwt = try assertion.assertion(
                clientID: configuration.clientID, audience: tokenURL.absoluteString, issuedAt: wallClock(), id: UUID())
            form.append(("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"))
            form.append(("client_assertion", jwt))
        }
        var request = HTTPClientRequest(url: tokenURL.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(ByteBuffer(string: FormURLEncoder.encode(form)))
        let (status, _, body) = try await GraphHTTP.send(
            request, with: httpClient, timeout: configuration.requestTimeout)
        guard status == 200 else {
            let answer = GraphResponseDecoder.tokenError(from: Data(body.readableBytesView))
            throw .tokenRejected(status: status, error: answer.error, description: answer.description)
        }
        let token = try GraphResponseDecoder.token(from: Data(body.readableBytesView))
        cache.store(accessToken: token.accessToken, expiresIn: token.expiresIn, receivedAt: now())
        logger.debug("Graph token fetched", metadata: ["graph.token_lifetime": "\(token.expiresIn)"])
        return token.accessToken
    }
}
