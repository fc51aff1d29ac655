import Prometheus

/// Where Switchboard's series are recorded and rendered: a Prometheus registry and the swift-metrics
/// factory that writes into it, with histogram buckets suited to a contact center. The daemon
/// bootstraps `MetricsSystem` with ``factory``; the layers record through the factory they are
/// handed, so a test reads its own registry.
public final class SwitchboardMetrics: Sendable {
    /// The registry `GET /metrics` renders.
    public let registry: PrometheusCollectorRegistry
    /// The factory the layers record through.
    public let factory: PrometheusMetricsFactory

    /// Buckets for queue waits and talk times, in seconds.
    static let callBuckets: [Duration] = [5, 10, 20, 30, 60, 120, 300, 600, 1800].map { .seconds($0) }
    /// Buckets for Graph request latency, in seconds.
    static let requestBuckets: [Duration] = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30].map { .milliseconds(Int($0 * 1_000)) }

    /// An empty registry and its factory.
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = [
            "switchboard_queue_wait_seconds": Self.callBuckets,
            "switchboard_queue_talk_seconds": Self.callBuckets,
            "switchboard_graph_request_duration_seconds": Self.requestBuckets,
        ]
        self.factory = factory
    }

    /// Every series in the Prometheus text exposition format.
    public func exposition() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
