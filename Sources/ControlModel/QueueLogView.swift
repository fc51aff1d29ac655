/// One event of the queue log in Asterisk's `queue_log` form (`GET /v1/queue-log`).
public struct QueueLogEntryView: Codable, Equatable, Sendable {
    /// When it happened, ISO 8601 UTC to the millisecond (``ControlTime``).
    public var time: String
    /// The caller's A-leg Call-ID, or `NONE` for an agent's event.
    public var callID: String
    /// The queue, or `NONE`.
    public var queue: String
    /// The agent, or `NONE`.
    public var agent: String
    /// The event: `ENTERQUEUE`, `CONNECT`, `COMPLETECALLER`, `ABANDON`, `PAUSE`, ...
    public var event: String
    /// The event's parameters, in Asterisk's order for that event.
    public var data: [String]
    /// The event as a line of Asterisk's queue_log text file (without its newline).
    public var line: String

    /// Creates an entry.
    public init(time: String, callID: String, queue: String, agent: String, event: String, data: [String], line: String) {
        self.time = time
        self.callID = callID
        self.queue = queue
        self.agent = agent
        self.event = event
        self.data = data
        self.line = line
    }
}

/// Queue log events, oldest first (`GET /v1/queue-log`).
public struct QueueLogList: Codable, Equatable, Sendable {
    /// The events, in the order they were written.
    public var events: [QueueLogEntryView]

    /// Wraps the events.
    public init(events: [QueueLogEntryView]) {
        self.events = events
    }
}
