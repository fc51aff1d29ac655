import B2BUA
import Testing

@Suite("Trunk health")
struct TrunkHealthTests {
    @Test("Any final response to OPTIONS means up, as SBCs treat it, except a timeout or 503",
          arguments: [(200, TrunkHealth.Observation.answered), (404, .answered), (405, .answered), (481, .answered),
                      (500, .answered), (504, .answered), (408, .failed), (503, .failed)])
    func optionsResponses(statusCode: Int, observation: TrunkHealth.Observation) {
        #expect(TrunkHealth.observation(forOptionsStatus: statusCode) == observation)
    }

    @Test("Down after N consecutive failures, up at the first answer; each change reported once",
          arguments: [
              (2, [TrunkHealth.Observation.failed], [Bool?.none]),
              (2, [.failed, .failed], [nil, false]),
              (2, [.failed, .answered, .failed], [nil, nil, nil]),
              (2, [.failed, .failed, .failed, .answered, .answered], [nil, false, nil, true, nil]),
              (1, [.failed, .answered], [false, true]),
              (3, [.failed, .failed, .failed], [nil, nil, false]),
          ])
    func changes(downAfterFailures: Int, observations: [TrunkHealth.Observation], changes: [Bool?]) {
        var health = TrunkHealth(downAfterFailures: downAfterFailures, now: .zero)
        var seen: [Bool?] = []
        for (second, observation) in observations.enumerated() {
            seen.append(health.observe(observation, now: .seconds(second + 1)))
        }
        #expect(seen == changes)
    }

    @Test func sinceIsWhenTheStateLastChanged() {
        var health = TrunkHealth(downAfterFailures: 2, now: .seconds(5))
        #expect(health.isUp && health.since == .seconds(5))
        _ = health.observe(.failed, now: .seconds(10))
        #expect(health.since == .seconds(5))
        _ = health.observe(.failed, now: .seconds(20))
        #expect(!health.isUp && health.since == .seconds(20) && health.consecutiveFailures == 2)
        _ = health.observe(.answered, now: .seconds(30))
        #expect(health.isUp && health.since == .seconds(30) && health.consecutiveFailures == 0)
    }
}
