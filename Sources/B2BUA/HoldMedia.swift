/// Answered hold, as the call flow sees it: Switchboard answers a queued caller itself and plays the
/// queue's welcome prompt and music on hold over RTP until an agent answers. The media edge behind
/// it (SDP answers, RTP streams, prompts) is the coordinator's; every method runs on the router's loop.
public protocol HoldMedia: AnyObject {
    /// Whether callers of `queue` are answered at once and hear the queue's hold media.
    func answersCallers(of queue: String) -> Bool
    /// Whether callers of `queue` hear the hold media as early media (`183` with Switchboard's SDP),
    /// answered only when an agent answers.
    func sendsEarlyMedia(of queue: String) -> Bool
    /// Negotiates the caller's SDP offer, once per caller: what the caller's stream is opened with, or
    /// why the offer cannot be answered.
    func negotiate(_ offer: [UInt8]) -> HoldNegotiation
    /// Opens the caller's stream for the negotiated offer and calls `completion` on the router's loop
    /// with the SDP answer, or with nil when no stream could be opened (no port, for one).
    func start(_ callID: CallID, queue: String, offer: HoldOffer, completion: @escaping ([UInt8]?) -> Void)
    /// Closes the caller's stream and frees its port, also while it is still being opened, and the
    /// streams toward the call's agents; nothing when there is none.
    func stop(_ callID: CallID)
    /// Where the DTMF keys a caller presses on its stream go (RFC 4733 telephone-events), called on the
    /// router's loop; the router sets it when it is given the hold media.
    var onKey: ((CallID, Character) -> Void)? { get set }
    /// The key of an `application/dtmf-relay` INFO body, or nil when the body names none.
    func key(inDTMFRelay body: [UInt8]) -> Character?
    /// Anchored media (`media.mode: anchored`): whether agents are offered Switchboard's own streams
    /// and the media of a connected call is relayed by Switchboard rather than released.
    var anchorsMedia: Bool { get }
    /// Anchored media: opens a stream toward the agent of `attempt` and calls `completion` on the
    /// router's loop with Switchboard's SDP offer for the agent's INVITE, or nil when none could be opened.
    func offerToAgent(_ callID: CallID, attempt: Int, completion: @escaping ([UInt8]?) -> Void)
    /// Anchored media: the agent of `attempt` answered with `answer`. Its stream sends there, the
    /// queue's whisper plays to the agent, then the caller's and the agent's streams are bridged; the
    /// call's other agent streams close. False when the answer has no stream that can be relayed.
    func bridge(_ callID: CallID, attempt: Int, answer: [UInt8]) -> Bool
    /// Anchored media: closes the stream toward the agent of `attempt` (its offer ended unanswered).
    func stopAgentLeg(_ callID: CallID, attempt: Int)
    /// Anchored media: the agent transferred the caller away. The caller's stream leaves the bridge
    /// (the agent's stream closes) and plays music on hold again: that of `queue`, with its
    /// announcements, when the caller was transferred back to a queue; else that of the queue the
    /// caller was in. Nothing when no bridge is open.
    func unbridge(_ callID: CallID, requeuedTo queue: String?)
    /// A re-offer (a re-INVITE or UPDATE with SDP, RFC 3264 §8) on a leg whose stream is the media
    /// edge's: the caller's (`attempt` nil) or, with anchored media, the agent's of `attempt`. The
    /// stream follows the offer's address, port, payload types and direction; the answer is the
    /// leg's description, the same version when unchanged. Nil when the leg has no open stream.
    func answerReoffer(_ callID: CallID, attempt: Int?, offer: [UInt8]) -> ReofferAnswer?
}
