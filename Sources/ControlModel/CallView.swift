/// A call Switchboard holds, both legs (`GET /v1/calls`, `GET /v1/calls/{call}`).
public struct CallView: Codable, Equatable, Sendable {
    /// The call's id: the A-leg Call-ID.
    public var callID: String
    /// The queue the caller reached (or was transferred to).
    public var queue: String
    /// The caller's number.
    public var callerNumber: String
    /// `waiting`, `ringing`, `answering`, `connected`, `transferring` or `transferred`.
    public var state: String
    /// When the caller's INVITE arrived, ISO 8601 UTC.
    public var arrivedAt: String
    /// When an agent answered, ISO 8601 UTC.
    public var answeredAt: String?
    /// Seconds since the caller arrived.
    public var durationSeconds: Double
    /// The caller's leg (from the SBC).
    public var callerLeg: CallerLegView
    /// The connected agent's leg, once an agent answered.
    public var agentLeg: AgentLegView?
    /// The agents' legs ringing now.
    public var ringing: [AgentLegView]

    /// Creates a call view.
    public init(callID: String, queue: String, callerNumber: String, state: String, arrivedAt: String, answeredAt: String?,
                durationSeconds: Double, callerLeg: CallerLegView, agentLeg: AgentLegView?, ringing: [AgentLegView]) {
        self.callID = callID
        self.queue = queue
        self.callerNumber = callerNumber
        self.state = state
        self.arrivedAt = arrivedAt
        self.answeredAt = answeredAt
        self.durationSeconds = durationSeconds
        self.callerLeg = callerLeg
        self.agentLeg = agentLeg
        self.ringing = ringing
    }
}

/// The caller's leg: the INVITE the SBC sent.
public struct CallerLegView: Codable, Equatable, Sendable {
    /// The A-leg Call-ID.
    public var sipCallID: String
    /// The SBC address the INVITE came from (`transport:address:port`).
    public var from: String
    /// Whether the caller got 200 OK.
    public var answered: Bool

    /// Creates a caller leg view.
    public init(sipCallID: String, from: String, answered: Bool) {
        self.sipCallID = sipCallID
        self.from = from
        self.answered = answered
    }
}

/// A B-leg toward an agent (or a transfer target) through the SBC.
public struct AgentLegView: Codable, Equatable, Sendable {
    /// The agent's id; absent for a blind transfer's target.
    public var agentID: String?
    /// The number or URI called.
    public var target: String
    /// The B-leg Call-ID.
    public var sipCallID: String

    /// Creates an agent leg view.
    public init(agentID: String?, target: String, sipCallID: String) {
        self.agentID = agentID
        self.target = target
        self.sipCallID = sipCallID
    }
}

/// Every call held (`GET /v1/calls`).
public struct CallList: Codable, Equatable, Sendable {
    /// The calls, oldest first.
    public var calls: [CallView]

    /// Wraps the calls.
    public init(calls: [CallView]) {
        self.calls = calls
    }
}
