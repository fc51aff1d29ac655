import HeapModule

/// The pure ACD queue engine: events go in, decisions come out.
///
/// The engine owns every queue, agent and waiting caller. It never reads a clock, sleeps or
/// touches the network: the daemon passes `now` with every call, rings the agents named in
/// ``ACDDecision/offer(_:)`` and reports back with events. Time-driven rules (max wait, tier and
/// skill widening, ring timeouts, ring-progressively, wrap-up and back-off ends, stale presence)
/// sit in a timer heap; call ``tick(now:)`` at ``nextDeadline`` (every `handle` also runs the
/// timers that are due).
///
/// ```swift
/// var engine = try ACDEngine(configuration: configuration, randomNumberGenerator: SystemRandomNumberGenerator(), now: now)
/// _ = engine.handle(.agentStatusChanged("alice", .available), now: now)
/// _ = engine.handle(.presenceChanged("alice", .available, observedAt: now), now: now)
/// for decision in engine.handle(.callerArrived(CallerArrival(callID: "c1", queue: .number("+4930123"), callerNumber: "+4917")), now: now) {
///     if case .offer(let offer) = decision { /* ring offer.agents */ }
/// }
/// ```
///
/// Hot path: each queue keeps its eligible agents per tier/penalty level in a heap keyed by the
/// strategy (or a Fenwick tree for the random strategies, see ``QueueRoster``) and its waiting
/// callers in heaps per priority and skill requirements (``WaitingLine``); an event only touches
/// the queues of the agent or caller it concerns, so a decision costs O(log n) in agents and
/// waiting callers. Explanations, reconciliation and listings scan, and stay off that path.
///
/// Invariants (checked by the property tests): an agent holds at most one reservation across all
/// queues; every caller is in exactly one place until exactly one ``ACDDecision/callerFinished(_:_:)``;
/// callers of equal priority and requirements are offered in arrival order.
public struct ACDEngine: Sendable {
    let configuration: ACDConfiguration
    var agents: [AgentRecord]
    var queues: [QueueRecord]
    let agentIndex: [AgentID: Int]
    let queueIndex: [QueueID: Int]
    let numberIndex: [String: Int]
    var skillIndex: [String: Int]
    var skillNames: [String]
    var signatures: [[SkillNeed]: Int] = [[]: 0]
    var callers: [CallerRecord?] = []
    var freeSlots: [Int] = []
    var slotByCall: [CallID: Int] = [:]
    var timers = Heap<TimerEntry>()
    var counter: UInt64 = 0
    var dirtyQueues: [Int] = []
    var isDirty: [Bool]
    var preferredWaiters: [Int: [Int]] = [:]
    var pendingPreferred: [Int] = []
    var rejoinMemory = ExpiringMemory<RejoinKey, RejoinPlace>()
    var lastAgentMemory = ExpiringMemory<String, Int>()
    var decisions: [ACDDecision] = []
    /// While the trunk is down: no offers (see ``ACDEvent/offersSuspended(_:)``).
    var offersSuspended = false
    /// The injected randomness (random strategies); an existential so the engine itself is not
    /// generic: unspecialised generic code across the module boundary costs more than the draws.
    var generator: any RandomNumberGenerator & Sendable
    var lastNow: ACDInstant

    /// Where an abandoned caller stood, kept for ``QueueConfiguration/rejoinWindow``.
    struct RejoinKey: Hashable, Sendable {
        var queue: Int
        var callerNumber: String
    }

    /// The kept place: order key and priority.
    struct RejoinPlace: Sendable {
        var order: ACDInstant
        var sequence: UInt64
        var priority: Int
    }

    /// Creates an engine after validating `configuration`; every agent starts logged out with no
    /// presence. Pass earlier ``statistics`` back in to continue them across a restart.
    public init(
        configuration: ACDConfiguration,
        statistics: ACDStatistics = ACDStatistics(),
        randomNumberGenerator: some RandomNumberGenerator & Sendable,
        now: ACDInstant
    ) throws(ACDConfigurationError) {
        try self.init(configuration: configuration, statistics: statistics, randomNumberGenerator: randomNumberGenerator,
                      now: now, knownSkills: [])
    }

    /// The designated initializer; `knownSkills` keep their interned identifiers (in that order), so
    /// a reconfigured engine can carry callers' interned requirements over unchanged.
    init(
        configuration: ACDConfiguration,
        statistics: ACDStatistics,
        randomNumberGenerator: some RandomNumberGenerator & Sendable,
        now: ACDInstant,
        knownSkills: [String]
    ) throws(ACDConfigurationError) {
        try configuration.validate()
        self.configuration = configuration
        generator = randomNumberGenerator
        lastNow = now
        var skills: [String: Int] = [:]
        for name in knownSkills + (configuration.agents.flatMap(\.skills.keys) + configuration.queues.flatMap(\.requiredSkills.keys)).sorted()
        where skills[name] == nil {
            skills[name] = skills.count
        }
        skillIndex = skills
        skillNames = skills.sorted { $0.value < $1.value }.map(\.key)
        let agentIndex = Dictionary(uniqueKeysWithValues: configuration.agents.enumerated().map { ($1.id, $0) })
        self.agentIndex = agentIndex
        queueIndex = Dictionary(uniqueKeysWithValues: configuration.queues.enumerated().map { ($1.id, $0) })
        numberIndex = Dictionary(uniqueKeysWithValues: configuration.queues.enumerated().flatMap { index, queue in
            queue.numbers.map { ($0, index) }
        })
        var memberships = Array(repeating: [(queue: Int, member: Int)](), count: configuration.agents.count)
        queues = configuration.queues.enumerated().map { queueNumber, queue in
            let members = queue.members.map { (agent: agentIndex[$0.agent] ?? 0, member: $0) }
            for (memberNumber, member) in members.enumerated() {
                memberships[member.agent].append((queueNumber, memberNumber))
            }
            return QueueRecord(
                configuration: queue,
                roster: QueueRoster(members: members, strategy: queue.strategy),
                tierRules: queue.tierRules.map { ($0.after.nanoseconds, $0.tier) }.sorted { $0.after < $1.after },
                skillRules: queue.skillRules.map { ($0.after.nanoseconds, $0.reduction) }.sorted { $0.after < $1.after },
                needs: queue.requiredSkills.map { SkillNeed(skill: skills[$0.key] ?? 0, level: $0.value) }.sorted(),
                schedule: queue.schedule,
                calendar: queue.schedule.flatMap { ScheduleCalendar(timeZone: $0.timeZone) },
                memberIndex: Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1.agent, $0) }),
                statistics: statistics.queues[queue.id] ?? QueueStatistics()
            )
        }
        agents = configuration.agents.enumerated().map { index, agent in
            var levels = Array(repeating: 0, count: skills.count)
            for (name, level) in agent.skills { levels[skills[name] ?? 0] = level }
            return AgentRecord(
                configuration: agent, skills: levels, memberships: memberships[index],
                presenceObservedAt: now, idleSince: now, backOffUntil: now,
                statistics: statistics.agents[agent.id] ?? AgentStatistics()
            )
        }
        isDirty = Array(repeating: false, count: configuration.queues.count)
        for index in queues.indices where !queues[index].admits(queues[index].configuration.stayPolicy) {
            queues[index].noAgentSince = now
        }
    }

    /// Applies one event at `now` and returns the decisions it caused, in order.
    ///
    /// Timers due at `now` run first. An instant earlier than a previous one is treated as the
    /// previous one (the engine's time never goes backwards).
    public mutating func handle(_ event: ACDEvent, now: ACDInstant) -> [ACDDecision] {
        let now = advance(to: now)
        switch event {
        case .callerArrived(let arrival):
            callerArrived(arrival, now: now)
        case .callerAbandoned(let callID):
            if let slot = knownSlot(callID) { abandon(slot, now: now) }
        case .callerPressedExitKey(let callID):
            if let slot = unansweredSlot(callID) { overflow(slot, reason: .exitKey, now: now) }
        case .callbackRequested, .callbackConnected, .callbackUnanswered:
            handleCallback(event, now: now)
        case .callbackRestored(let entry):
            restoreCallback(entry, now: now)
        case .offerRinging(let callID, let agent):
            if let slot = knownSlot(callID), let agent = knownAgent(agent) { offerRinging(slot, agent: agent) }
        case .offerAnswered(let callID, let agent):
            if let slot = knownSlot(callID), let agent = knownAgent(agent) { offerAnswered(slot, agent: agent, now: now) }
        case .offerFailed(let callID, let agent, let reason):
            if let slot = knownSlot(callID), let agent = knownAgent(agent) {
                offerFailed(slot, agent: agent, reason: reason, now: now)
            }
        case .callEnded(let callID):
            if let slot = knownSlot(callID) { endCall(slot, wrapUp: true, now: now) }
        case .agentStatusChanged(let agent, let status):
            if let agent = knownAgent(agent) { changeStatus(of: agent, to: status, now: now) }
        case .agentStatusRestored(let agent, let status, let breakUntil):
            if let agent = knownAgent(agent) { restoreStatus(of: agent, to: status, breakUntil: breakUntil, now: now) }
        case .presenceChanged(let agent, let presence, let observedAt):
            if let agent = knownAgent(agent) { updatePresence(of: agent, presence, observedAt: observedAt, now: now) }
        case .wrapUpEnded(let agent):
            if let agent = knownAgent(agent) { endWrapUpEarly(agent, now: now) }
        case .reconcile(let liveCalls):
            reconcile(liveCalls: liveCalls, now: now)
        case .withdraw(let callID, let target):
            if let slot = unansweredSlot(callID) { overflow(slot, reason: .withdrawn, target: target, now: now) }
        case .reprioritize(let callID, let priority):
            if let slot = unansweredSlot(callID) { reprioritize(slot, to: priority) }
        case .emergencyChanged(let queue, let active):
            setEmergency(queue, active: active)
        case .offersSuspended(let suspended):
            suspendOffers(suspended)
        }
        dispatch(now: now)
        return takeDecisions()
    }

    /// Runs the time-driven rules due at `now` and returns their decisions.
    public mutating func tick(now: ACDInstant) -> [ACDDecision] {
        let now = advance(to: now)
        dispatch(now: now)
        return takeDecisions()
    }

    /// The earliest instant at which ``tick(now:)`` has something to do (some timers turn out to
    /// have nothing left to do when they fire), or `nil`.
    public var nextDeadline: ACDInstant? {
        timers.min?.deadline
    }

    private mutating func advance(to requested: ACDInstant) -> ACDInstant {
        let now = max(requested, lastNow)
        lastNow = now
        rejoinMemory.prune(at: now)
        lastAgentMemory.prune(at: now)
        runDueTimers(now: now)
        return now
    }

    mutating func takeDecisions() -> [ACDDecision] {
        defer { decisions = [] }
        return decisions
    }

    mutating func knownSlot(_ callID: CallID) -> Int? {
        guard let slot = slotByCall[callID] else {
            decisions.append(.ignored(.unknownCall(callID)))
            return nil
        }
        return slot
    }

    /// The slot of a caller not yet answered (supervisor actions and exit keys only apply to those).
    private mutating func unansweredSlot(_ callID: CallID) -> Int? {
        guard let slot = slotByCall[callID], let caller = callers[slot] else {
            decisions.append(.ignored(.unknownCall(callID)))
            return nil
        }
        if case .connected = caller.phase {
            decisions.append(.ignored(.unknownCall(callID)))
            return nil
        }
        return slot
    }

    private mutating func knownAgent(_ id: AgentID) -> Int? {
        guard let agent = agentIndex[id] else {
            decisions.append(.ignored(.unknownAgent(id)))
            return nil
        }
        return agent
    }
}
