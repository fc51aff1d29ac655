/// One queue: the numbers it serves, how it picks agents, and what happens to its callers.
public struct QueueConfiguration: Hashable, Sendable {
    /// The queue's identifier.
    public var id: QueueID
    /// The E.164 numbers (Request-URI user parts) that reach this queue.
    public var numbers: [String]
    /// How agents are picked.
    public var strategy: RoutingStrategy
    /// The agents serving the queue, in order (the order matters for linear and round-robin).
    public var members: [QueueMember]
    /// Rules that let higher tiers take the call as the caller waits.
    public var tierRules: [TierRule]
    /// Skills every caller of this queue needs (merged with the caller's own requirements).
    public var requiredSkills: [String: Int]
    /// Rules that lower required proficiencies as the caller waits.
    public var skillRules: [SkillRule]
    /// How long one agent rings before the offer counts as not answered.
    public var ringTimeout: Duration
    /// Callers (waiting or ringing) beyond which new callers overflow as ``OverflowReason/full``.
    public var maxCallers: Int?
    /// Wait after which a caller overflows as ``OverflowReason/timeout``.
    public var maxWait: Duration?
    /// Whether a caller may join when agents are missing (else ``OverflowReason/noAgents``).
    public var joinPolicy: EmptyQueuePolicy
    /// Whether waiting callers may stay when agents are missing.
    public var stayPolicy: EmptyQueuePolicy
    /// How long callers stay while ``stayPolicy`` is not met before they overflow (0 = at once).
    public var maxWaitWithNoAgent: Duration
    /// Wrap-up after each call of this queue (an agent's own wrap-up overrides it).
    public var wrapUp: Duration
    /// Upper bound for any wrap-up after a call of this queue.
    public var wrapUpCeiling: Duration?
    /// Priority of this queue for agents serving several queues (higher first).
    public var weight: Int
    /// Which Teams presence makes a member routable for this queue.
    public var presencePolicy: PresencePolicy
    /// Where callers go for each overflow reason; a missing reason hangs up.
    public var overflowTargets: [OverflowReason: OverflowTarget]
    /// The DTMF key (`0`–`9`, `*`, `#`, `A`–`D`) that sends a waiting caller to the
    /// ``OverflowReason/exitKey`` target; nil: no key does.
    public var exitKey: Character?
    /// An arriving caller whose EWT exceeds this overflows as ``OverflowReason/ewt``.
    public var ewtThreshold: Duration?
    /// A caller who hangs up and calls back within this window gets their place back.
    public var rejoinWindow: Duration?
    /// Offers returning callers to their last agent first.
    public var preferredAgent: PreferredAgentConfiguration?
    /// Answered within this counts towards the service level.
    public var serviceLevelThreshold: Duration
    /// Opening hours; `nil` is always open.
    public var schedule: ScheduleConfiguration?
    /// What the caller hears (used by the media side).
    public var announcements: AnnouncementConfiguration
    /// How many recent handle times feed the EWT.
    public var handleTimeWindow: Int
    /// The handle time the EWT assumes before the queue has handled a call.
    public var initialHandleTime: Duration
    /// The callback a waiting caller may ask for with a key, keeping their place; nil: none.
    public var callback: CallbackConfiguration?

    /// Creates a queue with longest-idle routing, a 20 s ring timeout and no limits.
    public init(
        id: QueueID,
        numbers: [String],
        strategy: RoutingStrategy = .longestIdle,
        members: [QueueMember],
        tierRules: [TierRule] = [],
        requiredSkills: [String: Int] = [:],
        skillRules: [SkillRule] = [],
        ringTimeout: Duration = .seconds(20),
        maxCallers: Int? = nil,
        maxWait: Duration? = nil,
        joinPolicy: EmptyQueuePolicy = .always,
        stayPolicy: EmptyQueuePolicy = .always,
        maxWaitWithNoAgent: Duration = .zero,
        wrapUp: Duration = .zero,
        wrapUpCeiling: Duration? = nil,
        weight: Int = 0,
        presencePolicy: PresencePolicy = .default,
        overflowTargets: [OverflowReason: OverflowTarget] = [:],
        ewtThreshold: Duration? = nil,
        rejoinWindow: Duration? = nil,
        preferredAgent: PreferredAgentConfiguration? = nil,
        serviceLevelThreshold: Duration = .seconds(20),
        schedule: ScheduleConfiguration? = nil,
        announcements: AnnouncementConfiguration = AnnouncementConfiguration(),
        handleTimeWindow: Int = 50,
        initialHandleTime: Duration = .seconds(180)
    ) {
        self.id = id
        self.numbers = numbers
        self.strategy = strategy
        self.members = members
        self.tierRules = tierRules
        self.requiredSkills = requiredSkills
        self.skillRules = skillRules
        self.ringTimeout = ringTimeout
        self.maxCallers = maxCallers
        self.maxWait = maxWait
        self.joinPolicy = joinPolicy
        self.stayPolicy = stayPolicy
        self.maxWaitWithNoAgent = maxWaitWithNoAgent
        self.wrapUp = wrapUp
        self.wrapUpCeiling = wrapUpCeiling
        self.weight = weight
        self.presencePolicy = presencePolicy
        self.overflowTargets = overflowTargets
        self.ewtThreshold = ewtThreshold
        self.rejoinWindow = rejoinWindow
        self.preferredAgent = preferredAgent
        self.serviceLevelThreshold = serviceLevelThreshold
        self.schedule = schedule
        self.announcements = announcements
        self.handleTimeWindow = handleTimeWindow
        self.initialHandleTime = initialHandleTime
    }
}
