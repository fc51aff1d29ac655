/// A caller in a queue as the engine sees it now, for the control API and announcements.
public struct WaitingCallerSnapshot: Hashable, Sendable {
    /// The caller's call.
    public var callID: CallID
    /// The caller's number.
    public var callerNumber: String
    /// Position among the callers not yet ringing (1 is next); 0 while ringing.
    public var position: Int
    /// The caller's priority.
    public var priority: Int
    /// Time in this queue so far.
    public var waited: Duration
    /// Estimated wait from now, `nil` when no agent staffs the queue.
    public var ewt: Duration?
    /// Agents ringing for this caller now.
    public var ringing: [AgentID]
}
