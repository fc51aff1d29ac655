import Presence
import Testing

@Suite("Token-bucket request budget")
struct GraphRequestBudgetTests {
    @Test("Graph's 1,500 per 30 s with 10% headroom: 1,350 admitted, burst 135, 40.5 per second")
    func sizing() {
        let budget = GraphRequestBudget(now: .now)
        #expect(budget.admittedPerWindow == 1350)
        #expect(budget.capacity == 135)
        #expect(budget.refillPerSecond == 40.5)
    }

    @Test("A greedy caller never gets more than the admitted count into any 30 s window", arguments: [1500, 100, 10])
    func neverAboveLimit(limit: Int) {
        let start = ContinuousClock.now
        var budget = GraphRequestBudget(limit: limit, window: .seconds(30), now: start)
        var granted: [ContinuousClock.Instant] = []
        var now = start
        let end = start + .seconds(120)
        while now < end {
            if budget.tryAcquire(now: now) { granted.append(now) }
            now += .milliseconds(5)
        }
        var oldest = 0
        var busiest = 0
        for (index, instant) in granted.enumerated() {
            while granted[oldest] <= instant - .seconds(30) { oldest += 1 }
            busiest = max(busiest, index - oldest + 1)
        }
        #expect(busiest <= budget.admittedPerWindow)
        #expect(busiest >= budget.admittedPerWindow - 2)
        #expect(busiest < limit)
    }

    @Test("An empty bucket names the moment its next token arrives")
    func nextAvailable() {
        let start = ContinuousClock.now
        var budget = GraphRequestBudget(limit: 40, window: .seconds(10), headroom: 0, burstFraction: 0.1, now: start)
        #expect(budget.capacity == 4)
        let burst = (0..<5).map { _ in budget.tryAcquire(now: start) }
        #expect(burst == [true, true, true, true, false])
        // 36 tokens per 10 s: one every 277.8 ms.
        let next = budget.nextAvailable(now: start)
        #expect(next > start + .milliseconds(277) && next < start + .milliseconds(279))
        let early = budget.tryAcquire(now: next - .milliseconds(1))
        let onTime = budget.tryAcquire(now: next)
        #expect(!early)
        #expect(onTime)
    }
}
