/// A caller arriving at a queue.
public struct CallerArrival: Hashable, Sendable {
    /// The call's identifier.
    public var callID: CallID
    /// The queue, by the number called or by identifier.
    public var queue: QueueSelector
    /// The caller's number, for rejoin and preferred-agent memory.
    public var callerNumber: String
    /// Higher priorities are served first (VIPs); default 0.
    public var priority: Int
    /// Skills this caller needs with a minimum proficiency (for example a language).
    public var requiredSkills: [String: Int]

    /// Creates an arrival.
    public init(callID: CallID, queue: QueueSelector, callerNumber: String, priority: Int = 0, requiredSkills: [String: Int] = [:]) {
        self.callID = callID
        self.queue = queue
        self.callerNumber = callerNumber
        self.priority = priority
        self.requiredSkills = requiredSkills
    }
}
