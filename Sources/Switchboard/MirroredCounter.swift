import Metrics

/// A counter that follows a running total kept elsewhere: each update adds what the total grew by.
struct MirroredCounter {
    private let counter: Counter
    private var last = 0

    init(_ label: String, dimensions: [(String, String)] = [], factory: any MetricsFactory) {
        counter = Counter(label: label, dimensions: dimensions, factory: factory)
    }

    /// Adds the growth of `total` since the last update.
    mutating func update(to total: Int) {
        if total > last { counter.increment(by: Int64(total - last)) }
        last = max(last, total)
    }
}

extension Duration {
    /// The duration in nanoseconds, for swift-metrics timers.
    var inNanoseconds: Int64 {
        components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000
    }

    /// The duration in seconds.
    var inSeconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
