import ServiceLifecycle

/// `POST /v1/drain` as a lifecycle service: run it in the group with the `gracefullyShutdownGroup`
/// success behaviour; it returns when a drain is requested, and the group then shuts down as on
/// SIGTERM (new calls get 503, calls in progress finish, the daemon stops).
public struct DrainTrigger: Service, CustomStringConvertible {
    private let requests: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation

    /// Creates the trigger.
    public init() {
        (requests, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Asks for the drain (once is enough; more are harmless).
    public func request() {
        continuation.yield(())
    }

    /// Returns at the first request, or when graceful shutdown begins anyway.
    public func run() async throws {
        let requests = requests
        await cancelWhenGracefulShutdown {
            for await _ in requests { return }
        }
    }

    /// The service's name, as lifecycle logs show it.
    public var description: String { "DrainTrigger" }
}
