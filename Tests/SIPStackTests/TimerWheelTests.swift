import NIOEmbedded
import SIPStack
import Testing

/// The wheel on an `EmbeddedEventLoop`: it sets the loop's task for the next timer due only, so these
/// check that every timer still fires at its tick however the timers were started.
@Suite("TimerWheel")
struct TimerWheelTests {
    private let loop = EmbeddedEventLoop()

    @Test func aTimerFiresAtItsTickNotBefore() {
        let wheel = TimerWheel(eventLoop: loop)
        var fired: [String] = []
        wheel.schedule(after: .milliseconds(50)) { fired.append("a") }
        loop.advanceTime(by: .milliseconds(49))
        #expect(fired == [])
        loop.advanceTime(by: .milliseconds(1))
        #expect(fired == ["a"])
    }

    @Test func aTimerStartedLaterButDueSoonerFiresFirst() {
        let wheel = TimerWheel(eventLoop: loop)
        var fired: [String] = []
        wheel.schedule(after: .seconds(1)) { fired.append("late") }
        wheel.schedule(after: .milliseconds(20)) { fired.append("soon") }
        loop.advanceTime(by: .milliseconds(20))
        #expect(fired == ["soon"])
        loop.advanceTime(by: .milliseconds(980))
        #expect(fired == ["soon", "late"])
    }

    @Test func aTimerStartedAfterAnIdleSpellFiresOnTime() {
        let wheel = TimerWheel(eventLoop: loop)
        var fired: [String] = []
        wheel.schedule(after: .milliseconds(10)) { fired.append("first") }
        loop.advanceTime(by: .seconds(5))
        wheel.schedule(after: .milliseconds(30)) { fired.append("second") }
        loop.advanceTime(by: .milliseconds(29))
        #expect(fired == ["first"])
        loop.advanceTime(by: .milliseconds(1))
        #expect(fired == ["first", "second"])
    }

    @Test func aTimerStartedWhenOneFiresRunsAtItsOwnTick() {
        let wheel = TimerWheel(eventLoop: loop)
        var fired: [Duration] = []
        wheel.schedule(after: .milliseconds(10)) {
            fired.append(wheel.now)
            wheel.schedule(after: .milliseconds(40)) { fired.append(wheel.now) }
        }
        loop.advanceTime(by: .milliseconds(100))
        #expect(fired == [.milliseconds(10), .milliseconds(50)])
    }

    @Test func aTimerBeyondOneTurnOfTheWheelWaitsItsRounds() {
        let wheel = TimerWheel(eventLoop: loop)
        var fired = 0
        wheel.schedule(after: .seconds(200)) { fired += 1 }
        loop.advanceTime(by: .milliseconds(199_990))
        #expect(fired == 0)
        loop.advanceTime(by: .milliseconds(10))
        #expect(fired == 1)
    }

    @Test func cancelledTimersAndThoseOfAStoppedWheelNeverFire() {
        let wheel = TimerWheel(eventLoop: loop)
        var fired: [String] = []
        let cancelled = wheel.schedule(after: .milliseconds(10)) { fired.append("cancelled") }
        wheel.schedule(after: .milliseconds(20)) { fired.append("kept") }
        wheel.cancel(cancelled)
        loop.advanceTime(by: .milliseconds(20))
        wheel.stop()
        wheel.schedule(after: .milliseconds(10)) { fired.append("after stop") }
        loop.advanceTime(by: .seconds(1))
        #expect(fired == ["kept"])
        #expect(wheel.pendingCount == 1)
    }
}
