import SIPCore

extension SIPRequest {
    /// The request without its body and without the headers a response does not copy: method,
    /// Request-URI, Via, From, To, Call-ID and CSeq (RFC 3261 §8.2.6.2). What a transaction keeps
    /// once it has answered.
    public var identity: SIPRequest {
        SIPRequest(method: method, requestURI: requestURI,
                   headers: SIPHeaders(via: headers.via, from: headers.from, to: headers.to, callID: headers.callID, cseq: headers.cseq))
    }
}
