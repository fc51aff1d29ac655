import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTP1
import NIOPosix

/// A local stand-in for Microsoft Graph and its token endpoint, on HTTP/1.1 over loopback.
///
/// Tests start one in-process on port 0 and shut it down; the `local-graph` executable runs one for
/// demos and black-box tests. Its behaviour, and the Graph fact each part imitates, is described in
/// docs/local-graph.md. Point a `GraphCloud` at ``baseURL`` for both the login and the Graph host.
///
/// ```swift
/// let server = try await LocalGraphServer.start(configuration: configuration)
/// defer { Task { try await server.shutdown() } }
/// server.setPresence(userID: id, availability: "Busy", activity: "InACall")
/// ```
public final class LocalGraphServer: Sendable {
    /// The port the server listens on.
    public let port: Int
    /// The host it is bound to.
    public let host: String
    private let channel: any Channel
    private let model: NIOLockedValueBox<LocalGraphModel>

    private init(channel: any Channel, host: String, port: Int, model: NIOLockedValueBox<LocalGraphModel>) {
        self.channel = channel
        self.host = host
        self.port = port
        self.model = model
    }

    /// `http://host:port`, the base URL of both the token endpoint and Graph.
    public var baseURL: URL {
        URL(string: "http://\(host):\(port)")!
    }

    /// Starts a server on `host`:`port` (port 0 picks a free one).
    public static func start(
        configuration: LocalGraphConfiguration,
        host: String = "127.0.0.1",
        port: Int = 0,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> LocalGraphServer {
        let router = try LocalGraphRouter(configuration: configuration)
        let model = NIOLockedValueBox(LocalGraphModel(configuration: configuration))
        let respond: @Sendable (LocalGraphRequest) -> LocalGraphResponse = { request in
            let now = ContinuousClock.now
            let wallClock = Date()
            return router.handle(request, model: model, now: now, wallClock: wallClock)
        }
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(LocalGraphHTTPHandler(respond: respond))
                }
            }
            .bind(host: host, port: port)
            .get()
        guard let boundPort = channel.localAddress?.port else {
            try await channel.close()
            throw LocalGraphServerError.notBound
        }
        return LocalGraphServer(channel: channel, host: host, port: boundPort, model: model)
    }

    /// Stops listening and closes the listening socket.
    public func shutdown() async throws {
        try await channel.close()
    }

    /// Waits until the listening socket closes (the executable's main loop).
    public func waitUntilClosed() async throws {
        try await channel.closeFuture.get()
    }

    /// Counters so far.
    public func counters() -> LocalGraphCounters {
        model.withLockedValue { $0.counters }
    }

    /// Sets (or creates) a user's presence, as `PUT /_test/users/{id}/presence` does.
    public func setPresence(userID: String, availability: String, activity: String) {
        model.withLockedValue { $0.setPresence(LocalGraphUser(id: userID, availability: availability, activity: activity)) }
    }

    /// Answers the next `count` presence requests with `status` (and `Retry-After`, if given).
    public func injectFaults(status: Int, count: Int = 1, retryAfterSeconds: Int? = nil) {
        model.withLockedValue { $0.inject(.init(status: status, retryAfterSeconds: retryAfterSeconds), count: count) }
    }

    /// Makes every token issued so far expired.
    public func expireAllTokens() {
        model.withLockedValue { $0.expireAllTokens(now: .now) }
    }

    /// Sets `expires_in` for tokens issued from now on.
    public func setTokenLifetime(_ lifetime: Duration) {
        model.withLockedValue { $0.setTokenLifetime(lifetime) }
    }
}
