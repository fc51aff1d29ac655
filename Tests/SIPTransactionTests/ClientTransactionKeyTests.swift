import SIPTransaction
import Testing

@Suite struct ClientTransactionKeyTests {
    private let invite = MessageFactory.request(.invite)

    @Test(arguments: [100, 180, 200, 486])
    func responsesFindTheirRequestWhateverTheirToTag(statusCode: Int) {
        let fromOneFork = MessageFactory.response(statusCode, to: invite, toTag: "a6c85cf")
        let fromAnother = MessageFactory.response(statusCode, to: invite, toTag: "b7d96dg")
        #expect(ClientTransactionKey(response: fromOneFork) == ClientTransactionKey(request: invite))
        #expect(ClientTransactionKey(response: fromAnother) == ClientTransactionKey(request: invite))
    }

    @Test func cancelSharesTheBranchButNotTheTransaction() {
        let cancel = MessageFactory.request(.cancel)
        let cancelResponse = MessageFactory.response(200, to: cancel)
        #expect(ClientTransactionKey(request: cancel) != ClientTransactionKey(request: invite))
        #expect(ClientTransactionKey(response: cancelResponse) == ClientTransactionKey(request: cancel))
        #expect(ClientTransactionKey(response: cancelResponse) != ClientTransactionKey(request: invite))
    }

    @Test func anotherBranchIsAnotherTransaction() {
        let response = MessageFactory.response(via: [MessageFactory.via(branch: "z9hG4bK776asdhdt")], cseqMethod: .invite)
        #expect(ClientTransactionKey(response: response) != ClientTransactionKey(request: invite))
    }

    @Test func aBranchBeyondASCIIComparesLowercased() {
        let upper = MessageFactory.response(via: [MessageFactory.via(branch: "z9hG4bK776ASDHD\u{C9}")], cseqMethod: .invite)
        let lower = MessageFactory.request(.invite, via: MessageFactory.via(branch: "z9hg4bk776asdhd\u{E9}"))
        #expect(ClientTransactionKey(response: upper) == ClientTransactionKey(request: lower))
        #expect(ClientTransactionKey(response: upper) != ClientTransactionKey(request: invite))
    }

    @Test func theBranchComparesIgnoringCase() {
        let response = MessageFactory.response(via: [MessageFactory.via(branch: "z9hG4bK776ASDHDS")], cseqMethod: .invite)
        #expect(ClientTransactionKey(response: response) == ClientTransactionKey(request: invite))
    }

    @Test func onlyTheTopmostViaCounts() {
        let response = MessageFactory.response(
            via: [MessageFactory.via(branch: "z9hG4bK776asdhds"), MessageFactory.via(branch: "z9hG4bKproxy1")],
            cseqMethod: .invite)
        #expect(ClientTransactionKey(response: response) == ClientTransactionKey(request: invite))
    }

    @Test func withoutATopmostBranchThereIsNoKey() {
        #expect(ClientTransactionKey(response: MessageFactory.response(via: [], cseqMethod: .invite)) == nil)
        #expect(ClientTransactionKey(response: MessageFactory.response(
            via: [MessageFactory.via(branch: nil), MessageFactory.via(branch: "z9hG4bK776asdhds")],
            cseqMethod: .invite)) == nil)
        #expect(ClientTransactionKey(request: MessageFactory.request(.options, via: MessageFactory.via(branch: nil))) == nil)
    }
}
