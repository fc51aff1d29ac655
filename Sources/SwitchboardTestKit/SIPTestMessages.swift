import SIPCore

/// Building blocks for the messages a test plays on behalf of the SBC, the PSTN caller and the
/// Teams agents: fresh tags and branches, SDP bodies, and responses to what Switchboard sent.
public enum SIPTestMessages {
    /// A fresh tag for From or To.
    public static func makeTag() -> String {
        String(UInt64.random(in: .min ... .max), radix: 36)
    }

    /// A fresh RFC 3261 branch (with the magic cookie).
    public static func makeBranch() -> String {
        "z9hG4bK" + String(UInt64.random(in: .min ... .max), radix: 36)
    }

    /// A Via for a request sent from `host:port` over UDP, with a fresh branch and `rport`.
    public static func via(host: String, port: Int) -> SIPVia {
        SIPVia(transport: "UDP", host: host, port: port,
               parameters: [SIPParameter(name: "branch", value: makeBranch()), SIPParameter(name: "rport")])
    }

    /// An SDP body like the ones SIPp sends: origin `owner sessionID version`, session name `session`,
    /// one PCMU/telephone-event audio stream on `port`, an optional `a=fmtp:` value and the direction attribute.
    public static func sdp(owner: String, sessionID: Int, version: Int = 1, session: String, port: Int,
                           fmtp: String? = nil, direction: String = "sendrecv") -> [UInt8] {
        var lines = [
            "v=0", "o=\(owner) \(sessionID) \(version) IN IP4 127.0.0.1",
            "s=\(session)", "c=IN IP4 127.0.0.1", "t=0 0", "m=audio \(port) RTP/AVP 0 101",
            "a=rtpmap:0 PCMU/8000", "a=rtpmap:101 telephone-event/8000",
        ]
        if let fmtp { lines.append("a=fmtp:\(fmtp)") }
        lines.append("a=\(direction)")
        return Array(lines.map { $0 + "\r\n" }.joined().utf8)
    }

    /// A response to `request` (RFC 3261 §8.2.6): Via, From, To, Call-ID and CSeq copied, `toTag`
    /// added when To has none, Record-Route echoed, and the given Contact and SDP body.
    public static func response(to request: SIPRequest, statusCode: Int, toTag: String? = nil, contact: SIPNameAddress? = nil,
                                sdp: [UInt8] = [], headers: [SIPHeaderField] = []) -> SIPResponse {
        var response = SIPResponse(replyingTo: request, statusCode: statusCode, toTag: statusCode == 100 ? nil : toTag)
        response.headers.recordRoute = request.headers.recordRoute
        if let contact, statusCode > 100 { response.headers.contact = [contact] }
        response.headers.fields.append(contentsOf: headers)
        if !sdp.isEmpty {
            response.headers.contentType = "application/sdp"
            response.body = sdp
        }
        return response
    }
}
