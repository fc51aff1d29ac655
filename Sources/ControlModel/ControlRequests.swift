/// The body of `POST /v1/agents/{agent}/pause`.
public struct PauseRequest: Codable, Equatable, Sendable {
    /// The break's reason code (for example `lunch`): 1 to 64 printable characters, not `RONA`.
    public var reason: String

    /// Creates the body.
    public init(reason: String) {
        self.reason = reason
    }
}

/// The body of `POST /v1/queues/{queue}/emergency` and `POST /v1/emergency`.
public struct EmergencyRequest: Codable, Equatable, Sendable {
    /// `true` turns the emergency switch on, `false` off.
    public var active: Bool

    /// Creates the body.
    public init(active: Bool) {
        self.active = active
    }
}

/// The body of `POST /v1/calls/{call}/priority`.
public struct PriorityRequest: Codable, Equatable, Sendable {
    /// The caller's new priority (higher is served first), from -1000 to 1000.
    public var priority: Int

    /// Creates the body.
    public init(priority: Int) {
        self.priority = priority
    }
}

/// The body of `POST /v1/calls/{call}/withdraw`: at most one target; none sends the caller to the
/// queue's configured `withdrawn` overflow target.
public struct WithdrawRequest: Codable, Equatable, Sendable {
    /// Another queue to move the caller to.
    public var queue: String?
    /// With `queue`: keep the caller's original arrival time there.
    public var keepPosition: Bool?
    /// An E.164 number to send the caller to (302 toward the SBC).
    public var number: String?
    /// `true`: hang up on the caller.
    public var hangUp: Bool?

    /// Creates the body.
    public init(queue: String? = nil, keepPosition: Bool? = nil, number: String? = nil, hangUp: Bool? = nil) {
        self.queue = queue
        self.keepPosition = keepPosition
        self.number = number
        self.hangUp = hangUp
    }
}
