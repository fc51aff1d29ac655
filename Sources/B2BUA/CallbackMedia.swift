/// What a callback asks of the media edge, beside answered hold (`HoldMedia`): the confirmation to
/// the caller, and the stream an agent is offered while nobody is on the caller's side. Every method
/// runs on the router's loop, and every completion is called there.
public protocol CallbackMedia: AnyObject {
    /// Plays the callback confirmation on the caller's hold stream and calls `completion` once it has
    /// played (at once when the caller has no open stream).
    func confirmCallback(_ callID: CallID, completion: @escaping () -> Void)
    /// Closes the caller's hold stream only: the streams toward the call's agents stay open.
    func stopCallerStream(_ callID: CallID)
    /// Opens a stream toward the agent of `attempt` and calls `completion` with Switchboard's SDP offer
    /// for the agent's INVITE (G.711 µ-law and A-law, telephone-event), or nil when none could be opened.
    func offerForCallback(_ callID: CallID, attempt: Int, completion: @escaping ([UInt8]?) -> Void)
    /// The agent of `attempt` answered with `answer`: its stream sends there (silence) until the caller
    /// answers. False when the answer has no stream Switchboard can send to.
    func connectCallbackAgent(_ callID: CallID, attempt: Int, answer: [UInt8]) -> Bool
    /// Anchored media: opens a new stream toward the caller and calls `completion` with Switchboard's
    /// SDP offer for the call back, in the codec of the agent's `agentAnswer` (so no transcoding is
    /// needed), or nil when none could be opened.
    func offerToCaller(_ callID: CallID, agentAnswer: [UInt8], completion: @escaping ([UInt8]?) -> Void)
    /// Anchored media: the caller answered the call back with `callerAnswer`: the caller's stream sends
    /// there, the queue's whisper plays to the agent of `attempt` (who answered with `agentAnswer`), and
    /// the two streams are bridged. False when either answer has no stream that can be relayed.
    func bridgeCallback(_ callID: CallID, queue: String, attempt: Int, callerAnswer: [UInt8], agentAnswer: [UInt8]) -> Bool
}
