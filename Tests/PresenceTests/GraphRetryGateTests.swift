import Presence
import Testing

@Suite("Retry-After and exponential back-off")
struct GraphRetryGateTests {
    @Test("Back-off doubles from 1 s and stops at the 60 s cap", arguments: [
        (1, 1), (2, 2), (3, 4), (4, 8), (6, 32), (7, 60), (30, 60),
    ])
    func backoffSequence(failures: Int, seconds: Int) {
        #expect(GraphRetryGate().backoff(afterFailures: failures) == .seconds(seconds))
    }

    @Test("Without Retry-After the gate closes for the back-off; a success resets the sequence")
    func exponentialWithoutRetryAfter() {
        let start = ContinuousClock.now
        var gate = GraphRetryGate()
        #expect(gate.isOpen(now: start))
        #expect(gate.recordFailure(retryAfter: nil, now: start) == start + .seconds(1))
        #expect(!gate.isOpen(now: start + .milliseconds(999)))
        #expect(gate.isOpen(now: start + .seconds(1)))
        #expect(gate.recordFailure(retryAfter: nil, now: start + .seconds(1)) == start + .seconds(3))
        #expect(gate.recordFailure(retryAfter: nil, now: start + .seconds(3)) == start + .seconds(7))
        gate.recordSuccess()
        #expect(gate.consecutiveFailures == 0)
        #expect(gate.recordFailure(retryAfter: nil, now: start + .seconds(10)) == start + .seconds(11))
    }

    @Test("Retry-After is obeyed as sent, even above the back-off cap")
    func retryAfterWins() {
        let start = ContinuousClock.now
        var gate = GraphRetryGate(maximumBackoff: .seconds(60))
        #expect(gate.recordFailure(retryAfter: .seconds(120), now: start) == start + .seconds(120))
        #expect(!gate.isOpen(now: start + .seconds(119)))
        #expect(gate.isOpen(now: start + .seconds(120)))
    }

    @Test("A shorter later Retry-After never reopens the gate early")
    func laterShorterRetryAfter() {
        let start = ContinuousClock.now
        var gate = GraphRetryGate()
        gate.recordFailure(retryAfter: .seconds(30), now: start)
        #expect(gate.recordFailure(retryAfter: .seconds(1), now: start + .seconds(1)) == start + .seconds(30))
    }
}
