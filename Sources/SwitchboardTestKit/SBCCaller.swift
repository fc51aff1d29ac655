import SIPCore

/// A PSTN caller as the SBC presents it to Switchboard: the A-leg INVITE for a queue number with an
/// SDP offer and the SBC's Record-Route, its CANCEL, the ACK for a final non-2xx, and once answered
/// the caller's side of the dialog.
public struct SBCCaller: Sendable {
    /// The SDP offer SIPp's caller sends (193 bytes).
    public static let offer = SIPTestMessages.sdp(owner: "pstn", sessionID: 1001, session: "pstn caller", port: 6000,
                                                  fmtp: "101 0-15")

    /// The A-leg INVITE.
    public let invite: SIPRequest
    /// The SBC's host, where the caller's side sits.
    public let sbcHost: String
    /// The SBC's port.
    public let sbcPort: Int

    /// An INVITE from `callerNumber` to `queueNumber` at Switchboard (`switchboardHost:switchboardPort`),
    /// sent by the SBC at `sbcHost:sbcPort`, with Record-Route, session timer and an SDP offer.
    public init(calling queueNumber: String, from callerNumber: String = "+15551230000", switchboardHost: String,
                switchboardPort: Int = 5060, sbcHost: String, sbcPort: Int = 5060, sdp: [UInt8] = SBCCaller.offer,
                callID: String = "pstn-\(SIPTestMessages.makeTag())@sbc") {
        self.sbcHost = sbcHost
        self.sbcPort = sbcPort
        let target = SIPURI(user: queueNumber, host: switchboardHost, port: switchboardPort, parameters: [SIPParameter(name: "user", value: "phone")])
        let from = SIPNameAddress(uri: SIPURI(user: callerNumber, host: sbcHost, parameters: [SIPParameter(name: "user", value: "phone")]),
                                  parameters: [SIPParameter(name: "tag", value: SIPTestMessages.makeTag())])
        var headers = SIPHeaders(via: [SIPTestMessages.via(host: sbcHost, port: sbcPort)], from: from, to: SIPNameAddress(uri: target),
                                 callID: callID, cseq: SIPCSeq(sequenceNumber: 1, method: .invite),
                                 contact: [SIPNameAddress(uri: SIPURI(user: callerNumber, host: sbcHost, port: sbcPort))],
                                 recordRoute: [SIPNameAddress(uri: SIPURI(host: sbcHost, port: sbcPort, parameters: [SIPParameter(name: "lr")]))],
                                 maxForwards: 70, contentType: sdp.isEmpty ? nil : "application/sdp")
        headers.add("Supported", "timer")
        headers.add("Session-Expires", "1800")
        invite = SIPRequest(method: .invite, requestURI: target, headers: headers, body: sdp)
    }

    /// The caller's Call-ID.
    public var callID: String { invite.headers.callID }

    /// The CANCEL for the INVITE (RFC 3261 §9.1): same branch, Request-URI, From, To and CSeq number.
    public func cancel() -> SIPRequest {
        let headers = SIPHeaders(via: invite.headers.via, from: invite.headers.from, to: invite.headers.to, callID: callID,
                                 cseq: SIPCSeq(sequenceNumber: invite.headers.cseq.sequenceNumber, method: .cancel), maxForwards: 70)
        return SIPRequest(method: .cancel, requestURI: invite.requestURI, headers: headers)
    }

    /// The ACK for a final non-2xx response to the INVITE (RFC 3261 §17.1.1.3): part of the INVITE's
    /// transaction, so same branch, with the response's To.
    public func ack(forFailure response: SIPResponse) -> SIPRequest {
        let headers = SIPHeaders(via: invite.headers.via, from: invite.headers.from, to: response.headers.to, callID: callID,
                                 cseq: SIPCSeq(sequenceNumber: invite.headers.cseq.sequenceNumber, method: .ack), maxForwards: 70)
        return SIPRequest(method: .ack, requestURI: invite.requestURI, headers: headers)
    }

    /// The caller's side of the dialog Switchboard's 2xx (or 1xx with a To tag) created: To tag and
    /// Contact from the response.
    public func dialog(answeredBy response: SIPResponse) -> SIPTestDialog {
        SIPTestDialog(callID: callID, local: invite.headers.from, remote: response.headers.to,
                      remoteTarget: response.headers.contact.first?.uri ?? invite.requestURI,
                      contact: invite.headers.contact.first ?? invite.headers.from, localSequenceNumber: invite.headers.cseq.sequenceNumber,
                      viaHost: sbcHost, viaPort: sbcPort)
    }
}
