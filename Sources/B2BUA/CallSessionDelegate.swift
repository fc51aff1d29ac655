import SIPCore

/// How a call reports to its router. Events are posted, never handled on the spot, so a call's
/// actions always finish before the next event (its own or another call's) runs.
protocol CallSessionDelegate: AnyObject {
    /// Queues work for the router's mailbox.
    func post(_ work: CallWork)
    /// Makes a dialog of `session` routable by its key.
    func own(_ key: DialogKey, by session: CallSession)
    /// A 2xx to a B-leg INVITE of a call that has ended (a retransmission, or a late fork).
    func answeredAfterEnd(_ response: SIPResponse)
    /// An agent answered: the caller no longer waits.
    func answered(_ session: CallSession)
    /// The call is over: forget it, keeping its dialogs routable for a short linger.
    func finished(_ session: CallSession, record: CallRecord)
}
