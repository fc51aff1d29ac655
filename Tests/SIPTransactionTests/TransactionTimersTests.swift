import SIPTransaction
import Testing

@Suite struct TransactionTimersTests {
    @Test func defaultsAreTheValuesRFC3261Recommends() {
        let timers = TransactionTimers()
        #expect(timers.t1 == .milliseconds(500))
        #expect(timers.t2 == .seconds(4))
        #expect(timers.t4 == .seconds(5))
    }

    @Test func setsWithTheSameValuesAreEqualAndHashAlike() {
        let shared = TransactionTimers(t1: .milliseconds(250))
        let copy = shared
        let separate = TransactionTimers(t1: .milliseconds(250))
        #expect(copy == shared)
        #expect(separate == shared)
        #expect(Set([shared, separate]).count == 1)
        #expect(TransactionTimers(t1: .milliseconds(250), t4: .seconds(4)) != shared)
    }

    @Test(arguments: [(500, 32_000), (1_000, 64_000), (250, 16_000), (2_000, 128_000)])
    func sixtyFourT1Timers(t1: Int, expected: Int) {
        let timers = TransactionTimers(t1: ms(t1))
        let derived = [timers.timerB, timers.timerF, timers.timerH, timers.timerJ(reliable: false), timers.timerL, timers.timerM]
        #expect(derived == Array(repeating: ms(expected), count: 6))
    }

    @Test func waitTimersOverUnreliableTransportsFollowT4() {
        let timers = TransactionTimers(t1: .seconds(1), t4: .seconds(3))
        #expect(timers.timerD(reliable: false) == .seconds(32))
        #expect(timers.timerI(reliable: false) == .seconds(3))
        #expect(timers.timerK(reliable: false) == .seconds(3))
    }

    @Test func waitTimersOverReliableTransportsAreZero() {
        let timers = TransactionTimers()
        let waits = [timers.timerD(reliable: true), timers.timerI(reliable: true),
                     timers.timerJ(reliable: true), timers.timerK(reliable: true)]
        #expect(waits == [.zero, .zero, .zero, .zero])
    }
}
