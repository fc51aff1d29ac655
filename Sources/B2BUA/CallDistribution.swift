/// Identifies one caller's call for as long as Switchboard holds it (the A-leg Call-ID).
public typealias CallID = String

/// An agent as the call flow sees one: who to ring, and at which number.
public struct AgentOffer: Hashable, Sendable {
    /// The agent's id in configuration and the queue engine.
    public var agentID: String
    /// The agent's E.164 Teams number.
    public var number: String
    /// Put before the caller's number in the display name the agent sees; `nil` puts the queue's name
    /// and a space.
    public var callerNamePrefix: String?

    /// Creates an offer target.
    public init(agentID: String, number: String, callerNamePrefix: String? = nil) {
        self.agentID = agentID
        self.number = number
        self.callerNamePrefix = callerNamePrefix
    }
}

/// Why offering a call to an agent did not connect, each mapped to its own back-off. Only what the
/// agent could have prevented is charged to the agent: an offer that never reached the agent's side
/// is a trunk failure.
public enum OfferFailure: Hashable, Sendable {
    /// Rang (18x) for the whole ring timeout without an answer: counts toward RONA.
    case noAnswer
    /// `486 Busy Here` or `600 Busy Everywhere`.
    case busy
    /// `603 Decline`: never offered this call again.
    case declined
    /// `480`, `404`, `410`, or accepted by the SBC (`100`) without ringing within the ring timeout:
    /// the agent is offline or unknown to Teams.
    case unreachable
    /// `408`, `5xx`, a transaction timeout or transport error, or silence until the ring timeout:
    /// trouble on the trunk, never the agent's fault.
    case trunkFailure

    /// Classifies a final non-2xx status code from the B-leg.
    public init(statusCode: Int) {
        switch statusCode {
        case 486, 600: self = .busy
        case 603: self = .declined
        case 404, 410, 480, 484, 604: self = .unreachable
        case 408, 500...599: self = .trunkFailure
        default: self = .unreachable
        }
    }

    /// Classifies a B-leg INVITE whose ring timeout fired before a final response, by how far it got.
    public init(ringTimeoutAfter progress: OfferProgress) {
        switch progress {
        case .none: self = .trunkFailure
        case .accepted: self = .unreachable
        case .ringing: self = .noAnswer
        }
    }
}

/// What the call flow tells the queue engine.
public enum DistributionEvent: Hashable, Sendable {
    /// A caller entered a queue.
    case callerArrived(CallID, queue: String, callerNumber: String)
    /// A caller hung up before being connected.
    case callerAbandoned(CallID)
    /// A waiting caller Switchboard answered (answered hold) pressed a DTMF key.
    case callerPressedKey(CallID, key: Character)
    /// A caller's callback was accepted: what a call back needs beside the engine's entry, the number
    /// the caller dialled (the call back's From) and where the caller's INVITE came from, kept with
    /// the entry so that it can be called back after a restart.
    case callbackDialing(CallID, dialedNumber: String, trunk: String)
    /// The caller of a callback entry answered the call back: connected to the agent who answered.
    case callbackConnected(CallID, agentID: String)
    /// The call back to the caller went unanswered (`statusCode` nil: the ring timeout): the agent is
    /// free again and the entry keeps its place for the next attempt, if any.
    case callbackUnanswered(CallID, agentID: String, statusCode: Int?)
    /// The offered agent's endpoint rings (the first 18x of the offer).
    case offerRinging(CallID, agentID: String)
    /// The offered agent answered.
    case offerAnswered(CallID, agentID: String)
    /// Ringing the agent did not connect.
    case offerFailed(CallID, agentID: String, OfferFailure)
    /// A connected call ended; the agent enters wrap-up.
    case callEnded(CallID, agentID: String)
    /// The trunk the B-legs go through went down (`true`) or came back up (`false`): while it is
    /// down no offer is made, callers keep waiting and no agent is charged.
    case offersSuspended(Bool)
    /// The calls the B2BUA really holds, sent periodically so no agent stays "on call" for a call
    /// that is gone.
    case reconcile(liveCalls: Set<CallID>)
}

/// What the queue engine tells the call flow.
public enum DistributionDecision: Hashable, Sendable {
    /// Ring this agent for at most `ringTimeout` (several offers for one call ring several agents).
    case offer(CallID, AgentOffer, ringTimeout: Duration)
    /// Stop ringing this agent for this call.
    case cancelOffer(CallID, agentID: String)
    /// Send the caller elsewhere: answer the A-leg `302 Moved Temporarily` toward this E.164 number
    /// (overflow to a number), so the SBC routes the call on.
    case redirect(CallID, number: String)
    /// The caller asked for a callback and keeps their place: confirm it, end the caller's leg, and
    /// ring the caller's number for at most `ringTimeout` once an agent answers the entry's offer.
    case callBack(CallID, ringTimeout: Duration)
    /// The callback entry's caller answered none of `attempts` calls back: the call ends.
    case callbackFailed(CallID, attempts: Int)
    /// Stop holding the caller: answer the A-leg with this final status (for example 480 when the
    /// queue is closed or the caller waited too long).
    case release(CallID, statusCode: Int, reason: String)
}

/// The "who gets this call" protocol the B2BUA asks; the coordinator implements it with the ACD
/// engine. The B2BUA knows nothing of Graph or of routing strategies.
public protocol CallDistributor: AnyObject {
    /// Feeds an event at `now` (the router's clock) and returns the decisions it causes at once.
    /// Decisions the distributor reaches later on its own (a back-off ends, a caller waited too long,
    /// an agent's presence changed) go to its `DistributionDecisionSink`.
    func handle(_ event: DistributionEvent, now: Duration) -> [DistributionDecision]
}

/// Where a `CallDistributor` sends the decisions it reaches on its own: the call router's mailbox.
public protocol DistributionDecisionSink: AnyObject {
    /// Performs the decisions, in order, after whatever the router is doing now.
    func deliver(_ decisions: [DistributionDecision])
}
