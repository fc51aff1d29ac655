import SIPTransaction
import Testing

private typealias Scheduler = VirtualScheduler<ClientTransactionAction>
private typealias Entry = Scheduler.Entry

@Suite struct NonInviteClientTransactionTests {
    @Test func timerEDoublesUpToT2UntilTimerFTimesOut() {
        var transaction = NonInviteClientTransaction(reliable: false)
        var scheduler = Scheduler()
        scheduler.perform(transaction.start())
        scheduler.runTimers { transaction.timerFired($0) }
        #expect(scheduler.log == [
            Entry(0, .sendRequest), Entry(0, .startTimer(.timerE, ms(500))), Entry(0, .startTimer(.timerF, ms(32_000))),
            Entry(500, .sendRequest), Entry(500, .startTimer(.timerE, ms(1_000))),
            Entry(1_500, .sendRequest), Entry(1_500, .startTimer(.timerE, ms(2_000))),
            Entry(3_500, .sendRequest), Entry(3_500, .startTimer(.timerE, ms(4_000))),
            Entry(7_500, .sendRequest), Entry(7_500, .startTimer(.timerE, ms(4_000))),
            Entry(11_500, .sendRequest), Entry(11_500, .startTimer(.timerE, ms(4_000))),
            Entry(15_500, .sendRequest), Entry(15_500, .startTimer(.timerE, ms(4_000))),
            Entry(19_500, .sendRequest), Entry(19_500, .startTimer(.timerE, ms(4_000))),
            Entry(23_500, .sendRequest), Entry(23_500, .startTimer(.timerE, ms(4_000))),
            Entry(27_500, .sendRequest), Entry(27_500, .startTimer(.timerE, ms(4_000))),
            Entry(31_500, .sendRequest), Entry(31_500, .startTimer(.timerE, ms(4_000))),
            Entry(32_000, .timeout), Entry(32_000, .terminated),
        ])
        #expect(transaction.state == .terminated)
        #expect(scheduler.pendingTimers.isEmpty)
    }

    @Test(arguments: RetransmissionSchedule.doublingUpToT2)
    func timerEScheduleFollowsT1AndT2(schedule: RetransmissionSchedule) {
        var transaction = NonInviteClientTransaction(reliable: false, timers: schedule.timers)
        var scheduler = Scheduler()
        scheduler.perform(transaction.start())
        scheduler.runTimers { transaction.timerFired($0) }
        #expect(scheduler.times(of: .sendRequest) == schedule.sends.map(ms))
        let timeout = schedule.timeout
        #expect(scheduler.entries(from: ms(timeout)) == [Entry(timeout, .timeout), Entry(timeout, .terminated)])
    }

    @Test func inProceedingTimerEFiresEveryT2() {
        var transaction = NonInviteClientTransaction(reliable: false)
        var scheduler = Scheduler()
        scheduler.perform(transaction.start())
        scheduler.advance(to: ms(1_000)) { transaction.timerFired($0) }
        #expect(scheduler.perform(transaction.receivedResponse(statusCode: 100)) == [.deliverResponse])
        #expect(transaction.state == .proceeding)
        scheduler.runTimers { transaction.timerFired($0) }
        #expect(scheduler.entries(from: ms(1_500)).prefix(2) == [
            Entry(1_500, .sendRequest), Entry(1_500, .startTimer(.timerE, ms(4_000))),
        ])
        #expect(scheduler.times(of: .sendRequest)
            == [0, 500, 1_500, 5_500, 9_500, 13_500, 17_500, 21_500, 25_500, 29_500].map(ms))
        #expect(scheduler.entries(from: ms(32_000)) == [Entry(32_000, .timeout), Entry(32_000, .terminated)])
    }

    @Test func noRetransmissionOverTCP() {
        var transaction = NonInviteClientTransaction(reliable: true)
        var scheduler = Scheduler()
        scheduler.perform(transaction.start())
        scheduler.runTimers { transaction.timerFired($0) }
        #expect(scheduler.log == [
            Entry(0, .sendRequest), Entry(0, .startTimer(.timerF, ms(32_000))),
            Entry(32_000, .timeout), Entry(32_000, .terminated),
        ])
    }

    @Test(arguments: [200, 202, 404, 503])
    func finalResponseWaitsTimerKAbsorbingRetransmissions(statusCode: Int) {
        var transaction = NonInviteClientTransaction(reliable: false)
        var scheduler = Scheduler()
        scheduler.perform(transaction.start())
        scheduler.advance(to: ms(800)) { transaction.timerFired($0) }
        #expect(scheduler.perform(transaction.receivedResponse(statusCode: statusCode)) == [
            .cancelTimer(.timerE), .cancelTimer(.timerF), .deliverResponse, .startTimer(.timerK, ms(5_000)),
        ])
        #expect(transaction.state == .completed)
        #expect(scheduler.perform(transaction.receivedResponse(statusCode: statusCode)) == [])
        #expect(scheduler.perform(transaction.receivedResponse(statusCode: 100)) == [])
        scheduler.runTimers { transaction.timerFired($0) }
        #expect(scheduler.entries(from: ms(801)) == [Entry(5_800, .terminated)])
        #expect(scheduler.times(of: .sendRequest) == [ms(0), ms(500)])
    }

    @Test func provisionalThenFinal() {
        var transaction = NonInviteClientTransaction(reliable: false)
        _ = transaction.start()
        #expect(transaction.receivedResponse(statusCode: 100) == [.deliverResponse])
        #expect(transaction.receivedResponse(statusCode: 180) == [.deliverResponse])
        #expect(transaction.receivedResponse(statusCode: 200)
            == [.cancelTimer(.timerE), .cancelTimer(.timerF), .deliverResponse, .startTimer(.timerK, ms(5_000))])
        #expect(transaction.state == .completed)
    }

    @Test(arguments: [false, true])
    func timerKIsZeroOverTCP(afterProvisional: Bool) {
        var transaction = NonInviteClientTransaction(reliable: true)
        _ = transaction.start()
        if afterProvisional { _ = transaction.receivedResponse(statusCode: 100) }
        #expect(transaction.receivedResponse(statusCode: 200) == [.deliverResponse, .terminated])
        #expect(transaction.state == .terminated)
    }

    @Test(arguments: [false, true])
    func transportErrorEndsTheTransaction(afterProvisional: Bool) {
        var transaction = NonInviteClientTransaction(reliable: false)
        _ = transaction.start()
        if afterProvisional { _ = transaction.receivedResponse(statusCode: 100) }
        #expect(transaction.transportFailed() == [.transportError, .terminated])
        #expect(transaction.state == .terminated)
    }

    @Test func transportErrorInCompletedIsIgnored() {
        var transaction = NonInviteClientTransaction(reliable: false)
        _ = transaction.start()
        _ = transaction.receivedResponse(statusCode: 200)
        #expect(transaction.transportFailed() == [])
        #expect(transaction.state == .completed)
    }

    @Test(arguments: [TransactionTimer.timerE, .timerF, .timerA, .timerB])
    func lateTimersInCompletedAreIgnored(timer: TransactionTimer) {
        var transaction = NonInviteClientTransaction(reliable: false)
        _ = transaction.start()
        _ = transaction.receivedResponse(statusCode: 404)
        #expect(transaction.timerFired(timer) == [])
        #expect(transaction.state == .completed)
    }

    @Test func timerEIsIgnoredOverTCP() {
        var transaction = NonInviteClientTransaction(reliable: true)
        _ = transaction.start()
        #expect(transaction.timerFired(.timerE) == [])
        _ = transaction.receivedResponse(statusCode: 100)
        #expect(transaction.timerFired(.timerE) == [])
        #expect(transaction.state == .proceeding)
    }

    @Test func eventsBeforeStartAreIgnoredAndStartRunsOnce() {
        var transaction = NonInviteClientTransaction(reliable: false)
        #expect(transaction.state == .initial)
        #expect(transaction.receivedResponse(statusCode: 200) == [])
        #expect(transaction.timerFired(.timerF) == [])
        #expect(transaction.transportFailed() == [])
        #expect(transaction.start()
            == [.sendRequest, .startTimer(.timerE, ms(500)), .startTimer(.timerF, ms(32_000))])
        #expect(transaction.start() == [])
        #expect(transaction.state == .trying)
    }

    @Test func aTerminatedTransactionIgnoresEverything() {
        var transaction = NonInviteClientTransaction(reliable: false)
        _ = transaction.start()
        _ = transaction.timerFired(.timerF)
        #expect(transaction.state == .terminated)
        #expect(transaction.receivedResponse(statusCode: 200) == [])
        #expect(transaction.timerFired(.timerK) == [])
        #expect(transaction.transportFailed() == [])
        #expect(transaction.start() == [])
    }
}
