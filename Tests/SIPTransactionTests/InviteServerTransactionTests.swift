import SIPTransaction
import Testing

private typealias Scheduler = VirtualScheduler<ServerTransactionAction>
private typealias Entry = Scheduler.Entry

@Suite struct InviteServerTransactionTests {
    @Test func timerGDoublesUpToT2UntilTimerHTimesOut() {
        var transaction = InviteServerTransaction(reliable: false)
        var scheduler = Scheduler()
        scheduler.perform(transaction.sendResponse(statusCode: 486))
        scheduler.runTimers { transaction.timerFired($0) }
        var expected = [
            Entry(0, .sendResponse), Entry(0, .startTimer(.timerG, ms(500))), Entry(0, .startTimer(.timerH, ms(32_000))),
            Entry(500, .retransmitResponse), Entry(500, .startTimer(.timerG, ms(1_000))),
            Entry(1_500, .retransmitResponse), Entry(1_500, .startTimer(.timerG, ms(2_000))),
            Entry(3_500, .retransmitResponse), Entry(3_500, .startTimer(.timerG, ms(4_000))),
        ]
        for time in stride(from: 7_500, through: 31_500, by: 4_000) {
            expected += [Entry(time, .retransmitResponse), Entry(time, .startTimer(.timerG, ms(4_000)))]
        }
        expected += [Entry(32_000, .timeout), Entry(32_000, .terminated)]
        #expect(scheduler.log == expected)
        #expect(transaction.state == .terminated)
        #expect(scheduler.pendingTimers.isEmpty)
    }

    @Test(arguments: RetransmissionSchedule.doublingUpToT2)
    func timerGScheduleFollowsT1AndT2(schedule: RetransmissionSchedule) {
        var transaction = InviteServerTransaction(reliable: false, timers: schedule.timers)
        var scheduler = Scheduler()
        scheduler.perform(transaction.sendResponse(statusCode: 500))
        scheduler.runTimers { transaction.timerFired($0) }
        #expect(scheduler.times(of: .sendResponse) == [ms(0)])
        #expect(scheduler.times(of: .retransmitResponse) == schedule.sends.dropFirst().map(ms))
        let timeout = schedule.timeout
        #expect(scheduler.entries(from: ms(timeout)) == [Entry(timeout, .timeout), Entry(timeout, .terminated)])
    }

    @Test func retransmittedInvitesAreAnsweredWithTheLatestResponse() {
        var transaction = InviteServerTransaction(reliable: false)
        var wire = ResponseWire()
        #expect(transaction.receivedRequest() == [])
        wire.apply(transaction.sendResponse(statusCode: 100), handingOver: 100)
        wire.apply(transaction.receivedRequest())
        wire.apply(transaction.sendResponse(statusCode: 180), handingOver: 180)
        wire.apply(transaction.receivedRequest())
        wire.apply(transaction.sendResponse(statusCode: 486), handingOver: 486)
        wire.apply(transaction.receivedRequest())
        wire.apply(transaction.sendResponse(statusCode: 200), handingOver: 200)
        wire.apply(transaction.receivedRequest())
        #expect(wire.sent == [100, 100, 180, 180, 486, 486, 486])
        #expect(transaction.state == .completed)
    }

    @Test func ackConfirmsThenTimerITerminates() {
        var transaction = InviteServerTransaction(reliable: false)
        var scheduler = Scheduler()
        scheduler.perform(transaction.sendResponse(statusCode: 180))
        scheduler.perform(transaction.sendResponse(statusCode: 603))
        scheduler.advance(to: ms(1_000)) { transaction.timerFired($0) }
        #expect(scheduler.perform(transaction.receivedACK())
            == [.cancelTimer(.timerG), .cancelTimer(.timerH), .startTimer(.timerI, ms(5_000))])
        #expect(transaction.state == .confirmed)
        #expect(scheduler.perform(transaction.receivedACK()) == [])
        #expect(scheduler.perform(transaction.receivedRequest()) == [])
        #expect(scheduler.perform(transaction.sendResponse(statusCode: 603)) == [])
        scheduler.runTimers { transaction.timerFired($0) }
        #expect(scheduler.times(of: .retransmitResponse) == [ms(500)])
        #expect(scheduler.entries(from: ms(1_001)) == [Entry(6_000, .terminated)])
        #expect(transaction.state == .terminated)
    }

    @Test func overTCPNoRetransmissionAndTimerIIsZero() {
        var transaction = InviteServerTransaction(reliable: true)
        #expect(transaction.sendResponse(statusCode: 486) == [.sendResponse, .startTimer(.timerH, ms(32_000))])
        #expect(transaction.timerFired(.timerG) == [])
        #expect(transaction.receivedACK() == [.terminated])
        #expect(transaction.state == .terminated)
    }

    @Test func overTCPTimerHStillTimesOut() {
        var transaction = InviteServerTransaction(reliable: true)
        var scheduler = Scheduler()
        scheduler.perform(transaction.sendResponse(statusCode: 404))
        scheduler.runTimers { transaction.timerFired($0) }
        #expect(scheduler.log == [
            Entry(0, .sendResponse), Entry(0, .startTimer(.timerH, ms(32_000))),
            Entry(32_000, .timeout), Entry(32_000, .terminated),
        ])
    }

    @Test(arguments: [false, true])
    func twoHundredEntersAcceptedWhereTheTURetransmitsAndGetsTheACKs(reliable: Bool) {
        var transaction = InviteServerTransaction(reliable: reliable)
        var scheduler = Scheduler()
        scheduler.perform(transaction.sendResponse(statusCode: 100))
        scheduler.advance(to: ms(2_000)) { transaction.timerFired($0) }
        #expect(scheduler.perform(transaction.sendResponse(statusCode: 200))
            == [.sendResponse, .startTimer(.timerL, ms(32_000))])
        #expect(transaction.state == .accepted)
        #expect(scheduler.perform(transaction.receivedRequest()) == [])
        #expect(scheduler.perform(transaction.sendResponse(statusCode: 200)) == [.sendResponse])
        #expect(scheduler.perform(transaction.receivedACK()) == [.deliverACK])
        #expect(scheduler.perform(transaction.receivedACK()) == [.deliverACK])
        #expect(scheduler.perform(transaction.sendResponse(statusCode: 180)) == [])
        #expect(scheduler.perform(transaction.sendResponse(statusCode: 486)) == [])
        #expect(scheduler.perform(transaction.timerFired(.timerG)) == [])
        #expect(scheduler.perform(transaction.timerFired(.timerH)) == [])
        scheduler.runTimers { transaction.timerFired($0) }
        #expect(scheduler.entries(from: ms(2_001)) == [Entry(34_000, .terminated)])
        #expect(transaction.state == .terminated)
    }

    @Test(arguments: [nil, 180, 486, 200])
    func transportErrorIsReportedAndTheStateKept(statusCode: Int?) {
        var transaction = InviteServerTransaction(reliable: false)
        if let statusCode { _ = transaction.sendResponse(statusCode: statusCode) }
        let state = transaction.state
        #expect(transaction.transportFailed() == [.transportError])
        #expect(transaction.state == state)
    }

    @Test func transportErrorInConfirmedIsIgnored() {
        var transaction = InviteServerTransaction(reliable: false)
        _ = transaction.sendResponse(statusCode: 486)
        _ = transaction.receivedACK()
        #expect(transaction.transportFailed() == [])
        #expect(transaction.state == .confirmed)
    }

    @Test(arguments: [TransactionTimer.timerG, .timerH, .timerI, .timerL])
    func timersInProceedingAreIgnored(timer: TransactionTimer) {
        var transaction = InviteServerTransaction(reliable: false)
        _ = transaction.sendResponse(statusCode: 180)
        #expect(transaction.timerFired(timer) == [])
        #expect(transaction.state == .proceeding)
    }

    @Test(arguments: [TransactionTimer.timerG, .timerH, .timerL])
    func lateTimersInConfirmedAreIgnored(timer: TransactionTimer) {
        var transaction = InviteServerTransaction(reliable: false)
        _ = transaction.sendResponse(statusCode: 486)
        _ = transaction.receivedACK()
        #expect(transaction.timerFired(timer) == [])
        #expect(transaction.state == .confirmed)
    }

    @Test func anACKBeforeAnyFinalResponseIsIgnored() {
        var transaction = InviteServerTransaction(reliable: false)
        #expect(transaction.receivedACK() == [])
        #expect(transaction.state == .proceeding)
    }

    @Test(arguments: [99, 700, 0])
    func statusCodesOutsideTheRangeAreRefused(statusCode: Int) {
        var transaction = InviteServerTransaction(reliable: false)
        #expect(transaction.sendResponse(statusCode: statusCode) == [])
        #expect(transaction.state == .proceeding)
    }

    @Test func aTerminatedTransactionIgnoresEverything() {
        var transaction = InviteServerTransaction(reliable: false)
        _ = transaction.sendResponse(statusCode: 486)
        _ = transaction.timerFired(.timerH)
        #expect(transaction.state == .terminated)
        #expect(transaction.receivedRequest() == [])
        #expect(transaction.receivedACK() == [])
        #expect(transaction.sendResponse(statusCode: 200) == [])
        #expect(transaction.timerFired(.timerL) == [])
        #expect(transaction.transportFailed() == [])
    }
}
