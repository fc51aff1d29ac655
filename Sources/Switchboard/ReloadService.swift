import ServiceLifecycle
import UnixSignals

/// `SIGHUP` as a lifecycle service: each signal reloads the configuration file (a refusal is
/// logged by the reloader and the daemon runs on); runs until graceful shutdown.
public struct ReloadService: Service, CustomStringConvertible {
    private let reloader: ConfigurationReloader

    /// Reloads through `reloader`.
    public init(reloader: ConfigurationReloader) {
        self.reloader = reloader
    }

    /// Waits for `SIGHUP`s until graceful shutdown.
    public func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        let reloader = reloader
        await cancelWhenGracefulShutdown {
            for await _ in signals { _ = try? await reloader.reload() }
        }
    }

    /// The service's name, as lifecycle logs show it.
    public var description: String { "ReloadService" }
}
