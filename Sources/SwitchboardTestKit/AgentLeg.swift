import SIPCore

/// One Teams endpoint answering a B-leg INVITE that Switchboard sent through the SBC: its
/// provisional and final responses (with its To tag, Contact and the SBC's Record-Route), and once
/// it answered, the agent's side of the dialog. Several legs with different To tags on one INVITE
/// are the forks of a forking proxy.
public struct AgentLeg: Sendable {
    /// The answer SIPp's agents send, naming the agent in `s=`.
    public static func answer(for agentNumber: String, port: Int = 7000) -> [UInt8] {
        SIPTestMessages.sdp(owner: "teams", sessionID: 2001, session: "agent \(agentNumber)", port: port)
    }

    /// The B-leg INVITE being answered.
    public let invite: SIPRequest
    /// This endpoint's To tag.
    public let toTag: String
    /// This endpoint's Contact.
    public let contact: SIPNameAddress
    /// The Record-Route the SBC added on the way to the agent, echoed in dialog-creating responses.
    public let recordRoute: [SIPNameAddress]
    private let host: String
    private let port: Int

    /// An endpoint at `host:port` answering `invite` with `toTag`, behind an SBC at `sbcHost:sbcPort`.
    public init(answering invite: SIPRequest, toTag: String = SIPTestMessages.makeTag(), host: String = "192.0.2.50", port: Int = 5061,
                sbcHost: String, sbcPort: Int = 5060) {
        self.invite = invite
        self.toTag = toTag
        self.host = host
        self.port = port
        contact = SIPNameAddress(uri: SIPURI(user: invite.requestURI.user, host: host, port: port))
        recordRoute = [SIPNameAddress(uri: SIPURI(host: sbcHost, port: sbcPort, parameters: [SIPParameter(name: "lr")]))]
    }

    /// The agent's number, from the Request-URI.
    public var number: String { invite.requestURI.user ?? "" }

    /// A response to the INVITE: `100` plain, anything else with this endpoint's To tag and Contact,
    /// the SBC's Record-Route, and `sdp` as the body when given.
    public func response(_ statusCode: Int, sdp: [UInt8] = [], headers: [SIPHeaderField] = []) -> SIPResponse {
        var response = SIPTestMessages.response(to: invite, statusCode: statusCode, toTag: toTag, contact: contact, sdp: sdp, headers: headers)
        if statusCode > 100 && statusCode < 300 { response.headers.recordRoute = recordRoute }
        return response
    }

    /// The 200 OK with the agent's SDP answer (by default `answer(for:)` of this agent).
    public func ok(sdp: [UInt8]? = nil) -> SIPResponse {
        response(200, sdp: sdp ?? Self.answer(for: number))
    }

    /// A response to a request Switchboard sent to this endpoint (CANCEL, BYE, re-INVITE, NOTIFY):
    /// `200` by default, with this endpoint's Contact and the given SDP.
    public func response(to request: SIPRequest, statusCode: Int = 200, sdp: [UInt8] = []) -> SIPResponse {
        SIPTestMessages.response(to: request, statusCode: statusCode, toTag: request.method == .cancel ? nil : toTag,
                                 contact: [SIPMethod.invite, .update].contains(request.method) ? contact : nil, sdp: sdp)
    }

    /// The agent's side of the dialog its 2xx created: From is Switchboard's, To this endpoint's, the
    /// requests go to Switchboard's Contact.
    public func dialog(localSequenceNumber: UInt32 = 100) -> SIPTestDialog {
        var local = invite.headers.to
        local.tag = toTag
        return SIPTestDialog(callID: invite.headers.callID, local: local, remote: invite.headers.from,
                             remoteTarget: invite.headers.contact.first?.uri ?? invite.requestURI, contact: contact,
                             localSequenceNumber: localSequenceNumber, viaHost: host, viaPort: port)
    }
}
