import TeamsPresence

/// Why a member of the queue was not a candidate for a caller.
public enum SkipReason: Hashable, Sendable {
    /// Logged out.
    case loggedOut
    /// On a break with this reason (RONA included).
    case onBreak(BreakReason)
    /// Reserved for another call (chosen, not yet ringing).
    case reserved(CallID)
    /// Ringing for a call.
    case offering(CallID)
    /// Talking on a call.
    case onCall(CallID)
    /// In wrap-up for this much longer.
    case wrapUp(remaining: Duration)
    /// In the back-off after a failed offer, for this much longer.
    case backOff(OfferFailureReason, remaining: Duration)
    /// Teams presence is not routable for this queue.
    case presence(TeamsPresence)
    /// No presence yet, and the queue does not route unknown presence.
    case presenceUnknown
    /// Presence is older than the staleness budget.
    case presenceStale(age: Duration)
    /// The member's tier is not yet allowed for this caller's wait.
    case tierNotYetAllowed(tier: Int, allowedTier: Int)
    /// The member lacks a required skill level.
    case notSkilled(skill: String, required: Int, has: Int)
    /// The member declined this call already.
    case declinedThisCall
}
