import B2BUA
import SIPTransport
import Testing

@Suite("Overload: a share of new calls refused that grows with the unread receive backlog, logged by episode")
struct OverloadGuardTests {
    static let capacity = 32_000

    static func backlog(_ bytes: Int) -> InboundBacklog { InboundBacklog(queuedBytes: bytes, capacityBytes: capacity) }

    /// How many of `calls` new calls the guard refuses at a steady backlog of `bytes`, read at `now`.
    static func refusals(of calls: Int, at bytes: Int, now: Duration = .seconds(1), guardian: inout OverloadGuard) -> Int {
        (0..<calls).count { _ in guardian.admit(backlog(bytes), now: now).refused }
    }

    @Test func everyCallUpToAThirtySecondNoneFromAnEighthAndAGrowingShareBetween() {
        var guardian = OverloadGuard()
        #expect(Self.refusals(of: 100, at: 1_000, guardian: &guardian) == 0)
        #expect(!guardian.isOverloaded)
        #expect(Self.refusals(of: 1, at: 1_750, now: .zero, guardian: &guardian) == 0, "the rise begins")
        #expect(Self.refusals(of: 100, at: 1_750, guardian: &guardian) == 25, "a quarter of the way: every fourth")
        #expect(guardian.isOverloaded)
        #expect(Self.refusals(of: 100, at: 2_500, guardian: &guardian) == 50)
        #expect(Self.refusals(of: 100, at: 4_000, guardian: &guardian) == 100)
        #expect(Self.refusals(of: 100, at: 900, guardian: &guardian) == 0)
        #expect(guardian.isOverloaded, "the episode lasts until the backlog has stayed low for the quiet period")
    }

    @Test func aRiseShorterThanTheOnsetRefusesNothing() {
        var guardian = OverloadGuard()
        let justUnder = OverloadGuard.onset - .milliseconds(1)
        #expect(Self.refusals(of: 10, at: 10_000, now: .zero, guardian: &guardian) == 0)
        #expect(Self.refusals(of: 10, at: 10_000, now: justUnder, guardian: &guardian) == 0)
        #expect(Self.refusals(of: 1, at: 500, now: justUnder, guardian: &guardian) == 0, "drained")
        #expect(Self.refusals(of: 10, at: 10_000, now: OverloadGuard.onset, guardian: &guardian) == 0,
                "a new rise is timed from its own start")
        #expect(!guardian.isOverloaded)
        #expect(Self.refusals(of: 8, at: 2_500, now: OverloadGuard.onset + justUnder + .milliseconds(1), guardian: &guardian) == 4,
                "halfway between the marks: every second")
        #expect(guardian.isOverloaded)
    }

    @Test func aBacklogAtHalfTheBufferIsRefusedAtOnce() {
        var guardian = OverloadGuard()
        #expect(Self.refusals(of: 10, at: 15_999, now: .zero, guardian: &guardian) == 0)
        #expect(Self.refusals(of: 10, at: 16_000, now: .zero, guardian: &guardian) == 10)
    }

    @Test func refusalsWithinTheQuietPeriodAreOneEpisode() {
        var guardian = OverloadGuard()
        let first = guardian.admit(Self.backlog(30_000), now: .seconds(10))
        #expect(first == OverloadGuard.Verdict(refused: true, episodeStarted: true), "beyond half the buffer")
        _ = guardian.admit(Self.backlog(0), now: .seconds(11))
        var ended = guardian.endedEpisode(now: .seconds(14))
        #expect(ended == nil, "low for only 3 s")
        _ = guardian.admit(Self.backlog(2_500), now: .seconds(14))
        let again = guardian.admit(Self.backlog(2_500), now: .seconds(14))
        #expect(again == OverloadGuard.Verdict(refused: true, episodeStarted: false), "the same episode goes on, without an onset")
        _ = guardian.admit(Self.backlog(0), now: .seconds(15))
        ended = guardian.endedEpisode(now: .seconds(19))
        #expect(ended == nil)
        ended = guardian.endedEpisode(now: .seconds(20))
        #expect(ended == OverloadGuard.Episode(startedAt: .seconds(10), refused: 2))
        ended = guardian.endedEpisode(now: .seconds(30))
        #expect(ended == nil, "reported once")
        let next = guardian.admit(Self.backlog(30_000), now: .seconds(31))
        #expect(next.episodeStarted, "a new episode")
    }

    @Test func aReadingWithoutACallCanEndTheEpisode() {
        var guardian = OverloadGuard()
        _ = guardian.admit(Self.backlog(30_000), now: .seconds(1))
        guardian.observe(Self.backlog(0), now: .seconds(6))
        let ended = guardian.endedEpisode(now: .seconds(11))
        #expect(ended == OverloadGuard.Episode(startedAt: .seconds(1), refused: 1))
        #expect(!guardian.isOverloaded)
    }

    @Test func noReadingNeverRefuses() {
        var guardian = OverloadGuard()
        let verdict = guardian.admit(InboundBacklog(queuedBytes: 10_000, capacityBytes: 0), now: .zero)
        #expect(!verdict.refused && !guardian.isOverloaded)
    }
}
