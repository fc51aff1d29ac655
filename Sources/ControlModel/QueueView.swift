/// A queue now: schedule, staffing, the callers waiting and the queue's statistics
/// (`GET /v1/queues`, `GET /v1/queues/{queue}`).
public struct QueueView: Codable, Equatable, Sendable {
    /// The queue's name.
    public var name: String
    /// The numbers that reach it.
    public var numbers: [String]
    /// `open`, `closed`, `holiday` or `emergency`.
    public var state: String
    /// The holiday's name while `state` is `holiday`.
    public var holiday: String?
    /// Whether the emergency switch is on.
    public var emergency: Bool
    /// Configured members.
    public var members: Int
    /// Members not logged out.
    public var loggedIn: Int
    /// Members whose status is available.
    public var staffed: Int
    /// Members who could take a call this instant.
    public var ready: Int
    /// Estimated wait of a caller arriving now, in seconds; absent when no agent staffs the queue.
    public var ewtSeconds: Double?
    /// The callers not yet answered: ringing ones first, then by position.
    public var waiting: [WaitingCallerView]
    /// Counters since the daemon started.
    public var statistics: QueueStatisticsView

    /// Creates a queue view.
    public init(name: String, numbers: [String], state: String, holiday: String?, emergency: Bool, members: Int, loggedIn: Int,
                staffed: Int, ready: Int, ewtSeconds: Double?, waiting: [WaitingCallerView], statistics: QueueStatisticsView) {
        self.name = name
        self.numbers = numbers
        self.state = state
        self.holiday = holiday
        self.emergency = emergency
        self.members = members
        self.loggedIn = loggedIn
        self.staffed = staffed
        self.ready = ready
        self.ewtSeconds = ewtSeconds
        self.waiting = waiting
        self.statistics = statistics
    }
}

/// Every queue (`GET /v1/queues`, and the answer to the emergency actions).
public struct QueueList: Codable, Equatable, Sendable {
    /// The queues, in configuration order.
    public var queues: [QueueView]

    /// Wraps the queues.
    public init(queues: [QueueView]) {
        self.queues = queues
    }
}
