import SIPCore

/// What a client transaction needs only until its final response: the request, its bytes for
/// retransmissions, and the state of a CANCEL (RFC 3261 §9.1: sent once a provisional response
/// came, given up 64·T1 later). Out of line, so a transaction that lingers after its final response
/// keeps one pointer's room for all of it.
final class RequestInFlight {
    let request: SIPRequest
    let bytes: [UInt8]
    /// Whether a provisional response arrived (a CANCEL may be sent only then).
    var receivedProvisional = false
    /// Whether the TU asked to cancel the INVITE.
    var cancelRequested = false
    /// The Reason header of that CANCEL (RFC 3326).
    var cancelReason: String?
    /// The 64·T1 wait for a final response after the CANCEL.
    var cancelDeadline: TimerWheel.Handle?

    init(_ request: SIPRequest) {
        self.request = request
        bytes = request.serialized()
    }
}
