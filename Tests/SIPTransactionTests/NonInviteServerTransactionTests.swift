import SIPTransaction
import Testing

private typealias Scheduler = VirtualScheduler<ServerTransactionAction>
private typealias Entry = Scheduler.Entry

@Suite struct NonInviteServerTransactionTests {
    @Test func retransmissionsAreAnsweredWithTheLatestResponse() {
        var transaction = NonInviteServerTransaction(reliable: false)
        var wire = ResponseWire()
        #expect(transaction.receivedRequest() == [])
        wire.apply(transaction.sendResponse(statusCode: 100), handingOver: 100)
        #expect(transaction.state == .proceeding)
        wire.apply(transaction.receivedRequest())
        wire.apply(transaction.sendResponse(statusCode: 200), handingOver: 200)
        #expect(transaction.state == .completed)
        wire.apply(transaction.receivedRequest())
        wire.apply(transaction.sendResponse(statusCode: 500), handingOver: 500)
        wire.apply(transaction.receivedRequest())
        #expect(wire.sent == [100, 100, 200, 200, 200])
    }

    @Test(arguments: [(500, 32_000), (1_000, 64_000)])
    func timerJHoldsCompletedFor64T1OverUDP(t1: Int, timerJ: Int) {
        var transaction = NonInviteServerTransaction(reliable: false, timers: TransactionTimers(t1: ms(t1)))
        var scheduler = Scheduler()
        #expect(scheduler.perform(transaction.sendResponse(statusCode: 200))
            == [.sendResponse, .startTimer(.timerJ, ms(timerJ))])
        scheduler.runTimers { transaction.timerFired($0) }
        #expect(scheduler.entries(from: ms(1)) == [Entry(timerJ, .terminated)])
        #expect(transaction.state == .terminated)
    }

    @Test(arguments: [false, true])
    func timerJIsZeroOverTCP(afterProvisional: Bool) {
        var transaction = NonInviteServerTransaction(reliable: true)
        if afterProvisional { _ = transaction.sendResponse(statusCode: 100) }
        #expect(transaction.sendResponse(statusCode: 404) == [.sendResponse, .terminated])
        #expect(transaction.state == .terminated)
    }

    @Test func provisionalResponsesKeepProceeding() {
        var transaction = NonInviteServerTransaction(reliable: false)
        #expect(transaction.sendResponse(statusCode: 100) == [.sendResponse])
        #expect(transaction.sendResponse(statusCode: 180) == [.sendResponse])
        #expect(transaction.state == .proceeding)
        #expect(transaction.sendResponse(statusCode: 486) == [.sendResponse, .startTimer(.timerJ, ms(32_000))])
        #expect(transaction.sendResponse(statusCode: 180) == [])
        #expect(transaction.state == .completed)
    }

    @Test(arguments: [100, 200])
    func transportErrorIsReportedAndTheStateKept(statusCode: Int) {
        var transaction = NonInviteServerTransaction(reliable: false)
        _ = transaction.sendResponse(statusCode: statusCode)
        let state = transaction.state
        #expect(transaction.transportFailed() == [.transportError])
        #expect(transaction.state == state)
    }

    @Test func transportErrorInTryingIsIgnored() {
        var transaction = NonInviteServerTransaction(reliable: false)
        #expect(transaction.transportFailed() == [])
        #expect(transaction.state == .trying)
    }

    @Test(arguments: [TransactionTimer.timerJ, .timerK, .timerH])
    func timersBeforeCompletedAreIgnored(timer: TransactionTimer) {
        var transaction = NonInviteServerTransaction(reliable: false)
        _ = transaction.sendResponse(statusCode: 100)
        #expect(transaction.timerFired(timer) == [])
        #expect(transaction.state == .proceeding)
    }

    @Test func otherTimersInCompletedAreIgnored() {
        var transaction = NonInviteServerTransaction(reliable: false)
        _ = transaction.sendResponse(statusCode: 200)
        #expect(transaction.timerFired(.timerH) == [])
        #expect(transaction.state == .completed)
    }

    @Test(arguments: [99, 700])
    func statusCodesOutsideTheRangeAreRefused(statusCode: Int) {
        var transaction = NonInviteServerTransaction(reliable: false)
        #expect(transaction.sendResponse(statusCode: statusCode) == [])
        #expect(transaction.state == .trying)
    }

    @Test func aTerminatedTransactionIgnoresEverything() {
        var transaction = NonInviteServerTransaction(reliable: true)
        _ = transaction.sendResponse(statusCode: 200)
        #expect(transaction.state == .terminated)
        #expect(transaction.receivedRequest() == [])
        #expect(transaction.sendResponse(statusCode: 200) == [])
        #expect(transaction.timerFired(.timerJ) == [])
        #expect(transaction.transportFailed() == [])
    }
}
