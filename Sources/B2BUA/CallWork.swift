/// One unit of work in the call router's mailbox. Everything that moves a call's state machine or
/// the queue engine is posted here and run in order, one item at a time: an action never runs while
/// another event is still being handled, so no call re-enters itself.
enum CallWork {
    /// An event for one call's state machine.
    case call(CallID, CallStateMachine.Event)
    /// An event for the call distributor.
    case distribution(DistributionEvent)
    /// Decisions of the call distributor to perform.
    case decisions([DistributionDecision])
}
