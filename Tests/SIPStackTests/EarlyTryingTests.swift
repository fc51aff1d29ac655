import SIPCore
@testable import SIPStack
import SIPTransaction
@testable import SIPTransport
import SwitchboardTestKit
import Testing

/// A new call's `100 Trying` written from the INVITE's bytes before its parse: the same response
/// the transaction would write after it, under the same key, sent once, and taken by the INVITE's
/// transaction as its own.
@Suite("A new call's 100 Trying before its parse")
struct EarlyTryingTests {
    struct Arrival: CustomTestStringConvertible, Sendable {
        let headers: String
        let sourceIP: String
        let sourcePort: Int
        var testDescription: String { headers.split(separator: "\r\n").first.map(String.init) ?? "" }
    }

    static let arrivals = [
        Arrival(headers: "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-a1", sourceIP: "192.0.2.10", sourcePort: 5060),
        Arrival(headers: "Via: SIP/2.0/UDP 192.0.2.10:5060;rport;branch=z9hG4bK-a2", sourceIP: "198.51.100.7", sourcePort: 40_000),
        Arrival(headers: "Via: SIP/2.0/UDP sbc.example.com;branch=z9hG4bK-a3", sourceIP: "192.0.2.10", sourcePort: 5060),
        Arrival(headers: "Via: SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bK-a4", sourceIP: "2001:db8::1", sourcePort: 5060),
        Arrival(headers: "v: SIP/2.0/udp 192.0.2.10;BRANCH=Z9HG4BK-A5\r\nVia: SIP/2.0/TCP 10.0.0.1:5070;branch=z9hG4bK-up\r\nTimestamp: 54",
                sourceIP: "192.0.2.10", sourcePort: 5060),
    ]

    /// An INVITE from the SBC with `headers` (its Vias, and any more) first.
    static func invite(_ headers: String) -> [UInt8] {
        Array(("INVITE sip:+15550100@192.0.2.1 SIP/2.0\r\n\(headers)\r\nFrom: \"Caller\" <sip:+15551230000@192.0.2.10>;tag=f1\r\n"
            + "To: <sip:+15550100@192.0.2.1;user=phone>\r\nCall-ID: early@sbc\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\n"
            + "Content-Length: 0\r\n\r\n").utf8)
    }

    struct NotARequest: Error {}

    /// The INVITE as the transport hands it up: parsed, its top Via stamped.
    static func handedUp(_ bytes: [UInt8], from source: SIPPeerAddress) throws -> SIPRequest {
        guard case .request(var request) = try SIPMessage(parsing: bytes) else { throw NotARequest() }
        SIPTransport.stampVia(&request.headers, source: source)
        return request
    }

    @Test("The 100 from the bytes is the one the transaction writes after the parse, under the request's key", arguments: arrivals)
    func sameAsAfterTheParse(arrival: Arrival) throws {
        let bytes = Self.invite(arrival.headers)
        let source = try SIPPeerAddress(transport: .udp, host: arrival.sourceIP, port: arrival.sourcePort)
        let request = try Self.handedUp(bytes, from: source)
        let expected = SIPResponse(replyingTo: request, statusCode: 100)
        let trying = try #require(bytes.withUnsafeBytes { SIPEarlyTrying(invite: $0, sourceIP: source.ipAddress, sourcePort: source.port) })
        guard case .response(let early) = try SIPMessage(parsing: trying.bytes) else { Issue.record("not a response"); return }
        #expect(early.statusCode == 100)
        #expect(early.reasonPhrase == expected.reasonPhrase)
        #expect(early.headers.via == expected.headers.via)
        #expect(early.headers.from == expected.headers.from)
        #expect(early.headers.to == expected.headers.to)
        #expect(early.headers.callID == expected.headers.callID)
        #expect(early.headers.cseq == expected.headers.cseq)
        #expect(early.headers["Timestamp"] == expected.headers["Timestamp"])
        #expect(early.body.isEmpty)
        #expect(ServerTransactionKey(inviteBranch: trying.branch, host: trying.sentByHost, port: trying.sentByPort)
            == ServerTransactionKey(request: request))
    }

    @Test func theINVITEsTransactionTakesTheEarly100AsItsOwn() throws {
        let harness = try LayerHarness()
        let bytes = harness.caller().invite.serialized()
        let request = try Self.handedUp(bytes, from: harness.peer)
        let answer = { bytes.withUnsafeBytes { harness.layer.answerNewCallEarly($0, from: harness.peer) } }
        harness.layer.readBatchBegan()
        #expect(answer())
        #expect(harness.takeSent() == ["100 INVITE"])
        #expect(!answer(), "answered once in a batch")
        #expect(harness.receive(.request(request)) == [])
        let transaction = try #require(harness.user.requests.first?.transaction)
        transaction.respond(statusCode: 100)
        #expect(harness.takeSent() == [], "the TU's own 100 is not sent again")
        #expect(harness.layer.responsesSent[100] == 1)
        #expect(!answer(), "a retransmission is its transaction's to answer")
        #expect(harness.receive(.request(request)) == ["100 INVITE"], "the early 100 again")
        transaction.respond(statusCode: 180)
        #expect(harness.takeSent() == ["180 INVITE"])
        harness.layer.readBatchEnded()
        #expect(harness.layer.earlyTryings.isEmpty)
    }

    @Test func noEarlyAnswerWhileNewCallsAreRefusedOrTheTableIsFull() throws {
        let harness = try LayerHarness()
        let admission = RefusingAdmission(reason: "Overloaded")
        harness.layer.admission = admission
        let bytes = harness.caller().invite.serialized()
        #expect(!bytes.withUnsafeBytes { harness.layer.answerNewCallEarly($0, from: harness.peer) })
        #expect(harness.takeSent() == [])
        #expect(harness.receive(.request(try Self.handedUp(bytes, from: harness.peer))) == ["503 INVITE"], "the 503 alone")

        let full = try LayerHarness(maximumServerTransactions: 0)
        #expect(!bytes.withUnsafeBytes { full.layer.answerNewCallEarly($0, from: full.peer) })
        #expect(full.takeSent() == [])
    }

    @Test func anAnswerWhoseINVITENeverCameUpIsForgottenAtTheBatchEnd() throws {
        let harness = try LayerHarness()
        let bytes = harness.caller().invite.serialized()
        harness.layer.readBatchBegan()
        #expect(bytes.withUnsafeBytes { harness.layer.answerNewCallEarly($0, from: harness.peer) })
        harness.layer.readBatchEnded()
        #expect(harness.layer.earlyTryings.isEmpty)
        #expect(harness.takeSent() == ["100 INVITE"])
        harness.receive(.request(try Self.handedUp(bytes, from: harness.peer)))
        try #require(harness.user.requests.first?.transaction).respond(statusCode: 100)
        #expect(harness.takeSent() == ["100 INVITE"], "a transaction without an early 100 sends its own")
    }
}
