import SIPCore
import SIPTransaction
import Testing

@Suite struct ServerTransactionKeyTests {
    private let invite = MessageFactory.request(.invite)

    /// The ACK a client transaction builds for a non-2xx final response (RFC 3261 §17.1.1.3).
    private func ackForFailure(of invite: SIPRequest) -> SIPRequest {
        MessageFactory.request(.ack, via: invite.headers.via[0], requestURI: invite.requestURI, toTag: "a6c85cf",
                               callID: invite.headers.callID, sequenceNumber: invite.headers.cseq.sequenceNumber)
    }

    /// The CANCEL a client builds for `invite` (§9.1): same Request-URI, Call-ID, From, To, CSeq number, top Via.
    private func cancel(of invite: SIPRequest) -> SIPRequest {
        MessageFactory.request(.cancel, via: invite.headers.via[0], requestURI: invite.requestURI,
                               callID: invite.headers.callID, sequenceNumber: invite.headers.cseq.sequenceNumber)
    }

    @Test func ackForANon2xxMatchesItsInvite() {
        #expect(ServerTransactionKey(request: ackForFailure(of: invite)) == ServerTransactionKey(request: invite))
    }

    @Test func ackForA2xxHasItsOwnBranchAndMatchesNothing() {
        let ack = MessageFactory.request(.ack, via: MessageFactory.via(branch: "z9hG4bKnashds8"), toTag: "a6c85cf")
        #expect(ServerTransactionKey(request: ack) != ServerTransactionKey(request: invite))
    }

    @Test func cancelFindsItsInviteButIsATransactionOfItsOwn() {
        let cancel = cancel(of: invite)
        #expect(ServerTransactionKey.forCancelTarget(cancel) == ServerTransactionKey(request: invite))
        #expect(ServerTransactionKey(request: cancel) != ServerTransactionKey(request: invite))
        #expect(ServerTransactionKey(request: cancel) != nil)
    }

    @Test func anotherMethodWithTheSameBranchIsAnotherTransaction() {
        let bye = MessageFactory.request(.bye)
        #expect(ServerTransactionKey(request: bye) != ServerTransactionKey(request: invite))
    }

    @Test(arguments: [
        MessageFactory.via(branch: "z9hG4bK776asdhdt"),
        MessageFactory.via(branch: "z9hG4bK776asdhds", host: "sbc2.example.com"),
        MessageFactory.via(branch: "z9hG4bK776asdhds", port: 5070),
        MessageFactory.via(branch: "z9hG4bK776asdhds", port: nil),
    ])
    func anotherBranchOrSentByIsAnotherTransaction(via: SIPVia) {
        #expect(ServerTransactionKey(request: MessageFactory.request(.invite, via: via))
            != ServerTransactionKey(request: invite))
    }

    @Test(arguments: [
        MessageFactory.via(branch: "z9hG4bK776ASDHDS"),
        MessageFactory.via(branch: "Z9HG4BK776asdhds"),
        MessageFactory.via(branch: "z9hG4bK776asdhds", host: "SBC.Example.COM"),
    ])
    func branchAndHostCompareIgnoringCase(via: SIPVia) {
        #expect(ServerTransactionKey(request: MessageFactory.request(.invite, via: via))
            == ServerTransactionKey(request: invite))
    }

    @Test func aBranchBeyondASCIIIsLowercasedAsUnicodeSays() {
        // U+212A KELVIN SIGN lowercases to an ASCII k, so this branch has the magic cookie.
        let kelvin = MessageFactory.request(.invite, via: MessageFactory.via(branch: "z9hG4b\u{212A}776asdhds"))
        #expect(ServerTransactionKey(request: kelvin) == ServerTransactionKey(request: invite))
    }

    @Test func aHostBeyondASCIIComparesLowercased() {
        let upper = MessageFactory.request(.invite, via: MessageFactory.via(branch: "z9hG4bK776asdhds", host: "SBC.\u{C9}XAMPLE.COM"))
        let lower = MessageFactory.request(.invite, via: MessageFactory.via(branch: "z9hG4bK776asdhds", host: "sbc.\u{E9}xample.com"))
        #expect(ServerTransactionKey(request: upper) == ServerTransactionKey(request: lower))
        #expect(ServerTransactionKey(request: upper) != ServerTransactionKey(request: invite))
    }

    @Test func aMissingPortIsNotPort5060() {
        let withoutPort = MessageFactory.request(.invite, via: MessageFactory.via(branch: "z9hG4bK776asdhds", port: nil))
        #expect(ServerTransactionKey(request: withoutPort) != ServerTransactionKey(request: invite))
    }

    @Test func theTransportIsNotPartOfTheKey() {
        var via = invite.headers.via[0]
        via.transport = "TCP"
        #expect(ServerTransactionKey(request: MessageFactory.request(.invite, via: via))
            == ServerTransactionKey(request: invite))
    }

    @Test func aRequestWithoutViaHasNoKey() {
        var request = invite
        request.headers.via = []
        #expect(ServerTransactionKey(request: request) == nil)
        #expect(ServerTransactionKey.forCancelTarget(request) == nil)
    }
}
