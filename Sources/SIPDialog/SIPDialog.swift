import SIPCore

/// The state of one SIP dialog (RFC 3261 §12), as the UAC or the UAS of the request that created it.
/// Pure: it reads messages, updates itself and builds requests; it never sends anything.
///
///     UAC:  1xx with a To tag ──► early ──2xx (confirm)──► confirmed
///           2xx ────────────────────────────────────────► confirmed
///     UAS:  INVITE, 1xx with our tag sent ──► early ──2xx sent (confirm)──► confirmed
///           INVITE, 2xx sent ──────────────────────────────────────────► confirmed
///
/// Termination (BYE, a final non-2xx for an early dialog) is the owner's business: it drops the value.
public struct SIPDialog: Hashable, Sendable {
    /// The state of a dialog: early after a provisional response with a To tag, confirmed after a 2xx.
    public enum State: Hashable, Sendable {
        /// Created by a 101–199 response; may still end with a non-2xx final response.
        case early
        /// Created or confirmed by a 2xx response.
        case confirmed
    }

    private enum Role: Hashable, Sendable {
        case uac, uas
    }

    /// Early or confirmed.
    public private(set) var state: State
    /// Call-ID, local tag and remote tag.
    public let id: SIPDialogID
    /// The URI that names us: From URI of our requests, To URI of the peer's.
    public let localURI: SIPURI
    /// The URI that names the peer: To URI of our requests, From URI of the peer's.
    public let remoteURI: SIPURI
    /// The CSeq number of the last request we sent in the dialog; nil (empty) until our first one as UAS.
    public internal(set) var localSequenceNumber: UInt32?
    /// The CSeq number of the last request the peer sent in the dialog; nil (empty) until its first one as UAC.
    public internal(set) var remoteSequenceNumber: UInt32?
    /// The peer's Contact URI: the Request-URI (or last Route) of our requests in the dialog.
    public internal(set) var remoteTarget: SIPURI
    /// The Route values of our requests, first hop first (§12.2.1.1 applies them).
    public private(set) var routeSet: [SIPNameAddress]
    /// True when the creating request was sent over TLS with a SIPS Request-URI; requests in the
    /// dialog must then go over TLS.
    public let secure: Bool
    private let role: Role

    /// The dialog we create as UAS for a dialog-creating request (§12.1.1), when we send a 1xx with
    /// our `localTag` (`state: .early`) or a 2xx (`state: .confirmed`).
    ///
    /// Route set = Record-Route in order; remote target = Contact; remote sequence number = CSeq;
    /// remote URI = From, local URI = To. `secure` takes the top Via transport as the transport the
    /// request arrived over. Nil when the request has no Contact (answer it with `400`).
    public init?(uasFor invite: SIPRequest, localTag: String, state: State = .confirmed) {
        guard let contact = invite.headers.contact.first else { return nil }
        self.state = state
        id = SIPDialogID(callID: invite.headers.callID, localTag: localTag, remoteTag: invite.headers.from.tag ?? "")
        localURI = invite.headers.to.uri
        remoteURI = invite.headers.from.uri
        localSequenceNumber = nil
        remoteSequenceNumber = invite.headers.cseq.sequenceNumber
        remoteTarget = contact.uri
        routeSet = invite.headers.recordRoute
        secure = Self.isSecure(invite)
        role = .uas
    }

    /// The dialog we create as UAC from a response to our request (§12.1.2): early for 101–199,
    /// confirmed for 2xx.
    ///
    /// Route set = Record-Route of the response in reverse order; remote target = its Contact; local
    /// sequence number = the request's CSeq; remote tag = its To tag. Nil when the status is not
    /// 101–299, a tag is missing (a 1xx without To tag creates no dialog) or the response has no Contact.
    public init?(uacFor invite: SIPRequest, response: SIPResponse) {
        guard (101..<300).contains(response.statusCode),
              let localTag = invite.headers.from.tag,
              let remoteTag = response.headers.to.tag,
              let contact = response.headers.contact.first else { return nil }
        state = response.statusCode < 200 ? .early : .confirmed
        id = SIPDialogID(callID: invite.headers.callID, localTag: localTag, remoteTag: remoteTag)
        localURI = invite.headers.from.uri
        remoteURI = invite.headers.to.uri
        localSequenceNumber = invite.headers.cseq.sequenceNumber
        remoteSequenceNumber = nil
        remoteTarget = contact.uri
        routeSet = response.headers.recordRoute.reversed()
        secure = Self.isSecure(invite)
        role = .uac
    }

    /// The UAC's dialog from a 2xx alone, once the INVITE is no longer at hand (a fork that answers
    /// after the call ended): a UAS copies the request's From, To without tag, Call-ID and CSeq into
    /// its responses (RFC 3261 §8.2.6.2), so the response's stand in for the request's. `secure` is
    /// whether the INVITE was sent secure (§12.1.2: `isSecure(_:)` of the INVITE). Nil when the
    /// response is not a 2xx, a tag is missing or there is no Contact.
    public init?(uacForLateAnswer response: SIPResponse, secure: Bool) {
        let headers = response.headers
        guard (200..<300).contains(response.statusCode), let localTag = headers.from.tag, let remoteTag = headers.to.tag,
              let contact = headers.contact.first else { return nil }
        state = .confirmed
        id = SIPDialogID(callID: headers.callID, localTag: localTag, remoteTag: remoteTag)
        localURI = headers.from.uri
        remoteURI = headers.to.uri
        localSequenceNumber = headers.cseq.sequenceNumber
        remoteSequenceNumber = nil
        remoteTarget = contact.uri
        routeSet = headers.recordRoute.reversed()
        self.secure = secure
        role = .uac
    }

    /// Confirms the dialog with a 2xx to its creating request (§13.2.2.4): as UAC a 2xx we received,
    /// as UAS the 2xx we send. As UAC an early dialog's route set and remote target are recomputed
    /// from the 2xx (§12.1.2); a confirmed dialog is left as it is (a retransmitted 2xx).
    ///
    /// Returns false, changing nothing, when the response is not a 2xx or belongs to another dialog
    /// (a 2xx from another fork: create a new dialog with `init(uacFor:response:)` instead).
    public mutating func confirm(with response: SIPResponse) -> Bool {
        guard (200..<300).contains(response.statusCode) else { return false }
        switch role {
        case .uac:
            guard SIPDialogID.forIncoming(response) == id else { return false }
            if state == .early {
                routeSet = response.headers.recordRoute.reversed()
                if let contact = response.headers.contact.first { remoteTarget = contact.uri }
            }
        case .uas:
            let headers = response.headers
            guard headers.callID == id.callID, headers.to.tag == id.localTag, (headers.from.tag ?? "") == id.remoteTag
            else { return false }
        }
        state = .confirmed
        return true
    }

    /// Applies a 2xx to a target refresh request we sent, re-INVITE or UPDATE (§12.2.1.2): the
    /// remote target becomes the Contact of the response. Returns whether the remote target was replaced;
    /// false for other responses, other methods, another dialog or a response without Contact.
    @discardableResult
    public mutating func refreshTarget(with response: SIPResponse) -> Bool {
        guard (200..<300).contains(response.statusCode),
              Self.isTargetRefresh(response.headers.cseq.method),
              SIPDialogID.forIncoming(response) == id,
              let contact = response.headers.contact.first else { return false }
        remoteTarget = contact.uri
        return true
    }

    /// Target refresh requests (§12.2, RFC 3311): re-INVITE and UPDATE.
    static func isTargetRefresh(_ method: SIPMethod) -> Bool {
        method == .invite || method == .update
    }

    /// Whether a dialog that `request` creates is secure (§12.1.1, §12.1.2): a `sips` Request-URI
    /// sent over TLS.
    public static func isSecure(_ request: SIPRequest) -> Bool {
        guard let via = request.headers.via.first else { return false }
        return request.requestURI.scheme.equalsIgnoringASCIICase("sips") && via.transport.equalsIgnoringASCIICase("TLS")
    }
}
