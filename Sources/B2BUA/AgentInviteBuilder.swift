import SIPCore

/// Builds the B-leg INVITE that offers a caller to a Teams agent through the SBC, as Direct Routing
/// requires (Microsoft Learn, "Plan Direct Routing" and the SBC SIP requirements): Request-URI and To `sip:+E164@<sbc>;user=phone`, the caller's
/// number in From and P-Asserted-Identity, fresh Call-ID/tag/branch, always the caller's SDP offer, and
/// never a Replaces header.
public struct AgentInviteBuilder: Sendable {
    /// The host for Request-URI and To (the SBC's address or FQDN).
    public var sbcHost: String
    /// The SBC's port, when not the default.
    public var sbcPort: Int?
    /// Switchboard's own host and port for From, Contact and Via.
    public var localHost: String
    /// Switchboard's port.
    public var localPort: Int
    /// The Via transport token toward the SBC.
    public var transport: String

    /// Creates a builder for one trunk.
    public init(sbcHost: String, sbcPort: Int?, localHost: String, localPort: Int, transport: String) {
        self.sbcHost = sbcHost
        self.sbcPort = sbcPort
        self.localHost = localHost
        self.localPort = localPort
        self.transport = transport
    }

    /// The caller's number as the agent should see it: P-Asserted-Identity first, then From.
    public static func callerNumber(of invite: SIPRequest) -> String {
        let identity = invite.headers.pAssertedIdentity.first?.uri ?? invite.headers.from.uri
        return identity.user ?? "anonymous"
    }

    /// The INVITE offering `caller` (the A-leg INVITE) to the agent at `agentNumber`; the From display
    /// name is `namePrefix` followed by the caller's number.
    public func makeInvite(offering caller: SIPRequest, to agentNumber: String, namePrefix: String,
                           callID: String, fromTag: String, branch: String, extraHeaders: [SIPHeaderField] = []) -> SIPRequest {
        let number = Self.callerNumber(of: caller)
        let agentURI = SIPURI(user: agentNumber, host: sbcHost, port: sbcPort, parameters: [SIPParameter(name: "user", value: "phone")])
        let callerURI = SIPURI(user: number, host: localHost, parameters: [SIPParameter(name: "user", value: "phone")])
        var headers = SIPHeaders(
            via: [SIPVia(transport: transport, host: localHost, port: localPort,
                         parameters: [SIPParameter(name: "branch", value: branch), SIPParameter(name: "rport")])],
            from: SIPNameAddress(displayName: namePrefix + number, uri: callerURI, parameters: [SIPParameter(name: "tag", value: fromTag)]),
            to: SIPNameAddress(uri: agentURI),
            callID: callID,
            cseq: SIPCSeq(sequenceNumber: 1, method: .invite),
            contact: [SIPNameAddress(uri: SIPURI(host: localHost, port: localPort,
                                                 parameters: transport == "UDP" ? [] : [SIPParameter(name: "transport", value: transport.lowercased())]))],
            maxForwards: 70,
            contentType: caller.body.isEmpty ? nil : (caller.headers.contentType ?? "application/sdp"))
        headers.add("P-Asserted-Identity", SIPNameAddress(uri: callerURI).description)
        headers.add("Allow", UASRequestInspection.allowHeader)
        headers.fields.append(contentsOf: extraHeaders)
        return SIPRequest(method: .invite, requestURI: agentURI, headers: headers, body: caller.body)
    }
}
