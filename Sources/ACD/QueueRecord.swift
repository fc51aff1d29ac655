import DequeModule

/// The engine's live record of one queue.
struct QueueRecord: Sendable {
    let configuration: QueueConfiguration
    var roster: QueueRoster
    var line = WaitingLine()
    /// Tier rules as (wait in ns, tier), sorted by wait; empty means every tier at once.
    let tierRules: [(after: Int64, tier: Int)]
    /// Skill rules as (wait in ns, reduction), sorted by wait.
    let skillRules: [(after: Int64, reduction: Int)]
    /// The queue's own skill requirements, interned.
    let needs: [SkillNeed]
    let schedule: ScheduleConfiguration?
    let calendar: ScheduleCalendar?
    var emergency = false
    /// Callers in the queue and not yet answered (waiting, held, preferred or ringing).
    var present: Set<Int> = []
    /// Callback entries out of the line until their next attempt, counted ahead of new callers.
    var heldCallbacks = 0
    /// Members with status available / not logged out.
    var staffed = 0
    var loggedIn = 0
    /// Since when the stay policy is unmet.
    var noAgentSince: ACDInstant?
    /// Recent handle times (ns) and their sum, for the EWT.
    var handleTimes: Deque<Int64> = []
    var handleTimeSum: Int64 = 0
    /// Round-robin memory: the key of the member that got the last call.
    var roundRobinRound: Int64 = 0
    var roundRobinMember = -1
    /// Member index of each agent index serving the queue.
    let memberIndex: [Int: Int]
    var statistics: QueueStatistics

    /// The highest tier a caller who has waited `wait` ns may be offered to.
    func allowedTier(afterWaiting wait: Int64) -> Int {
        guard !tierRules.isEmpty else { return Int.max }
        var tier = 1
        for rule in tierRules where rule.after <= wait { tier = max(tier, rule.tier) }
        return tier
    }

    /// How much required proficiencies drop after waiting `wait` ns.
    func skillReduction(afterWaiting wait: Int64) -> Int {
        var reduction = 0
        for rule in skillRules where rule.after <= wait { reduction = max(reduction, rule.reduction) }
        return reduction
    }

    /// The first rule threshold (ns of wait) after `wait`, if any.
    func nextRuleThreshold(after wait: Int64) -> Int64? {
        let tier = tierRules.first { $0.after > wait }?.after
        let skill = skillRules.first { $0.after > wait }?.after
        return [tier, skill].compactMap { $0 }.min()
    }

    /// Whether `policy` lets callers join or stay now.
    func admits(_ policy: EmptyQueuePolicy) -> Bool {
        switch policy {
        case .always: true
        case .whenAgentLoggedIn: loggedIn > 0
        case .whenAgentAvailable: staffed > 0
        }
    }

    /// Records a finished handle time for the EWT window.
    mutating func recordHandleTime(_ nanoseconds: Int64) {
        handleTimes.append(nanoseconds)
        handleTimeSum += nanoseconds
        if handleTimes.count > configuration.handleTimeWindow {
            handleTimeSum -= handleTimes.removeFirst()
        }
    }
}
