import SIPStack
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

    @Test func aZeroDelayFiresOnTheNextTick() {
        var wheel = TimerWheelState<String>(slotCount: 4, tick: 41)
        _ = wheel.schedule(after: 0, "now")
        #expect(wheel.advance(to: 42) == ["now"])
    }

    @Test func manyTimersFireInDueOrderAcrossTurns() {
        var wheel = TimerWheelState<Int>(slotCount: 16)
        var generator = SplitMix(seed: 7)
        var due: [(Int64, Int)] = []
        for index in 0..<2_000 {
            let delay = Int64(generator.next() % 500) + 1
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
}

/// A small seeded generator for reproducible delays.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
