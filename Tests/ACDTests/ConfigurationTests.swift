import Testing
@testable import ACD

@Suite("Configuration validation")
struct ConfigurationTests {
    static func base() -> ACDConfiguration {
        ACDConfiguration(
            queues: [
                QueueConfiguration(id: "sales", numbers: ["+100"], members: [QueueMember(agent: "a1")]),
                QueueConfiguration(id: "support", numbers: ["+200"], members: [QueueMember(agent: "a2")]),
            ],
            agents: [agent("a1"), agent("a2")]
        )
    }

    @Test("a sound configuration validates")
    func valid() throws {
        try Self.base().validate()
    }

    @Test("each bad item is named", arguments: [
        ("unknown agent", ACDConfigurationError.unknownAgentInQueue(queue: "sales", agent: "zed")),
        ("overlapping number", .overlappingNumber("+100", "sales", "support")),
        ("agent in no queue", .agentInNoQueue("a3")),
        ("bad time zone", .badTimeZone(queue: "sales", timeZone: "Mars/Olympus")),
        ("duplicate agent", .duplicateAgent("a1")),
        ("duplicate queue", .duplicateQueue("sales")),
        ("duplicate member", .duplicateMember(queue: "sales", agent: "a1")),
        ("unknown overflow queue", .unknownOverflowQueue(queue: "sales", target: "nowhere")),
        ("zero ring timeout", .invalidValue(item: "queue sales: ringTimeout", reason: "must be positive")),
        ("tier zero", .invalidValue(item: "queue sales: member a1 tier", reason: "must be at least 1")),
        ("negative RONA break", .invalidValue(item: "rona: breakDuration", reason: "must not be negative")),
        ("closing before opening", .invalidValue(item: "queue sales: hours on monday", reason: "must open before closing, within 00:00-24:00")),
    ])
    func invalid(defect: String, expected: ACDConfigurationError) {
        var configuration = Self.base()
        switch defect {
        case "unknown agent": configuration.queues[0].members.append(QueueMember(agent: "zed"))
        case "overlapping number": configuration.queues[1].numbers.append("+100")
        case "agent in no queue": configuration.agents.append(agent("a3"))
        case "bad time zone": configuration.queues[0].schedule = ScheduleConfiguration(timeZone: "Mars/Olympus", weeklyHours: [])
        case "duplicate agent": configuration.agents.append(agent("a1"))
        case "duplicate queue": configuration.queues[1].id = "sales"
        case "duplicate member": configuration.queues[0].members.append(QueueMember(agent: "a1"))
        case "unknown overflow queue": configuration.queues[0].overflowTargets[.full] = .queue("nowhere", keepPosition: true)
        case "zero ring timeout": configuration.queues[0].ringTimeout = .zero
        case "tier zero": configuration.queues[0].members[0].tier = 0
        case "negative RONA break": configuration.rona.breakDuration = .seconds(-1)
        default:
            configuration.queues[0].schedule = ScheduleConfiguration(timeZone: "UTC", weeklyHours: [
                WeeklyHours(weekday: .monday, opens: TimeOfDay(hour: 17), closes: TimeOfDay(hour: 8)),
            ])
        }
        #expect(throws: expected) { try configuration.validate() }
        #expect(throws: expected) { try ACDEngine(configuration: configuration, randomNumberGenerator: SeededGenerator(seed: 1), now: Harness.start) }
        #expect(expected.description.isEmpty == false)
    }
}
