import B2BUA
import SIPTransport
import Testing

@Suite("Overload: judged by the unread receive backlog, with hysteresis")
struct OverloadGuardTests {
    @Test func overloadedFromAnEighthOfTheBufferAndClearOnlyBelowAThirtySecond() {
        var guardian = OverloadGuard()
        let capacity = 32_000
        #expect(guardian.observe(InboundBacklog(queuedBytes: 3_999, capacityBytes: capacity)) == false)
        #expect(!guardian.isOverloaded)
        #expect(guardian.observe(InboundBacklog(queuedBytes: 4_000, capacityBytes: capacity)) == true)
        #expect(guardian.isOverloaded)
        #expect(guardian.observe(InboundBacklog(queuedBytes: 1_500, capacityBytes: capacity)) == false)
        #expect(guardian.isOverloaded, "between the marks the state holds")
        #expect(guardian.observe(InboundBacklog(queuedBytes: 999, capacityBytes: capacity)) == true)
        #expect(!guardian.isOverloaded)
        #expect(guardian.observe(InboundBacklog(queuedBytes: 1_500, capacityBytes: capacity)) == false)
        #expect(!guardian.isOverloaded)
    }

    @Test func noReadingNeverOverloads() {
        var guardian = OverloadGuard()
        #expect(guardian.observe(InboundBacklog(queuedBytes: 10_000, capacityBytes: 0)) == false)
        #expect(!guardian.isOverloaded)
    }
}
