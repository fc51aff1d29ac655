import Foundation

/// A callback entry the queue engine holds (a caller who asked to be called back and keeps their
/// place), as the store keeps it from the moment the engine accepts it until the call back connects
/// or the call ends: what the next start needs to feed it back to the engine at its place and to
/// place the call back. The call's record (same Call-ID and arrival) stays open meanwhile.
public struct PendingCallback: Sendable, Equatable {
    /// The caller's A-leg Call-ID.
    public var callID: String
    /// When the caller arrived: with ``callID``, the key of the call's record.
    public var arrivedAt: Date
    /// The queue the entry waits in.
    public var queue: String
    /// The number to call back (the caller's number, `+` and digits).
    public var callerNumber: String
    /// The number the caller dialled: the call back's From.
    public var dialedNumber: String
    /// Where the caller's INVITE came from (the SBC's address, `udp:192.0.2.10:5060`).
    public var trunk: String
    /// The entry's priority in the engine (higher is served first).
    public var priority: Int
    /// The caller's own skill requirements (beside the queue's), by skill name.
    public var requiredSkills: [String: Int]
    /// The entry's order key: when the place it keeps was taken (the arrival, or an earlier one kept).
    public var placeTakenAt: Date
    /// When the caller entered the queue (its `maxWaitSeconds` counts from there).
    public var enteredQueueAt: Date
    /// The caller's position when entering the queue, for the queue log's `origposition`.
    public var originalPosition: Int
    /// The calls back the caller did not answer so far.
    public var attempts: Int
    /// While the entry waits out the retry interval: when it is offered again.
    public var nextAttemptAt: Date?

    /// Creates an entry.
    public init(callID: String, arrivedAt: Date, queue: String, callerNumber: String, dialedNumber: String, trunk: String,
                priority: Int = 0, requiredSkills: [String: Int] = [:], placeTakenAt: Date, enteredQueueAt: Date,
                originalPosition: Int, attempts: Int = 0, nextAttemptAt: Date? = nil) {
        self.callID = callID
        self.arrivedAt = arrivedAt
        self.queue = queue
        self.callerNumber = callerNumber
        self.dialedNumber = dialedNumber
        self.trunk = trunk
        self.priority = priority
        self.requiredSkills = requiredSkills
        self.placeTakenAt = placeTakenAt
        self.enteredQueueAt = enteredQueueAt
        self.originalPosition = originalPosition
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
    }

    /// The skills as stored: `name=level` pairs in name order, separated by commas (skill names
    /// are configuration identifiers, without `=` or `,`).
    var skillsText: String {
        requiredSkills.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
    }

    /// The skills of ``skillsText``.
    static func skills(from text: String) -> [String: Int] {
        var skills: [String: Int] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2, let level = Int(parts[1]) { skills[String(parts[0])] = level }
        }
        return skills
    }
}
