import Presence
import Testing

@Suite("Source health: one transition per outage")
struct PresenceHealthTrackerTests {
    @Test("Unreachable after the threshold, dated from the first failure, reported once; reachable once")
    func outageReportedOnce() {
        let start = ContinuousClock.now
        var tracker = PresenceHealthTracker(failureThreshold: 3)
        #expect(tracker.recordFailure(reason: "a", now: start) == nil)
        #expect(tracker.recordFailure(reason: "b", now: start + .seconds(1)) == nil)
        #expect(tracker.recordFailure(reason: "c", now: start + .seconds(3)) == .unreachable(since: start, reason: "c"))
        for second in 4..<20 {
            #expect(tracker.recordFailure(reason: "d", now: start + .seconds(second)) == nil)
        }
        #expect(tracker.recordSuccess() == .reachable)
        #expect(tracker.recordSuccess() == nil)
        #expect(tracker.health == .reachable)
    }

    @Test("A success between failures starts the count over")
    func successResetsCount() {
        let start = ContinuousClock.now
        var tracker = PresenceHealthTracker(failureThreshold: 2)
        #expect(tracker.recordFailure(reason: "a", now: start) == nil)
        #expect(tracker.recordSuccess() == nil)
        #expect(tracker.recordFailure(reason: "b", now: start + .seconds(5)) == nil)
        #expect(tracker.recordFailure(reason: "c", now: start + .seconds(6)) == .unreachable(since: start + .seconds(5), reason: "c"))
    }
}
