/// Something valid in a configuration that an operator should still hear about.
public struct ConfigurationWarning: Sendable, Equatable, CustomStringConvertible {
    /// The key it concerns, as the configuration errors name keys.
    public var key: String
    /// What is risky about it.
    public var message: String

    /// The warning as one line: the key, then the message.
    public var description: String { "\(key): \(message)" }
}

extension SwitchboardConfiguration {
    /// The warnings `--check` prints and the daemon logs at start-up.
    ///
    /// A ring timeout of 20 s or more lets the Teams client's own no-answer handling (voicemail,
    /// call forwarding on no answer, which by default acts after about 20 s) take the call before
    /// the queue moves it to the next agent.
    public var warnings: [ConfigurationWarning] {
        acd.queues.enumerated().compactMap { index, queue in
            guard queue.ringTimeout >= .seconds(20) else { return nil }
            return ConfigurationWarning(
                key: "queues[\(index)].ringTimeoutSeconds",
                message: "\(queue.ringTimeout.components.seconds) s (queue \(queue.id)) is at or above 20 s: Teams may send the call to the agent's voicemail")
        }
    }
}
