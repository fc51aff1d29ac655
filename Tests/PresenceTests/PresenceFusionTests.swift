import Presence
import Testing

@Suite("Presence fusion: presence × own call state × staleness × reachability")
struct PresenceFusionTests {
    static let now = ContinuousClock.now
    static let fusion = PresenceFusion(stalenessBudget: .seconds(30), unreachablePolicy: .keepLastKnown(for: .seconds(60)))

    static func snapshot(_ availability: TeamsAvailability, _ activity: TeamsActivity, age: Duration) -> PresenceSnapshot {
        PresenceSnapshot(userID: "agent", availability: availability, activity: activity, observedAt: now - age)
    }

    @Test("An idle agent with fresh presence: presence decides", arguments: [
        (TeamsAvailability.available, TeamsActivity.available, AgentAvailability.routable),
        (.availableIdle, .inactive, .routable),
        (.available, .inACall, .notRoutable(.presence(.available, .inACall))),
        (.available, .presenting, .notRoutable(.presence(.available, .presenting))),
        (.busy, .inACall, .notRoutable(.presence(.busy, .inACall))),
        (.busyIdle, .inactive, .notRoutable(.presence(.busyIdle, .inactive))),
        (.doNotDisturb, .presenting, .notRoutable(.presence(.doNotDisturb, .presenting))),
        (.away, .away, .notRoutable(.presence(.away, .away))),
        (.beRightBack, .beRightBack, .notRoutable(.presence(.beRightBack, .beRightBack))),
        (.offline, .offWork, .notRoutable(.presence(.offline, .offWork))),
        (.presenceUnknown, .presenceUnknown, .unknown(.presenceUnknown)),
    ])
    func presenceDecides(availability: TeamsAvailability, activity: TeamsActivity, expected: AgentAvailability) {
        let verdict = Self.fusion.availability(
            snapshot: Self.snapshot(availability, activity, age: .seconds(2)), callState: .idle, health: .reachable, now: Self.now)
        #expect(verdict == expected)
    }

    @Test("Own call state wins over any presence, fresh or stale", arguments: [AgentCallState.offering, .onCall, .wrapUp], [
        TeamsAvailability.available, .availableIdle, .busy, .doNotDisturb, .offline, .presenceUnknown,
    ])
    func ownCallStateWins(callState: AgentCallState, availability: TeamsAvailability) {
        for age in [Duration.seconds(1), .seconds(300)] {
            let verdict = Self.fusion.availability(
                snapshot: Self.snapshot(availability, .available, age: age), callState: callState, health: .reachable, now: Self.now)
            #expect(verdict == .notRoutable(.callState(callState)))
        }
    }

    @Test("Staleness budget: at the budget still fresh, past it unknown", arguments: [
        (Duration.seconds(0), AgentAvailability.routable),
        (.seconds(30), .routable),
        (.milliseconds(30_001), .unknown(.stale)),
        (.seconds(3600), .unknown(.stale)),
    ])
    func staleness(age: Duration, expected: AgentAvailability) {
        let verdict = Self.fusion.availability(
            snapshot: Self.snapshot(.available, .available, age: age), callState: .idle, health: .reachable, now: Self.now)
        #expect(verdict == expected)
    }

    @Test("Stale bad news is unknown too, not kept as busy")
    func staleBusyIsUnknown() {
        let verdict = Self.fusion.availability(
            snapshot: Self.snapshot(.doNotDisturb, .doNotDisturb, age: .seconds(31)), callState: .idle, health: .reachable, now: Self.now)
        #expect(verdict == .unknown(.stale))
    }

    @Test("Unreachable: last known presence is kept for the grace period from the outage's start, then unknown", arguments: [
        (Duration.seconds(0), AgentAvailability.routable),
        (.seconds(59), .routable),
        (.seconds(60), .unknown(.sourceUnreachable)),
        (.seconds(600), .unknown(.sourceUnreachable)),
    ])
    func unreachableGrace(sinceOutage: Duration, expected: AgentAvailability) {
        let health = PresenceSourceHealth.unreachable(since: Self.now - sinceOutage, reason: "test")
        // Observed 45 s ago: past the 30 s staleness budget, which the grace period overrides.
        let verdict = Self.fusion.availability(
            snapshot: Self.snapshot(.available, .available, age: .seconds(45)), callState: .idle, health: health, now: Self.now)
        #expect(verdict == expected)
    }

    @Test("unknownImmediately makes every agent unknown as soon as the source is unreachable")
    func unknownImmediately() {
        let fusion = PresenceFusion(stalenessBudget: .seconds(30), unreachablePolicy: .unknownImmediately)
        let verdict = fusion.availability(
            snapshot: Self.snapshot(.available, .available, age: .seconds(1)), callState: .idle,
            health: .unreachable(since: Self.now, reason: "test"), now: Self.now)
        #expect(verdict == .unknown(.sourceUnreachable))
    }

    @Test("No presence at all is unknown; with a call it is still not routable")
    func noPresence() {
        #expect(Self.fusion.availability(snapshot: nil, callState: .idle, health: .reachable, now: Self.now) == .unknown(.noPresence))
        #expect(Self.fusion.availability(snapshot: nil, callState: .onCall, health: .reachable, now: Self.now) == .notRoutable(.callState(.onCall)))
    }

    @Test("Without a staleness budget (static source) old presence stays valid")
    func noStalenessBudget() {
        let fusion = PresenceFusion(stalenessBudget: nil, unreachablePolicy: .unknownImmediately)
        let verdict = fusion.availability(
            snapshot: Self.snapshot(.available, .available, age: .seconds(86_400)), callState: .idle, health: .reachable, now: Self.now)
        #expect(verdict == .routable)
    }
}
