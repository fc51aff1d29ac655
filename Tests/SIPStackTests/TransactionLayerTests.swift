import SIPCore
import SIPStack
import SwitchboardTestKit
import Testing

@Suite("Transaction layer over the loopback sender")
struct TransactionLayerTests {
    @Test func aFinalNon2xxToAnInviteIsRetransmittedOverUDPUntilTheACK() throws {
        let harness = try LayerHarness()
        let caller = harness.caller()
        #expect(harness.receive(.request(caller.invite)) == [])
        let transaction = try #require(harness.user.requests.first?.transaction)
        transaction.respond(statusCode: 486)
        let busy = try #require(harness.sender.takeSent().first?.response)
        #expect(busy.statusCode == 486)

        for interval in [harness.t1, harness.t1 * 2, harness.t1 * 4, harness.layer.timers.t2] {
            #expect(harness.advance(by: interval - .milliseconds(10)) == [])
            #expect(harness.advance(by: .milliseconds(10)) == ["486 INVITE"])
        }

        #expect(harness.receive(.request(caller.ack(forFailure: busy))) == [])
        #expect(harness.user.acks.isEmpty)
        #expect(harness.advance(by: harness.layer.timers.t2 * 2) == [])
        #expect(harness.layer.serverTransactionCount == 0)
        #expect(harness.user.failed.isEmpty)
    }

    @Test func aClientNonInviteTimesOutToA408AfterSixtyFourT1() throws {
        let harness = try LayerHarness()
        let caller = harness.caller()
        var dialog = caller.dialog(answeredBy: SIPResponse(replyingTo: caller.invite, statusCode: 200, toTag: "remote"))
        var responses: [Int] = []
        harness.layer.send(dialog.request(.options), to: harness.peer) { responses.append($0.statusCode) }
        #expect(harness.takeSent() == ["OPTIONS"])

        let retransmissions = harness.advance(by: harness.t1 * 64 - .milliseconds(10))
        #expect(retransmissions == Array(repeating: "OPTIONS", count: 10))
        #expect(responses.isEmpty)
        #expect(harness.advance(by: .milliseconds(10)) == [])
        #expect(responses == [408])
        #expect(harness.layer.clientTransactionCount == 0)
    }

    @Test func aCancelIsMatchedToItsInvite() throws {
        let harness = try LayerHarness()
        let caller = harness.caller()
        harness.receive(.request(caller.invite))
        let invite = try #require(harness.user.requests.first?.transaction)
        invite.respond(statusCode: 180)
        #expect(harness.takeSent() == ["180 INVITE"])

        #expect(harness.receive(.request(caller.cancel())) == ["200 CANCEL"])
        #expect(harness.user.cancelled.count == 1)
        #expect(harness.user.cancelled.first === invite)
        #expect(harness.user.requests.count == 1)
        invite.respond(statusCode: 487)
        #expect(harness.takeSent() == ["487 INVITE"])

        #expect(harness.receive(.request(harness.caller().cancel())) == ["481 CANCEL"])
        #expect(harness.user.cancelled.count == 1)
    }

    @Test func a2xxMatchingNoTransactionIsAStrayResponse() throws {
        let harness = try LayerHarness()
        let ok = SIPResponse(replyingTo: harness.caller().invite, statusCode: 200, toTag: "late-fork")
        #expect(harness.receive(.response(ok)) == [])
        #expect(harness.user.strayResponses == [ok])
    }

    @Test func a2xxRetransmittedAfterTheClientInviteEndedIsAStrayResponse() throws {
        let harness = try LayerHarness()
        let invite = harness.caller().invite
        var responses: [Int] = []
        harness.layer.send(invite, to: harness.peer) { responses.append($0.statusCode) }
        #expect(harness.takeSent() == ["INVITE"])
        let ok = SIPResponse(replyingTo: invite, statusCode: 200, toTag: "agent")
        #expect(harness.receive(.response(ok)) == [])
        #expect(responses == [200])
        #expect(harness.user.strayResponses.isEmpty)

        #expect(harness.advance(by: harness.t1 * 64 + .milliseconds(10)) == [])
        #expect(harness.layer.clientTransactionCount == 0)
        harness.receive(.response(ok))
        #expect(responses == [200])
        #expect(harness.user.strayResponses == [ok])
    }

    @Test func anInviteWhoseCancelGetsNoFinalResponseIsGivenUpAfterSixtyFourT1() throws {
        let harness = try LayerHarness()
        let invite = harness.caller().invite
        var responses: [Int] = []
        let transaction = try #require(harness.layer.send(invite, to: harness.peer) { responses.append($0.statusCode) })
        #expect(harness.takeSent() == ["INVITE"])
        #expect(harness.receive(.response(SIPResponse(replyingTo: invite, statusCode: 180, toTag: "agent"))) == [])
        transaction.cancel()
        let cancel = try #require(harness.sender.takeSent().first?.request)
        #expect(cancel.method == .cancel)
        #expect(harness.receive(.response(SIPResponse(replyingTo: cancel, statusCode: 200))) == [])

        _ = harness.advance(by: harness.t1 * 64 + .milliseconds(10))
        #expect(responses == [180, 408])
        #expect(harness.layer.clientTransactionCount == 0)
    }
}
