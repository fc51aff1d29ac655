import ACD
import Foundation
import Testing
@testable import YAMLConfiguration

/// Parses the `queues`, `agents` and `acd` sections of a whole document, as the daemon does.
func parseACD(_ yaml: String) throws -> ACDConfiguration {
    let root = try ConfigurationNode.document(yaml)
    return try ACDConfiguration.parse(queues: root["queues"], agents: root["agents"], options: root["acd"])
}

@Suite("Queue engine configuration from YAML")
struct ACDConfigurationYAMLTests {
    /// The YAML block under "Complete example" in docs/configuration.md, so the documentation is what is tested.
    static func documentedExample() throws -> String {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/configuration.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let example = try #require(text.components(separatedBy: "## Complete example").dropFirst().first)
        return try #require(example.components(separatedBy: "```yaml\n").dropFirst().first?.components(separatedBy: "```").first)
    }

    @Test("the complete example maps onto every field")
    func completeExample() throws {
        let support = QueueConfiguration(
            id: "support", numbers: ["+15550100", "+15550199"], strategy: .ringProgressively(interval: .seconds(5)),
            members: [QueueMember(agent: "alice"), QueueMember(agent: "bob", tier: 2, penalty: 1, weight: 3)],
            tierRules: [TierRule(after: .seconds(30), tier: 2)], requiredSkills: ["billing": 2],
            skillRules: [SkillRule(after: .seconds(60), reduction: 1)], ringTimeout: .seconds(20), maxCallers: 50,
            maxWait: .seconds(900), joinPolicy: .whenAgentLoggedIn, stayPolicy: .whenAgentAvailable,
            maxWaitWithNoAgent: .seconds(60), wrapUp: .seconds(15), wrapUpCeiling: .seconds(120), weight: 2,
            presencePolicy: PresencePolicy(routableAvailabilities: [.available, .availableIdle, .busy],
                                           blockedActivities: [.inAMeeting, .presenting],
                                           allowsBusyFromOwnCall: true, unknownIsRoutable: false),
            overflowTargets: [
                .full: .queue("sales", keepPosition: true), .timeout: .number("+15550999"),
                .noAgents: .hangUp(announcement: nil), .ewt: .queue("sales", keepPosition: false),
                .closed: .hangUp(announcement: nil), .holiday: .number("+15550998"), .emergency: .hangUp(announcement: nil),
            ],
            ewtThreshold: .seconds(600), rejoinWindow: .seconds(120),
            preferredAgent: PreferredAgentConfiguration(rememberFor: .seconds(86_400), waitFor: .seconds(20)),
            serviceLevelThreshold: .seconds(30),
            schedule: ScheduleConfiguration(
                timeZone: "Europe/Berlin",
                weeklyHours: [
                    WeeklyHours(weekday: .monday, opens: TimeOfDay(hour: 8), closes: TimeOfDay(hour: 12)),
                    WeeklyHours(weekday: .monday, opens: TimeOfDay(hour: 13), closes: TimeOfDay(hour: 17, minute: 30)),
                    WeeklyHours(weekday: .friday, opens: TimeOfDay(hour: 8), closes: TimeOfDay(hour: 24)),
                ],
                holidays: [
                    Holiday(name: "2026-12-25", on: LocalDate(year: 2026, month: 12, day: 25)),
                    Holiday(name: "New Year", first: LocalDate(year: 2026, month: 12, day: 31),
                            last: LocalDate(year: 2027, month: 1, day: 1)),
                ]),
            announcements: AnnouncementConfiguration(callerNamePrefix: "[Support] "),
            handleTimeWindow: 100, initialHandleTime: .seconds(240))
        let sales = QueueConfiguration(
            id: "sales", numbers: ["+15550200"], strategy: .roundRobin,
            members: [QueueMember(agent: "carol"), QueueMember(agent: "alice")], ringTimeout: .seconds(15))
        let expected = ACDConfiguration(
            queues: [support, sales],
            agents: [
                AgentConfiguration(id: "alice", teamsObjectID: "9a1c2d3e-0000-4000-8000-000000000001", number: "+15550101",
                                   skills: ["billing": 3, "french": 2], wrapUp: .seconds(20)),
                AgentConfiguration(id: "bob", teamsObjectID: "", number: "+15550102"),
                AgentConfiguration(id: "carol", teamsObjectID: "", number: "+15550103", skills: ["billing": 1]),
            ],
            rona: RONAConfiguration(missLimit: 2, countedFailures: [.noAnswer, .unreachable], backOff: [
                .noAnswer: .seconds(30), .busy: .seconds(10), .declined: .zero, .unreachable: .seconds(120),
            ], breakDuration: .seconds(600)),
            presenceStaleness: .seconds(120), ownCallPresenceGrace: .seconds(45), globalLongestWaitingFirst: true,
            weightHeadStart: .seconds(5), trunkFailureRetryDelay: .seconds(3), maxOverflowHops: 4, explainOffers: true)

        let parsed = try parseACD(try Self.documentedExample())

        #expect(parsed.agents == expected.agents)
        #expect(parsed.queues[0] == support)
        #expect(parsed.queues[1] == sales)
        #expect(parsed == expected)
    }

    @Test("absent keys keep the engine's defaults, with a 15 s ring timeout")
    func defaults() throws {
        let parsed = try parseACD("""
            agents: [{id: alice, number: "+15550101"}]
            queues: [{name: support, numbers: ["+15550100"], agents: [alice]}]
            """)
        let expected = ACDConfiguration(
            queues: [QueueConfiguration(id: "support", numbers: ["+15550100"], members: [QueueMember(agent: "alice")],
                                        ringTimeout: .seconds(15))],
            agents: [AgentConfiguration(id: "alice", teamsObjectID: "", number: "+15550101")])
        #expect(parsed == expected)
    }

    @Test("each strategy name", arguments: [
        ("longest-idle", RoutingStrategy.longestIdle), ("ring-all", .ringAll), ("linear", .linear),
        ("round-robin", .roundRobin), ("fewest-calls", .fewestCalls), ("least-talk-time", .leastTalkTime),
        ("random", .random), ("weighted-random", .weightedRandom), ("ring-progressively", .ringProgressively(interval: .seconds(10))),
    ])
    func strategy(name: String, expected: RoutingStrategy) throws {
        let parsed = try parseACD("""
            agents: [{id: alice, number: "+15550101"}]
            queues: [{name: support, numbers: ["+15550100"], agents: [alice], strategy: \(name)}]
            """)
        #expect(parsed.queues[0].strategy == expected)
    }

    @Test("an invalid value from the engine's own checks is placed on its queue, else on acd", arguments: [
        ("queue support: ringTimeout", "queues[0]", 2),
        ("maxOverflowHops", "acd", 5),
    ])
    func invalidValueLocated(item: String, key: String, line: Int) throws {
        let root = try ConfigurationNode.document("""
            queues:
              - name: support
                numbers: ["+15550100"]
            acd:
              maxOverflowHops: 3
            """)
        let configuration = try ACDConfiguration.parse(queues: root["queues"], agents: root["agents"], options: root["acd"])
        let located = try ACDConfigurationError.invalidValue(item: item, reason: "must be positive")
            .located(in: configuration, queues: root["queues"], agents: root["agents"], options: root["acd"])
        #expect(located == ConfigurationError(key: key, line: line, message: "\(item): must be positive"))
    }

    @Test("breakSeconds 0: a RONA break lasts until the agent or a supervisor ends it")
    func endlessRONABreak() throws {
        let parsed = try parseACD("""
            agents: [{id: alice, number: "+15550101"}]
            queues: [{name: support, numbers: ["+15550100"], agents: [alice]}]
            acd: {rona: {breakSeconds: 0}}
            """)
        #expect(parsed.rona.breakDuration == .zero)
    }
}
