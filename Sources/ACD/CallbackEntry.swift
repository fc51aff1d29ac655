/// A callback entry as it stands in the engine, and as the engine takes one back after a restart
/// (``ACDEvent/callbackRestored(_:)``): everything that puts it at its place and on its terms.
public struct CallbackEntry: Hashable, Sendable {
    /// The call's identifier.
    public var callID: CallID
    /// The queue the entry waits in.
    public var queue: QueueID
    /// The number to call back.
    public var callerNumber: String
    /// The entry's priority (higher is served first).
    public var priority: Int
    /// The caller's own skill requirements (the queue's are merged in by the engine).
    public var requiredSkills: [String: Int]
    /// The order key: when the place it keeps was taken; ties go by the order the entries were given in.
    public var placeTakenAt: ACDInstant
    /// When the caller entered the queue: its `maxWait` and wait count from there.
    public var enteredQueueAt: ACDInstant
    /// The calls back that went unanswered so far.
    public var attempts: Int
    /// While the entry waits out the retry interval: when it returns to the line.
    public var nextAttemptAt: ACDInstant?

    /// Creates an entry.
    public init(callID: CallID, queue: QueueID, callerNumber: String, priority: Int = 0, requiredSkills: [String: Int] = [:],
                placeTakenAt: ACDInstant, enteredQueueAt: ACDInstant, attempts: Int = 0, nextAttemptAt: ACDInstant? = nil) {
        self.callID = callID
        self.queue = queue
        self.callerNumber = callerNumber
        self.priority = priority
        self.requiredSkills = requiredSkills
        self.placeTakenAt = placeTakenAt
        self.enteredQueueAt = enteredQueueAt
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
    }
}
