import SIPCore
import SIPDialog
import Testing

/// Messages of one call, built with the SIPCore model: Alice (atlanta) calls Bob (biloxi) through
/// two record-routing proxies, p1 next to Alice and p2 next to Bob (RFC 3261 §24 style).
enum Fixtures {
    static let callID = "a84b4c76e66710@pc33.atlanta.example.com"
    static let aliceTag = "1928301774"
    static let bobTag = "a6c85cf"
    static let inviteSequenceNumber: UInt32 = 314159

    static let alice = SIPURI(user: "alice", host: "atlanta.example.com")
    static let bob = SIPURI(user: "bob", host: "biloxi.example.com")
    static let aliceContact = SIPURI(user: "alice", host: "pc33.atlanta.example.com")
    static let bobContact = SIPURI(user: "bob", host: "192.0.2.4", port: 5060)

    /// Record-Route as Bob receives it and as the responses carry it: p2 (Bob's side) first.
    static let recordRoute = [route("p2.biloxi.example.com"), route("p1.atlanta.example.com")]

    static func route(_ host: String, lr: Bool = true) -> SIPNameAddress {
        SIPNameAddress(uri: SIPURI(host: host, parameters: lr ? [SIPParameter(name: "lr")] : []))
    }

    static func via(_ branch: String, transport: String = "UDP", host: String = "pc33.atlanta.example.com") -> SIPVia {
        SIPVia(transport: transport, host: host, parameters: [SIPParameter(name: "branch", value: branch)])
    }

    static func address(_ uri: SIPURI, tag: String?) -> SIPNameAddress {
        var address = SIPNameAddress(uri: uri)
        address.tag = tag
        return address
    }

    /// Alice's INVITE, as it reaches Bob.
    static func invite(requestURI: SIPURI = bob, transport: String = "UDP",
                       recordRoute: [SIPNameAddress] = recordRoute, contact: [SIPNameAddress] = [SIPNameAddress(uri: aliceContact)]) -> SIPRequest {
        let headers = SIPHeaders(
            via: [via("z9hG4bKnashds8", transport: transport)], from: address(alice, tag: aliceTag), to: address(bob, tag: nil),
            callID: callID, cseq: SIPCSeq(sequenceNumber: inviteSequenceNumber, method: .invite),
            contact: contact, recordRoute: recordRoute, maxForwards: 70
        )
        return SIPRequest(method: .invite, requestURI: requestURI, headers: headers)
    }

    /// Bob's response to `request`, with `toTag` and, when given, Contact.
    static func response(_ statusCode: Int, to request: SIPRequest, toTag: String? = bobTag, contact: SIPURI? = bobContact,
                         recordRoute: [SIPNameAddress] = recordRoute, fields: [SIPHeaderField] = []) -> SIPResponse {
        var headers = request.headers
        headers.to.tag = toTag
        headers.contact = contact.map { [SIPNameAddress(uri: $0)] } ?? []
        headers.recordRoute = recordRoute
        headers.route = []
        headers.maxForwards = nil
        headers.fields = fields
        return SIPResponse(statusCode: statusCode, reasonPhrase: "Reason", headers: headers)
    }

    /// A request Alice sends in the dialog, as it reaches Bob.
    static func aliceRequest(_ method: SIPMethod, sequenceNumber: UInt32, toTag: String? = bobTag,
                             contact: SIPURI? = nil, fields: [SIPHeaderField] = []) -> SIPRequest {
        let headers = SIPHeaders(
            via: [via("z9hG4bK776asdhds")], from: address(alice, tag: aliceTag), to: address(bob, tag: toTag),
            callID: callID, cseq: SIPCSeq(sequenceNumber: sequenceNumber, method: method),
            contact: contact.map { [SIPNameAddress(uri: $0)] } ?? [], maxForwards: 70, fields: fields
        )
        return SIPRequest(method: method, requestURI: bobContact, headers: headers)
    }

    /// Bob's dialog as UAS of Alice's INVITE.
    static func bobDialog() throws -> SIPDialog {
        try #require(SIPDialog(uasFor: invite(), localTag: bobTag))
    }

    /// Alice's dialog as UAC, confirmed by Bob's 200.
    static func aliceDialog() throws -> SIPDialog {
        let invite = invite()
        return try #require(SIPDialog(uacFor: invite, response: response(200, to: invite)))
    }
}
