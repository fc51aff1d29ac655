import ControlModel

/// What the control API reads and changes: the daemon (its coordinator, on the SIP event loop) in
/// production, a fake in tests. Each method throws ``ControlError`` for an unknown id (404), a
/// refused value (400) or an action the current state does not allow (409).
public protocol ControlSurface: Sendable {
    /// The daemon's state and counters.
    func status() async throws -> StatusReport
    /// The counters in the Prometheus text format.
    func metrics() async throws -> String
    /// Every queue, in configuration order.
    func queues() async throws -> [QueueView]
    /// One queue.
    func queue(_ name: String) async throws -> QueueView
    /// Turns the emergency switch of one queue (or of every queue when `queue` is `nil`) on or off;
    /// returns the queues it changed.
    func setEmergency(queue: String?, active: Bool) async throws -> [QueueView]
    /// Every agent, in configuration order.
    func agents() async throws -> [AgentView]
    /// One agent.
    func agent(_ id: String) async throws -> AgentView
    /// Changes an agent's status; returns the agent afterwards.
    func perform(_ action: AgentAction, agent id: String) async throws -> AgentView
    /// Every call held, oldest first.
    func calls() async throws -> [CallView]
    /// One call.
    func call(_ id: String) async throws -> CallView
    /// Who could take a waiting caller's call now, and why every other member could not.
    func explain(call id: String) async throws -> ExplanationView
    /// Acts on a call.
    func perform(_ action: CallAction, call id: String) async throws -> ActionResult
    /// Starts draining: new calls get 503, the daemon stops once the calls in progress end.
    func drain() async throws -> ActionResult
    /// Reads the configuration file again and applies it; a refusal is a ``ControlError/conflict(field:message:)`` with the reason.
    func reload() async throws -> ActionResult
    /// Stored call records matching `filter`, newest arrival first, each with its offer attempts.
    func callRecords(_ filter: CallRecordFilter) async throws -> [CallRecordView]
    /// Stored queue log events, oldest first.
    func queueLog(_ query: QueueLogQuery) async throws -> [QueueLogEntryView]
}

/// A supervisor's change to an agent's status.
public enum AgentAction: Hashable, Sendable {
    /// Logged out → available.
    case login
    /// Any status → logged out (a ringing offer is cancelled).
    case logout
    /// Available → on a break with this reason code.
    case pause(reason: String)
    /// On a break → available.
    case resume
    /// Ends a break (a RONA break included) or a wrap-up, whichever the agent is in (both if both).
    case endBreak
}

/// A supervisor's action on a call.
public enum CallAction: Hashable, Sendable {
    /// Ends the call: a waiting caller is released, an answered call gets BYE on both legs.
    case hangUp
    /// Takes a waiting caller out of the queue, to `target` or to the queue's withdrawn target.
    case withdraw(WithdrawTarget?)
    /// Changes a waiting caller's priority (higher is served first).
    case reprioritize(Int)
}

/// Where a withdrawn caller goes.
public enum WithdrawTarget: Hashable, Sendable {
    /// Another queue, by its original arrival time when `keepPosition`.
    case queue(String, keepPosition: Bool)
    /// An E.164 number (302 toward the SBC).
    case number(String)
    /// Hang up on the caller.
    case hangUp
}
