@testable import SIPStack
import Testing

@Suite("TimerWheelState")
struct TimerWheelStateTests {
    @Test func firesAtTheDueTickNotBefore() {
        var wheel = TimerWheelState<String>(slotCount: 8)
        _ = wheel.schedule(after: 3, "a")
        #expect(wheel.advance(to: 2) == [])
        #expect(wheel.advance(to: 3) == ["a"])
        #expect(wheel.advance(to: 20) == [])
        #expect(wheel.pendingCount == 0)
    }

    @Test(arguments: [1, 7, 8, 9, 16, 17, 100, 1_000])
    func timersLongerThanOneTurnWaitTheirRounds(delay: Int) {
        var wheel = TimerWheelState<Int>(slotCount: 8)
        _ = wheel.schedule(after: Int64(delay), delay)
        #expect(wheel.advance(to: Int64(delay) - 1) == [])
        #expect(wheel.advance(to: Int64(delay)) == [delay])
    }

    @Test func cancelledTimersNeverFire() {
        var wheel = TimerWheelState<String>(slotCount: 4)
        let a = wheel.schedule(after: 2, "a")
        _ = wheel.schedule(after: 2, "b")
        wheel.cancel(a)
        wheel.cancel(a)
        #expect(wheel.pendingCount == 1)
        #expect(wheel.advance(to: 10) == ["b"])
    }

    @Test func anIDCancelsOnlyItsOwnTimerInASlotUsedAgain() {
        var wheel = TimerWheelState<String>(slotCount: 4)
        let fired = wheel.schedule(after: 1, "a")
        #expect(wheel.advance(to: 1) == ["a"])
        _ = wheel.schedule(after: 4, "b")
        let cancelled = wheel.schedule(after: 8, "c")
        wheel.cancel(fired)
        wheel.cancel(cancelled)
        #expect(wheel.pendingCount == 1)
        #expect(wheel.advance(to: 20) == ["b"])
        #expect(wheel.pendingCount == 0)
    }

    @Test func aZeroDelayFiresOnTheNextTick() {
        var wheel = TimerWheelState<String>(slotCount: 4, tick: 41)
        _ = wheel.schedule(after: 0, "now")
        #expect(wheel.advance(to: 42) == ["now"])
    }

    @Test func manyTimersFireInDueOrderAcrossTurns() {
        var wheel = TimerWheelState<Int>(slotCount: 16)
        var due: [(Int64, Int)] = []
        for index in 0..<2_000 {
            let delay = Int64(index * 7_919 % 500) + 1
            _ = wheel.schedule(after: delay, index)
            due.append((delay, index))
        }
        var fired: [Int] = []
        for tick in 1...500 {
            let now = wheel.advance(to: Int64(tick))
            #expect(Set(now) == Set(due.filter { $0.0 == Int64(tick) }.map(\.1)))
            fired += now
        }
        #expect(fired.count == 2_000)
    }

    @Test func nextDueTickIsTheEarliestTimerAcrossTurns() {
        var wheel = TimerWheelState<String>(slotCount: 8, tick: 5)
        #expect(wheel.nextDueTick == nil)
        let late = wheel.schedule(after: 30, "late")
        #expect(wheel.nextDueTick == 35)
        _ = wheel.schedule(after: 20, "sooner, another turn")
        #expect(wheel.nextDueTick == 25)
        let soon = wheel.schedule(after: 3, "soon")
        #expect(wheel.nextDueTick == 8)
        wheel.cancel(soon)
        #expect(wheel.nextDueTick == 25)
        #expect(wheel.advance(to: 25) == ["sooner, another turn"])
        #expect(wheel.nextDueTick == 35)
        wheel.cancel(late)
        #expect(wheel.nextDueTick == nil)
    }

    @Test func anEmptiedSlotKeepsRoomForAFewTimersAndGivesBackAFloodsRoom() {
        var wheel = TimerWheelState<Int>(slotCount: 8)
        for index in 0..<3 { _ = wheel.schedule(after: 2, index) }
        let room = wheel.reservedEntries
        #expect(wheel.advance(to: 2) == [0, 1, 2])
        #expect(wheel.reservedEntries == room, "the slot keeps its room for the next timers due there")
        for index in 0..<3 { _ = wheel.schedule(after: 8, index) }
        #expect(wheel.reservedEntries == room, "timers due in that slot again take the room it kept")
        #expect(wheel.advance(to: 10) == [0, 1, 2])

        let cancelled = wheel.schedule(after: 3, 7)
        wheel.cancel(cancelled)
        #expect(wheel.reservedEntries <= 2 * TimerWheelState<Int>.keptCapacity)

        for index in 0..<1_000 { _ = wheel.schedule(after: 4, index) }
        #expect(wheel.reservedEntries >= 1_000)
        #expect(wheel.advance(to: 14).count == 1_000)
        #expect(wheel.reservedEntries <= 8 * TimerWheelState<Int>.keptCapacity, "a flood's room is given back once it fired")
    }
}
