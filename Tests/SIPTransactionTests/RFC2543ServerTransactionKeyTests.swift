import SIPCore
import SIPTransaction
import Testing

/// RFC 2543 requests: no branch, or a branch without the magic cookie (§17.2.3, the fallback rule).
@Suite struct RFC2543ServerTransactionKeyTests {
    private static let oldVia = MessageFactory.via(branch: nil)
    private let invite = MessageFactory.request(.invite, via: oldVia)

    /// One field changed from the INVITE the tests start with.
    enum Change: CaseIterable, Sendable {
        case requestURI, fromTag, callID, sequenceNumber, viaHost, viaParameter
    }

    private func changing(_ change: Change) -> SIPRequest {
        var request = invite
        switch change {
        case .requestURI: request.requestURI.user = "+15551239999"
        case .fromTag: request.headers.from.tag = "other"
        case .callID: request.headers.callID = "other@sbc.example.com"
        case .sequenceNumber: request.headers.cseq.sequenceNumber = 2
        case .viaHost: request.headers.via[0].host = "sbc2.example.com"
        case .viaParameter: request.headers.via[0].received = "192.0.2.7"
        }
        return request
    }

    @Test func retransmissionMatches() {
        #expect(ServerTransactionKey(request: MessageFactory.request(.invite, via: Self.oldVia))
            == ServerTransactionKey(request: invite))
    }

    @Test(arguments: Change.allCases)
    func eachMatchedFieldTells(change: Change) {
        #expect(ServerTransactionKey(request: changing(change)) != ServerTransactionKey(request: invite))
    }

    @Test func ackMatchesItsInviteWhateverItsToTag() {
        let ack = MessageFactory.request(.ack, via: Self.oldVia, toTag: "a6c85cf")
        #expect(ServerTransactionKey(request: ack) == ServerTransactionKey(request: invite))
    }

    @Test func cancelFindsItsInviteButIsATransactionOfItsOwn() {
        let cancel = MessageFactory.request(.cancel, via: Self.oldVia)
        #expect(ServerTransactionKey.forCancelTarget(cancel) == ServerTransactionKey(request: invite))
        #expect(ServerTransactionKey(request: cancel) != ServerTransactionKey(request: invite))
    }

    @Test func theToTagTellsNonInviteRequestsApart() {
        let bye = MessageFactory.request(.bye, via: Self.oldVia, toTag: "a6c85cf")
        let otherBye = MessageFactory.request(.bye, via: Self.oldVia, toTag: "b7d96dg")
        #expect(ServerTransactionKey(request: bye) != ServerTransactionKey(request: otherBye))
    }

    @Test func theToTagIsLeftOutForInvite() {
        let reInvite = MessageFactory.request(.invite, via: Self.oldVia, toTag: "a6c85cf")
        let otherReInvite = MessageFactory.request(.invite, via: Self.oldVia, toTag: "b7d96dg")
        #expect(ServerTransactionKey(request: reInvite) == ServerTransactionKey(request: otherReInvite))
    }

    @Test func aBranchWithoutTheCookieIsNotTrusted() {
        let via = MessageFactory.via(branch: "776asdhds")
        let first = MessageFactory.request(.invite, via: via)
        let other = MessageFactory.request(.invite, via: via, callID: "other@sbc.example.com")
        #expect(ServerTransactionKey(request: first) != ServerTransactionKey(request: other))
    }

    @Test func anRFC3261RequestWithTheSameFieldsIsAnotherTransaction() {
        let modern = MessageFactory.request(.invite, via: MessageFactory.via(branch: "z9hG4bK776asdhds"))
        #expect(ServerTransactionKey(request: modern) != ServerTransactionKey(request: invite))
    }
}
