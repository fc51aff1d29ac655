import ServiceLifecycle
import SIPTransport

/// The SIP listeners as a lifecycle service: first to start, last to stop, so the calls can drain
/// over them.
public struct SIPTransportService: Service, CustomStringConvertible {
    private let transport: SIPTransport

    /// Creates the service for listeners already bound.
    public init(transport: SIPTransport) {
        self.transport = transport
    }

    /// Waits for graceful shutdown, then closes every listener and connection.
    public func run() async throws {
        try? await gracefulShutdown()
        await transport.stop()
    }

    /// The service's name, as lifecycle logs show it (never its configuration).
    public var description: String { "SIPTransportService" }
}
