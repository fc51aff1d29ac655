import SIPCore

extension AgentInviteBuilder {
    /// The INVITE that calls a caller back through the SBC: Request-URI and To
    /// `sip:<caller's number>@<sbc>;user=phone`, the number the caller had dialled in From and
    /// P-Asserted-Identity (what the caller's phone shows), a fresh Call-ID, tag and branch, and `offer`
    /// as the SDP (Teams and most SBCs need an offer in the INVITE).
    public func makeCallback(to callerNumber: String, from dialedNumber: String, callID: String, fromTag: String, branch: String,
                             offer: [UInt8], extraHeaders: [SIPHeaderField] = []) -> SIPRequest {
        let callerURI = SIPURI(user: callerNumber, host: sbcHost, port: sbcPort, parameters: [SIPParameter(name: "user", value: "phone")])
        let ownURI = SIPURI(user: dialedNumber, host: localHost, parameters: [SIPParameter(name: "user", value: "phone")])
        var headers = SIPHeaders(
            via: [SIPVia(transport: transport, host: localHost, port: localPort,
                         parameters: [SIPParameter(name: "branch", value: branch), SIPParameter(name: "rport")])],
            from: SIPNameAddress(uri: ownURI, parameters: [SIPParameter(name: "tag", value: fromTag)]),
            to: SIPNameAddress(uri: callerURI),
            callID: callID,
            cseq: SIPCSeq(sequenceNumber: 1, method: .invite),
            contact: [SIPNameAddress(uri: SIPURI(host: localHost, port: localPort,
                                                 parameters: transport == "UDP" ? [] : [SIPParameter(name: "transport", value: transport.lowercased())]))],
            maxForwards: 70,
            contentType: "application/sdp")
        headers.add("P-Asserted-Identity", SIPNameAddress(uri: ownURI).description)
        headers.add("Allow", UASRequestInspection.allowHeader)
        headers.fields.append(contentsOf: extraHeaders)
        return SIPRequest(method: .invite, requestURI: callerURI, headers: headers, body: offer)
    }
}
