import ServiceLifecycle
import SIPTransport

/// The SIP listeners as a lifecycle service: first to start, last to stop, so the calls can drain
/// over them.
public struct SIPTransportService: Service, CustomStringConvertible {
    private let transports: [SIPTransport]

    /// Creates the service for listeners already bound: every shard's.
    public init(transports: [SIPTransport]) {
        self.transports = transports
    }

    /// Waits for graceful shutdown, then closes every listener and connection.
    public func run() async throws {
        try? await gracefulShutdown()
        for transport in transports { await transport.stop() }
    }

    /// The service's name, as lifecycle logs show it (never its configuration).
    public var description: String { "SIPTransportService" }
}
