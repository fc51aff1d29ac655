import Presence
import Testing

@Suite("Token cache: refresh ahead of expiry, invalidate on 401")
struct GraphTokenCacheTests {
    @Test("A token is used until the refresh margin before expiry")
    func refreshAhead() {
        let start = ContinuousClock.now
        var cache = GraphTokenCache(refreshMargin: .seconds(300))
        #expect(cache.usableToken(now: start) == nil)
        cache.store(accessToken: "t1", expiresIn: .seconds(3599), receivedAt: start)
        #expect(cache.usableToken(now: start + .seconds(3298)) == "t1")
        #expect(cache.usableToken(now: start + .seconds(3299)) == nil)
    }

    @Test("A short-lived token is replaced at half its lifetime")
    func shortLived() {
        let start = ContinuousClock.now
        var cache = GraphTokenCache(refreshMargin: .seconds(300))
        cache.store(accessToken: "t1", expiresIn: .seconds(60), receivedAt: start)
        #expect(cache.usableToken(now: start + .seconds(29)) == "t1")
        #expect(cache.usableToken(now: start + .seconds(30)) == nil)
    }

    @Test("Invalidation forgets only the rejected token")
    func invalidate() {
        let start = ContinuousClock.now
        var cache = GraphTokenCache(refreshMargin: .seconds(300))
        cache.store(accessToken: "t2", expiresIn: .seconds(3599), receivedAt: start)
        cache.invalidate("t1")
        #expect(cache.usableToken(now: start) == "t2")
        cache.invalidate("t2")
        #expect(cache.usableToken(now: start) == nil)
    }
}
