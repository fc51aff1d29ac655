import SIPTransaction
import Testing

@Suite struct TransactionTableTests {
    private let invite = MessageFactory.request(.invite)

    private func serverKey(branch: String) throws -> TransactionKey {
        let request = MessageFactory.request(.invite, via: MessageFactory.via(branch: branch))
        return .server(try #require(ServerTransactionKey(request: request)))
    }

    @Test func startsEmpty() {
        let table = TransactionTable<Int>()
        #expect(table.isEmpty)
        #expect(table.count == 0)
    }

    @Test func clientAndServerTransactionsOfOneBranchDoNotCollide() throws {
        var table = TransactionTable<String>()
        let client = TransactionKey.client(try #require(ClientTransactionKey(request: invite)))
        let server = TransactionKey.server(try #require(ServerTransactionKey(request: invite)))
        table[client] = "client"
        table[server] = "server"
        #expect(table.count == 2)
        #expect(table[client] == "client")
        #expect(table[server] == "server")
    }

    @Test func theACKFindsTheStoredInviteServerTransactionAndMutatesItInPlace() throws {
        var table = TransactionTable<InviteServerTransaction>()
        let key = TransactionKey.server(try #require(ServerTransactionKey(request: invite)))
        table[key] = InviteServerTransaction(reliable: true)
        #expect(table[key]?.sendResponse(statusCode: 486) == [.sendResponse, .startTimer(.timerH, .seconds(32))])
        let ack = MessageFactory.request(.ack, toTag: "a6c85cf")
        let ackKey = TransactionKey.server(try #require(ServerTransactionKey(request: ack)))
        #expect(table[ackKey]?.state == .completed)
        #expect(table[ackKey]?.receivedACK() == [.terminated])
        #expect(table[key]?.state == .terminated)
    }

    @Test func removalAndReplacement() throws {
        var table = TransactionTable<Int>()
        let first = try serverKey(branch: "z9hG4bKfirst")
        let second = try serverKey(branch: "z9hG4bKsecond")
        table[first] = 1
        table[second] = 2
        table[first] = 10
        #expect(table.count == 2)
        #expect(table[first] == 10)
        #expect(table.removeValue(for: first) == 10)
        #expect(table.removeValue(for: first) == nil)
        #expect(table[first] == nil)
        table[second] = nil
        #expect(table.isEmpty)
    }

    @Test func holdsManyTransactions() throws {
        var table = TransactionTable<Int>()
        for index in 0..<1_000 {
            table[try serverKey(branch: "z9hG4bK\(index)")] = index
        }
        #expect(table.count == 1_000)
        #expect(table[try serverKey(branch: "z9hG4bK617")] == 617)
    }
}
