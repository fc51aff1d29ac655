/// A queue as the engine sees it now, for the control API.
public struct QueueSnapshot: Hashable, Sendable {
    /// The queue.
    public var id: QueueID
    /// What its schedule (or the emergency switch) says now.
    public var schedule: ScheduleState
    /// Whether the emergency switch is on.
    public var emergency: Bool
    /// Configured members.
    public var members: Int
    /// Members not logged out.
    public var loggedIn: Int
    /// Members whose status is available, whatever their state.
    public var staffed: Int
    /// Members who could be offered a call this instant.
    public var ready: Int
    /// The estimated wait of a caller arriving now, `nil` when no agent staffs the queue.
    public var estimatedWait: Duration?
    /// Counters since statistics began.
    public var statistics: QueueStatistics
}
