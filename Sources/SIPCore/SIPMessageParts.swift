/// What libosip2 read from a message (or from its header lines one by one), converted to Swift but not
/// yet checked: SIPCore decides from these parts whether the message is acceptable.
struct SIPMessageParts {
    /// The request method, for a request.
    var method: SIPMethod?
    /// The Request-URI, for a request whose URI libosip2 could parse.
    var requestURI: SIPURI?
    /// The Status-Code, for a response.
    var statusCode = 0
    /// The Reason-Phrase, for a response.
    var reasonPhrase = ""
    /// Via values, topmost first.
    var via: [SIPVia] = []
    /// The first header libosip2 accepted whose value SIPCore cannot use (a host that cannot be one,
    /// a port that is not a number), by canonical name.
    private(set) var malformedHeader: String?
    /// The From header.
    var from: SIPNameAddress?
    /// The To header.
    var to: SIPNameAddress?
    /// The Call-ID.
    var callID: String?
    /// The CSeq sequence number, when it is digits below 2**31 (RFC 3261 §8.1.1.5).
    var sequenceNumber: UInt32?
    /// The CSeq sequence number as written, kept only when it is not a valid one.
    var unusableSequenceNumber: String?
    /// The CSeq method.
    var cseqMethod: SIPMethod?
    /// Contact values (`*` goes to `fields`).
    var contact: [SIPNameAddress] = []
    /// Route values.
    var route: [SIPNameAddress] = []
    /// Record-Route values.
    var recordRoute: [SIPNameAddress] = []
    /// The first Max-Forwards value as written.
    var maxForwards: String?
    /// How many Max-Forwards headers there are.
    var maxForwardsCount = 0
    /// Every Date value as written (also in `fields`).
    var dates: [String] = []
    /// The Content-Type, re-serialized (`application/sdp`).
    var contentType: String?
    /// The Content-Length, when it is a number of at most `SIPMessage.maximumLength` bytes.
    var contentLength: Int?
    /// The Content-Length as written, kept only when it is not a usable length.
    var unusableContentLength: String?
    /// Every other header, named canonically.
    var fields: [SIPHeaderField] = []
    /// Whether the message carries Authorization, Proxy-Authorization, WWW-Authenticate,
    /// Proxy-Authenticate, Authentication-Info or Proxy-Authentication-Info, which `fields` lacks.
    var hasAuthenticationHeaders = false

    /// Records that a value of `name` is unusable.
    mutating func noteMalformed(_ name: String) {
        if malformedHeader == nil { malformedHeader = name }
    }

    /// The headers a response needs, when Via, From, To, Call-ID and a CSeq with a method are present.
    /// An unusable CSeq number becomes `UInt32.max` (see `SIPParseError.responseHeaders`).
    var responseHeaders: SIPHeaders? {
        guard !via.isEmpty, let from, let to, let callID, let cseqMethod else { return nil }
        return SIPHeaders(via: via, from: from, to: to, callID: callID,
                          cseq: SIPCSeq(sequenceNumber: sequenceNumber ?? .max, method: cseqMethod))
    }
}
