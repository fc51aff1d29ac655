import SIPTransaction
import Testing

private typealias Scheduler = VirtualScheduler<ClientTransactionAction>
private typealias Entry = Scheduler.Entry

@Suite struct InviteClientTransactionTests {
    @Test func timerADoublesOverUDPUntilTimerBTimesOut() {
        var transaction = InviteClientTransaction(reliable: false)
        var scheduler = Scheduler()
        scheduler.perform(transaction.start())
        scheduler.runTimers { transaction.timerFired($0) }
        #expect(scheduler.log == [
            Entry(0, .sendRequest), Entry(0, .startTimer(.timerA, ms(500))), Entry(0, .startTimer(.timerB, ms(32_000))),
            Entry(500, .sendRequest), Entry(500, .startTimer(.timerA, ms(1_000))),
            Entry(1_500, .sendRequest), Entry(1_500, .startTimer(.timerA, ms(2_000))),
            Entry(3_500, .sendRequest), Entry(3_500, .startTimer(.timerA, ms(4_000))),
            Entry(7_500, .sendRequest), Entry(7_500, .startTimer(.timerA, ms(8_000))),
            Entry(15_500, .sendRequest), Entry(15_500, .startTimer(.timerA, ms(16_000))),
            Entry(31_500, .sendRequest), Entry(31_500, .startTimer(.timerA, ms(32_000))),
            Entry(32_000, .timeout), Entry(32_000, .terminated),
        ])
        #expect(transaction.state == .terminated)
        #expect(scheduler.pendingTimers.isEmpty)
    }

    @Test(arguments: [
        (500, [0, 500, 1_500, 3_500, 7_500, 15_500, 31_500], 32_000),
        (1_000, [0, 1_000, 3_000, 7_000, 15_000, 31_000, 63_000], 64_000),
        (250, [0, 250, 750, 1_750, 3_750, 7_750, 15_750], 16_000),
    ])
    func timerAScheduleFollowsT1(t1: Int, sends: [Int], timeout: Int) {
        var transaction = InviteClientTransaction(reliable: false, timers: TransactionTimers(t1: ms(t1)))
        var scheduler = Scheduler()
        scheduler.perform(transaction.start())
        scheduler.runTimers { transaction.timerFired($0) }
        #expect(scheduler.times(of: .sendRequest) == sends.map(ms))
        #expect(scheduler.entries(from: ms(timeout)) == [Entry(timeout, .timeout), Entry(timeout, .terminated)])
    }

    @Test func noRetransmissionOverTCP() {
        var transaction = InviteClientTransaction(reliable: true)
        var scheduler = Scheduler()
        scheduler.perform(transaction.start())
        scheduler.runTimers { transaction.timerFired($0) }
        #expect(scheduler.log == [
            Entry(0, .sendRequest), Entry(0, .startTimer(.timerB, ms(32_000))),
            Entry(32_000, .timeout), Entry(32_000, .terminated),
        ])
    }

    @Test func provisionalThenTwoHundredEntersAcceptedAndPassesEvery2xxToTheTU() {
        var transaction = InviteClientTransaction(reliable: false)
        var scheduler = Scheduler()
        scheduler.perform(transaction.start())
        scheduler.advance(to: ms(700)) { transaction.timerFired($0) }
        #expect(scheduler.perform(transaction.receivedResponse(statusCode: 180))
            == [.cancelTimer(.timerA), .cancelTimer(.timerB), .deliverResponse])
        #expect(transaction.state == .proceeding)
        #expect(scheduler.perform(transaction.receivedResponse(statusCode: 183)) == [.deliverResponse])
        scheduler.advance(to: ms(5_000)) { transaction.timerFired($0) }
        #expect(scheduler.perform(transaction.receivedResponse(statusCode: 200))
            == [.deliverResponse, .startTimer(.timerM, ms(32_000))])
        #expect(transaction.state == .accepted)
        #expect(scheduler.perform(transaction.receivedResponse(statusCode: 200)) == [.deliverResponse])
        #expect(scheduler.perform(transaction.receivedResponse(statusCode: 180)) == [])
        #expect(scheduler.perform(transaction.receivedResponse(statusCode: 486)) == [])
        scheduler.runTimers { transaction.timerFired($0) }
        #expect(scheduler.times(of: .sendRequest) == [ms(0), ms(500)])
        #expect(scheduler.entries(from: ms(5_001)) == [Entry(37_000, .terminated)])
        #expect(transaction.state == .terminated)
    }

    @Test func twoHundredWhileCallingCancelsTheCallingTimers() {
        var transaction = InviteClientTransaction(reliable: false)
        _ = transaction.start()
        #expect(transaction.receivedResponse(statusCode: 200)
            == [.cancelTimer(.timerA), .cancelTimer(.timerB), .deliverResponse, .startTimer(.timerM, ms(32_000))])
        #expect(transaction.state == .accepted)
    }

    @Test(arguments: [300, 404, 486, 603, 699])
    func finalFailureWhileCallingSendsACKAndWaitsTimerD(statusCode: Int) {
        var transaction = InviteClientTransaction(reliable: false)
        var scheduler = Scheduler()
        scheduler.perform(transaction.start())
        #expect(scheduler.perform(transaction.receivedResponse(statusCode: statusCode)) == [
            .cancelTimer(.timerA), .cancelTimer(.timerB), .sendACK, .deliverResponse, .startTimer(.timerD, ms(32_000)),
        ])
        #expect(transaction.state == .completed)
        scheduler.advance(to: ms(1_000)) { transaction.timerFired($0) }
        #expect(scheduler.perform(transaction.receivedResponse(statusCode: statusCode)) == [.sendACK])
        #expect(scheduler.perform(transaction.receivedResponse(statusCode: 200)) == [])
        #expect(scheduler.perform(transaction.receivedResponse(statusCode: 180)) == [])
        scheduler.runTimers { transaction.timerFired($0) }
        #expect(scheduler.entries(from: ms(1_001)) == [Entry(32_000, .terminated)])
        #expect(scheduler.times(of: .sendRequest) == [ms(0)])
    }

    @Test func finalFailureWhileProceedingSendsACK() {
        var transaction = InviteClientTransaction(reliable: false)
        _ = transaction.start()
        _ = transaction.receivedResponse(statusCode: 100)
        #expect(transaction.receivedResponse(statusCode: 480)
            == [.sendACK, .deliverResponse, .startTimer(.timerD, ms(32_000))])
        #expect(transaction.state == .completed)
    }

    @Test(arguments: [false, true])
    func timerDIsZeroOverTCP(afterProvisional: Bool) {
        var transaction = InviteClientTransaction(reliable: true)
        _ = transaction.start()
        if afterProvisional { _ = transaction.receivedResponse(statusCode: 180) }
        #expect(transaction.receivedResponse(statusCode: 486) == [.sendACK, .deliverResponse, .terminated])
        #expect(transaction.state == .terminated)
    }

    @Test func transportErrorWhileCallingEndsTheTransaction() {
        var transaction = InviteClientTransaction(reliable: false)
        _ = transaction.start()
        #expect(transaction.transportFailed() == [.transportError, .terminated])
        #expect(transaction.state == .terminated)
    }

    @Test func transportErrorSendingTheACKEndsTheTransaction() {
        var transaction = InviteClientTransaction(reliable: false)
        _ = transaction.start()
        _ = transaction.receivedResponse(statusCode: 486)
        #expect(transaction.transportFailed() == [.transportError, .terminated])
        #expect(transaction.state == .terminated)
    }

    @Test(arguments: [180, 200])
    func transportErrorIsIgnoredWhereNothingIsSent(statusCode: Int) {
        var transaction = InviteClientTransaction(reliable: false)
        _ = transaction.start()
        _ = transaction.receivedResponse(statusCode: statusCode)
        let state = transaction.state
        #expect(transaction.transportFailed() == [])
        #expect(transaction.state == state)
    }

    @Test(arguments: [TransactionTimer.timerA, .timerB, .timerD, .timerM, .timerE])
    func lateTimersInProceedingAreIgnored(timer: TransactionTimer) {
        var transaction = InviteClientTransaction(reliable: false)
        _ = transaction.start()
        _ = transaction.receivedResponse(statusCode: 180)
        #expect(transaction.timerFired(timer) == [])
        #expect(transaction.state == .proceeding)
    }

    @Test(arguments: [TransactionTimer.timerA, .timerB, .timerM])
    func lateTimersInCompletedAreIgnored(timer: TransactionTimer) {
        var transaction = InviteClientTransaction(reliable: false)
        _ = transaction.start()
        _ = transaction.receivedResponse(statusCode: 486)
        #expect(transaction.timerFired(timer) == [])
        #expect(transaction.state == .completed)
    }

    @Test(arguments: [TransactionTimer.timerA, .timerB, .timerD])
    func lateTimersInAcceptedAreIgnored(timer: TransactionTimer) {
        var transaction = InviteClientTransaction(reliable: false)
        _ = transaction.start()
        _ = transaction.receivedResponse(statusCode: 200)
        #expect(transaction.timerFired(timer) == [])
        #expect(transaction.state == .accepted)
    }

    @Test func timerAIsIgnoredOverTCP() {
        var transaction = InviteClientTransaction(reliable: true)
        _ = transaction.start()
        #expect(transaction.timerFired(.timerA) == [])
        #expect(transaction.state == .calling)
    }

    @Test func eventsBeforeStartAreIgnoredAndStartRunsOnce() {
        var transaction = InviteClientTransaction(reliable: false)
        #expect(transaction.state == .initial)
        #expect(transaction.receivedResponse(statusCode: 200) == [])
        #expect(transaction.timerFired(.timerB) == [])
        #expect(transaction.transportFailed() == [])
        #expect(transaction.start()
            == [.sendRequest, .startTimer(.timerA, ms(500)), .startTimer(.timerB, ms(32_000))])
        #expect(transaction.start() == [])
        #expect(transaction.state == .calling)
    }

    @Test(arguments: [99, 700, 0])
    func statusCodesOutsideTheRangeAreIgnored(statusCode: Int) {
        var transaction = InviteClientTransaction(reliable: false)
        _ = transaction.start()
        #expect(transaction.receivedResponse(statusCode: statusCode) == [])
        #expect(transaction.state == .calling)
    }

    @Test func aTerminatedTransactionIgnoresEverything() {
        var transaction = InviteClientTransaction(reliable: false)
        _ = transaction.start()
        _ = transaction.timerFired(.timerB)
        #expect(transaction.receivedResponse(statusCode: 200) == [])
        #expect(transaction.receivedResponse(statusCode: 486) == [])
        #expect(transaction.timerFired(.timerM) == [])
        #expect(transaction.transportFailed() == [])
        #expect(transaction.start() == [])
        #expect(transaction.state == .terminated)
    }
}
