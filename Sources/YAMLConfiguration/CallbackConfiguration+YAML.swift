import ACD

extension CallbackConfiguration {
    /// Reads a queue's `callback:` mapping; nil when absent. The key must differ from the queue's
    /// exit key, and the queue must answer its callers (a caller who hears ringback sends no keys).
    static func parse(_ node: ConfigurationNode, exitKey: Character?, answersCallers: Bool) throws -> CallbackConfiguration? {
        guard node.isPresent else { return nil }
        let node = try node.allowingOnly(["key", "maximumAttempts", "retryIntervalSeconds", "ringTimeoutSeconds"])
        guard answersCallers else {
            throw node.error("needs answered hold: a caller who hears ringback sends no keys; set announcements.welcomePrompt or musicOnHold")
        }
        let key = try OverflowTarget.dtmfKey(node["key"])
        if key == exitKey { throw node["key"].error("\(key) is already the queue's overflow.exitKey; choose another key") }
        let defaults = CallbackConfiguration(key: key)
        return CallbackConfiguration(
            key: key,
            maximumAttempts: try node["maximumAttempts"].int(in: attemptRange, default: defaults.maximumAttempts),
            retryInterval: try node["retryIntervalSeconds"].seconds(in: retryIntervalRange, default: defaults.retryInterval),
            ringTimeout: try node["ringTimeoutSeconds"].seconds(in: ringTimeoutRange, default: defaults.ringTimeout))
    }
}
