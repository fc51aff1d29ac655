import SIPCore

/// Identifies a server transaction: the matching rules of RFC 3261 §17.2.3 as a hashable value, so a request
/// finds its transaction with one hash lookup. Compute it from the request as received.
///
/// For a request whose topmost Via branch starts with the magic cookie `z9hG4bK`, the key is that branch,
/// the Via sent-by (host and port) and the method, ACK counting as INVITE. The branch and the host are
/// compared ignoring ASCII case, cookie included: §17.2.3 says "equal" and §7.3.1 makes parameter values
/// and tokens case-insensitive unless a header's definition says otherwise, which Via's does not.
/// A missing port is not the same as an explicit 5060: retransmissions repeat the sent-by exactly.
///
/// For an RFC 2543 request (no branch, or one without the cookie) the key falls back to §17.2.3's older rule:
/// Request-URI, To tag, From tag, Call-ID, CSeq and the whole topmost Via, compared exactly as received.
/// For INVITE and ACK the To tag is left out, because the ACK's To tag is the one of the response the
/// server sent, which a request-only key cannot know; the ACK to a 2xx therefore finds the transaction
/// too, and RFC 6026's Accepted state passes it to the TU.
public struct ServerTransactionKey: Hashable, Sendable {
    /// The branch rule's four fields folded into one string (`branch host:port method`; neither a
    /// branch nor a host holds a space); empty for an RFC 2543 key.
    let text: String
    /// The RFC 2543 fallback's fields, out of line since they are rare, so a key is a string and a
    /// pointer and a lingering transaction's key costs little; nil for a branch-rule key.
    let fields: RFC2543TransactionFields?

    /// The key of the transaction `request` belongs to (an ACK belongs to its INVITE's transaction);
    /// nil when the request has no Via.
    public init?(request: SIPRequest) {
        self.init(request, method: request.method == .ack ? .invite : request.method)
    }

    /// The key an INVITE whose top Via has this RFC 3261 `branch` and sent-by `host` (as written,
    /// brackets kept) and `port` gets from `init(request:)`, for an INVITE not parsed yet; nil for a
    /// branch without the magic cookie or with bytes other than ASCII, whose keys follow other rules.
    public init?(inviteBranch branch: String, host: String, port: Int?) {
        guard TransactionKeyText.startsWithMagicCookie(branch),
              let key = TransactionKeyText.server(branch: branch, host: host, port: port, method: SIPMethod.invite.token) else { return nil }
        text = key
        fields = nil
    }

    /// The key of the INVITE server transaction that `cancel`, a CANCEL request, refers to (§9.2):
    /// the CANCEL's own key with INVITE as the method. Nil when the request has no Via.
    public static func forCancelTarget(_ cancel: SIPRequest) -> ServerTransactionKey? {
        ServerTransactionKey(cancel, method: .invite)
    }

    private init?(_ request: SIPRequest, method: SIPMethod) {
        guard let via = request.headers.via.first else { return nil }
        if let branch = via.branch {
            if TransactionKeyText.startsWithMagicCookie(branch),
               let key = TransactionKeyText.server(branch: branch, host: via.host, port: via.port, method: method.token) {
                text = key
                fields = nil
                return
            }
            if !TransactionKeyText.isASCII(branch) || !TransactionKeyText.isASCII(via.host),
               case let lowered = branch.lowercased(), lowered.hasPrefix(TransactionKeyText.magicCookie) {
                text = "\(lowered) \(via.host.lowercased()):\(via.port.map(String.init) ?? "") \(method)"
                fields = nil
                return
            }
        }
        let headers = request.headers
        text = ""
        fields = RFC2543TransactionFields(.init(
            requestURI: request.requestURI,
            toTag: method == .invite ? nil : headers.to.tag,
            fromTag: headers.from.tag,
            callID: headers.callID,
            sequenceNumber: headers.cseq.sequenceNumber,
            method: method,
            topmostVia: via
        ))
    }
}

/// The fields RFC 3261 §17.2.3's RFC 2543 fallback compares, exactly as received, in one box.
@usableFromInline final class RFC2543TransactionFields: Hashable, Sendable {
    struct Fields: Hashable, Sendable {
        var requestURI: SIPURI
        var toTag: String?
        var fromTag: String?
        var callID: String
        var sequenceNumber: UInt32
        var method: SIPMethod
        var topmostVia: SIPVia
    }

    let fields: Fields

    init(_ fields: Fields) {
        self.fields = fields
    }

    @usableFromInline static func == (left: RFC2543TransactionFields, right: RFC2543TransactionFields) -> Bool {
        left === right || left.fields == right.fields
    }

    @usableFromInline func hash(into hasher: inout Hasher) {
        hasher.combine(fields)
    }
}
