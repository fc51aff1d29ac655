import SIPCore

/// What a UAS answers to an INVITE or UPDATE as far as session timers go (RFC 4028 §9).
public enum SessionTimerDecision: Hashable, Sendable {
    /// Accept: add `headers` to the 2xx. The state is the negotiated timer, nil when none runs.
    case accept(SessionTimerState?, headers: [SIPHeaderField])
    /// Reject with this response (`422 Session Interval Too Small`) carrying `headers` (`Min-SE`).
    case reject(statusCode: Int, reasonPhrase: String, headers: [SIPHeaderField])
}
