import B2BUA
import SIPTransport
import Testing

@Suite("Overload: judged by the unread receive backlog, with hysteresis, logged by episode")
struct OverloadGuardTests {
    static let capacity = 32_000

    static func backlog(_ bytes: Int) -> InboundBacklog { InboundBacklog(queuedBytes: bytes, capacityBytes: capacity) }

    @Test func overloadedFromAnEighthOfTheBufferAndClearOnlyBelowAThirtySecond() {
        var guardian = OverloadGuard()
        var started = guardian.observe(Self.backlog(3_999), now: .zero)
        #expect(!started && !guardian.isOverloaded)
        started = guardian.observe(Self.backlog(4_000), now: .zero)
        #expect(started && guardian.isOverloaded, "an episode starts")
        started = guardian.observe(Self.backlog(1_500), now: .zero)
        #expect(!started && guardian.isOverloaded, "between the marks the state holds")
        started = guardian.observe(Self.backlog(999), now: .zero)
        #expect(!started && !guardian.isOverloaded)
        started = guardian.observe(Self.backlog(1_500), now: .zero)
        #expect(!started && !guardian.isOverloaded)
    }

    @Test func flipsWithinTheQuietPeriodAreOneEpisodeWithItsRefusals() {
        var guardian = OverloadGuard()
        var started = guardian.observe(Self.backlog(8_000), now: .seconds(10))
        #expect(started)
        guardian.refused()
        _ = guardian.observe(Self.backlog(0), now: .seconds(11))
        var ended = guardian.endedEpisode(now: .seconds(14))
        #expect(ended == nil, "clear for only 3 s")
        started = guardian.observe(Self.backlog(8_000), now: .seconds(14))
        #expect(!started, "the same episode goes on")
        guardian.refused()
        guardian.refused()
        _ = guardian.observe(Self.backlog(0), now: .seconds(15))
        ended = guardian.endedEpisode(now: .seconds(19))
        #expect(ended == nil)
        ended = guardian.endedEpisode(now: .seconds(20))
        #expect(ended == OverloadGuard.Episode(startedAt: .seconds(10), refused: 3))
        ended = guardian.endedEpisode(now: .seconds(30))
        #expect(ended == nil, "reported once")
        started = guardian.observe(Self.backlog(8_000), now: .seconds(31))
        #expect(started, "a new episode")
    }

    @Test func noReadingNeverOverloads() {
        var guardian = OverloadGuard()
        let started = guardian.observe(InboundBacklog(queuedBytes: 10_000, capacityBytes: 0), now: .zero)
        #expect(!started && !guardian.isOverloaded)
    }
}
