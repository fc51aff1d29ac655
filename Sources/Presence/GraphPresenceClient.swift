import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// Reads Teams presence from Microsoft Graph: one `getPresencesByUserId` request per call, with the
/// client-credentials token fetched, cached, refreshed ahead of expiry and refreshed once on `401`.
///
/// The client does no scheduling, throttling or retrying beyond the one `401` retry: that is the
/// poller's job (``GraphPresenceSource``). It is safe to call from many tasks at once.
///
/// ```swift
/// let client = try GraphPresenceClient(configuration: configuration, httpClient: .shared)
/// let snapshots = try await client.presences(of: ["fa8bf3dc-eca7-46b7-bad1-db199b62afc3"])
/// ```
public struct GraphPresenceClient: Sendable {
    private let configuration: GraphConfiguration
    private let httpClient: HTTPClient
    private let tokens: GraphTokenProvider
    private let now: @Sendable () -> ContinuousClock.Instant
    private let encoder = JSONEncoder()

    /// Creates a client; loads the certificate now when the credential is one.
    ///
    /// - Parameters:
    ///   - now: the monotonic clock that dates tokens and observations (the poller passes its own).
    ///   - wallClock: Unix time for the client assertion's `iat`, `nbf` and `exp`.
    public init(
        configuration: GraphConfiguration,
        httpClient: HTTPClient,
        logger: Logger = Logger(label: "switchboard.presence.graph"),
        now: @escaping @Sendable () -> ContinuousClock.Instant = { .now },
        wallClock: @escaping @Sendable () -> Date = { Date() }
    ) throws(GraphPresenceError) {
        try configuration.validate()
        self.configuration = configuration
        self.httpClient = httpClient
        self.now = now
        self.tokens = try GraphTokenProvider(
            configuration: configuration, httpClient: httpClient, logger: logger, now: now, wallClock: wallClock)
    }

    /// The presence of up to 650 users. Graph omits ids it does not know, so the answer may be shorter.
    public func presences(of ids: [String]) async throws(GraphPresenceError) -> [PresenceSnapshot] {
        guard ids.count <= GraphBatchPlanner.maximumIDsPerRequest else { throw .tooManyIDs(ids.count) }
        guard !ids.isEmpty else { return [] }
        guard let body = try? encoder.encode(["ids": ids]) else { throw .configuration("cannot encode the ids") }
        let token = try await tokens.token()
        var answer = try await post(body, token: token)
        if answer.status == 401 {
            await tokens.invalidate(token)
            answer = try await post(body, token: try await tokens.token())
            if answer.status == 401 {
                let code = GraphResponseDecoder.graphError(from: Data(answer.body.readableBytesView))?.code ?? ""
                throw .unauthorized(code: code)
            }
        }
        return try interpret(answer)
    }

    private func post(_ body: Data, token: String) async throws(GraphPresenceError) -> (
        status: Int, headers: NIOHTTP1.HTTPHeaders, body: ByteBuffer
    ) {
        var request = HTTPClientRequest(url: configuration.cloud.presencesByUserIDURL.absoluteString)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: body))
        return try await GraphHTTP.send(request, with: httpClient, timeout: configuration.requestTimeout)
    }

    private func interpret(
        _ answer: (status: Int, headers: NIOHTTP1.HTTPHeaders, body: ByteBuffer)
    ) throws(GraphPresenceError) -> [PresenceSnapshot] {
        let retryAfter = GraphResponseDecoder.retryAfter(answer.headers.first(name: "Retry-After"))
        switch answer.status {
        case 200:
            return try GraphResponseDecoder.presences(from: Data(answer.body.readableBytesView), observedAt: now())
        case 429:
            throw .throttled(retryAfter: retryAfter)
        case 500...599:
            throw .serviceUnavailable(status: answer.status, retryAfter: retryAfter)
        default:
            let error = GraphResponseDecoder.graphError(from: Data(answer.body.readableBytesView))
            throw .rejected(status: answer.status, code: error?.code ?? "", message: error?.message ?? "")
        }
    }
}
