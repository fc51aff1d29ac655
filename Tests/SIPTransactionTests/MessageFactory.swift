import SIPCore

/// Builds the requests and responses the key tests need, straight from the SIPCore model.
enum MessageFactory {
    /// A Via with the given sent-by and, when not nil, branch.
    static func via(branch: String?, host: String = "sbc.example.com", port: Int? = 5060) -> SIPVia {
        var via = SIPVia(transport: "UDP", host: host, port: port)
        via.branch = branch
        return via
    }

    /// A request like the SBC sends: one Via, tags, Call-ID and CSeq 1 with `method`.
    static func request(
        _ method: SIPMethod,
        via: SIPVia = via(branch: "z9hG4bK776asdhds"),
        requestURI: SIPURI = SIPURI(user: "+15551230000", host: "switchboard.example.com"),
        toTag: String? = nil,
        fromTag: String? = "1928301774",
        callID: String = "a84b4c76e66710@sbc.example.com",
        sequenceNumber: UInt32 = 1,
        cseqMethod: SIPMethod? = nil
    ) -> SIPRequest {
        var to = SIPNameAddress(uri: requestURI)
        to.tag = toTag
        var from = SIPNameAddress(uri: SIPURI(user: "+15559870000", host: "sbc.example.com"))
        from.tag = fromTag
        let headers = SIPHeaders(
            via: [via], from: from, to: to, callID: callID,
            cseq: SIPCSeq(sequenceNumber: sequenceNumber, method: cseqMethod ?? method)
        )
        return SIPRequest(method: method, requestURI: requestURI, headers: headers)
    }

    /// A response to `request` with its Via, From, To, Call-ID and CSeq, and `toTag` on To.
    static func response(_ statusCode: Int, to request: SIPRequest, toTag: String? = "a6c85cf") -> SIPResponse {
        var headers = request.headers
        headers.to.tag = toTag
        return SIPResponse(statusCode: statusCode, reasonPhrase: "Reason", headers: headers)
    }

    /// A response whose topmost Via and CSeq are given directly.
    static func response(via: [SIPVia], cseqMethod: SIPMethod) -> SIPResponse {
        var headers = request(cseqMethod).headers
        headers.via = via
        return SIPResponse(statusCode: 200, reasonPhrase: "OK", headers: headers)
    }
}
