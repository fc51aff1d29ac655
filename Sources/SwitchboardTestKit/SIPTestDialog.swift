import SIPCore

/// One side of a dialog as a test plays it (the caller behind the SBC, or a Teams agent): builds
/// the requests that side sends inside the dialog, with its tags, its CSeq counter and Switchboard's
/// Contact as the Request-URI, so Call-ID, tags and CSeq match what Switchboard holds.
public struct SIPTestDialog: Sendable {
    /// The dialog's Call-ID.
    public let callID: String
    /// This side's address and tag (From of the requests it sends).
    public let local: SIPNameAddress
    /// The other side's address and tag (To of the requests it sends).
    public let remote: SIPNameAddress
    /// Where requests go: the other side's Contact.
    public var remoteTarget: SIPURI
    /// This side's Contact.
    public let contact: SIPNameAddress
    /// The CSeq number of the last request this side sent.
    public private(set) var localSequenceNumber: UInt32
    private let viaHost: String
    private let viaPort: Int

    /// Creates the dialog state of one side.
    public init(callID: String, local: SIPNameAddress, remote: SIPNameAddress, remoteTarget: SIPURI, contact: SIPNameAddress,
                localSequenceNumber: UInt32, viaHost: String, viaPort: Int) {
        self.callID = callID
        self.local = local
        self.remote = remote
        self.remoteTarget = remoteTarget
        self.contact = contact
        self.localSequenceNumber = localSequenceNumber
        self.viaHost = viaHost
        self.viaPort = viaPort
    }

    /// This side's tag.
    public var localTag: String? { local.tag }
    /// The other side's tag.
    public var remoteTag: String? { remote.tag }

    /// A new request in the dialog (BYE, re-INVITE, UPDATE, REFER, INFO, ...): the next CSeq, a fresh
    /// branch, Contact on target-refreshing methods, and the given body and extra header fields.
    public mutating func request(_ method: SIPMethod, body: [UInt8] = [], contentType: String? = nil,
                                 headers: [SIPHeaderField] = []) -> SIPRequest {
        localSequenceNumber += 1
        let refreshesTarget = [SIPMethod.invite, .update, .refer, .subscribe, .notify].contains(method)
        let fields = SIPHeaders(via: [SIPTestMessages.via(host: viaHost, port: viaPort)], from: local, to: remote, callID: callID,
                                cseq: SIPCSeq(sequenceNumber: localSequenceNumber, method: method),
                                contact: refreshesTarget ? [contact] : [], maxForwards: 70,
                                contentType: body.isEmpty ? nil : (contentType ?? "application/sdp"), fields: headers)
        return SIPRequest(method: method, requestURI: remoteTarget, headers: fields, body: body)
    }

    /// A re-INVITE offering `sdp`.
    public mutating func reINVITE(sdp: [UInt8]) -> SIPRequest {
        request(.invite, body: sdp, contentType: "application/sdp")
    }

    /// The ACK for a 2xx to this side's INVITE with CSeq `sequenceNumber` (RFC 3261 §13.2.2.4): same
    /// CSeq number, a fresh branch.
    public func ack(sequenceNumber: UInt32) -> SIPRequest {
        let fields = SIPHeaders(via: [SIPTestMessages.via(host: viaHost, port: viaPort)], from: local, to: remote, callID: callID,
                                cseq: SIPCSeq(sequenceNumber: sequenceNumber, method: .ack), maxForwards: 70)
        return SIPRequest(method: .ack, requestURI: remoteTarget, headers: fields)
    }

    /// A 2xx (or other) response from this side to a request Switchboard sent in the dialog, with this
    /// side's Contact and, for an offer, the SDP answer.
    public func response(to request: SIPRequest, statusCode: Int = 200, sdp: [UInt8] = []) -> SIPResponse {
        SIPTestMessages.response(to: request, statusCode: statusCode, contact: contact, sdp: sdp)
    }
}
