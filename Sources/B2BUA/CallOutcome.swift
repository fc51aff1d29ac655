/// How a call ended, for its call record.
public enum CallOutcome: Hashable, Sendable {
    /// Connected to an agent, then ended by one side.
    case completed(agentID: String, endedBy: CallParty)
    /// The caller hung up before being connected (while an agent rang, if one did).
    case abandoned(ringingAgentID: String?)
    /// The queue let the caller go with a final status.
    case released(statusCode: Int, reason: String)
    /// The queue sent the caller on to another number.
    case redirected(number: String)
    /// An agent's blind transfer to an outside number did not connect.
    case transferFailed(statusCode: Int)
    /// An agent transferred the caller to an outside number, and that call ended.
    case transferred(endedBy: CallParty)
    /// The caller asked for a callback and answered none of `attempts` calls back.
    case callbackFailed(attempts: Int)
}

/// Where an agent's REFER sends the caller.
public enum TransferTarget: Hashable, Sendable {
    /// One of Switchboard's own queue numbers: the caller is queued again without leaving Switchboard.
    case queue(String)
    /// Anything else: a new call through the SBC to the exact Refer-To URI, carrying Referred-By.
    case uri(referTo: String, referredBy: String?)
}

/// Who ended a connected call.
public enum CallParty: String, Hashable, Sendable {
    /// The PSTN caller.
    case caller
    /// The Teams agent.
    case agent
    /// Switchboard itself (maximum duration, session timer, missing ACK, shutdown).
    case switchboard
}
