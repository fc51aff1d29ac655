import ACD

extension RoutingStrategy {
    /// The strategies by their YAML names; ring-progressively's interval is read from its own key.
    private static let names: KeyValuePairs<String, RoutingStrategy> = [
        "longest-idle": .longestIdle, "ring-all": .ringAll, "linear": .linear, "round-robin": .roundRobin,
        "fewest-calls": .fewestCalls, "least-talk-time": .leastTalkTime, "random": .random,
        "weighted-random": .weightedRandom, "ring-progressively": .ringProgressively(interval: .seconds(10)),
    ]

    /// Reads a queue's `strategy` (default longest-idle) and `ringProgressivelyIntervalSeconds` (default 10).
    static func parse(_ queue: ConfigurationNode) throws -> RoutingStrategy {
        let strategy = try queue["strategy"].choice(names, default: .longestIdle)
        let interval = queue["ringProgressivelyIntervalSeconds"]
        guard case .ringProgressively(let defaultInterval) = strategy else {
            if interval.isPresent { throw interval.error("only applies to the ring-progressively strategy") }
            return strategy
        }
        return .ringProgressively(interval: try interval.seconds(in: 1...300, default: defaultInterval))
    }
}
