import Testing
@testable import YAMLConfiguration

/// A configuration that must be refused, with the key, line and words the error must carry.
struct BadACDConfiguration: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    let key: String
    let line: Int
    let fragment: String

    var testDescription: String { name }

    /// Agent alice serving queue support on lines 1-7; `queue` lines continue the queue at line 8,
    /// `trailing` lines follow at the top level.
    static func support(queue: [String] = [], trailing: [String] = []) -> String {
        (["agents:", "  - id: alice", "    number: \"+15550101\"", "queues:", "  - name: support",
          "    numbers: [\"+15550100\"]", "    agents: [alice]"] + queue.map { "    " + $0 } + trailing).joined(separator: "\n")
    }
}

@Suite("Queue engine configuration errors name the key and line")
struct ACDConfigurationYAMLErrorTests {
    static let cases: [BadACDConfiguration] = [
        .init(name: "unknown strategy", yaml: BadACDConfiguration.support(queue: ["strategy: fastest"]),
              key: "queues[0].strategy", line: 8,
              fragment: "expected one of longest-idle, ring-all, linear, round-robin, fewest-calls, least-talk-time, random, weighted-random, ring-progressively"),
        .init(name: "unknown agent in a queue", yaml: """
            agents:
              - id: alice
                number: "+15550101"
            queues:
              - name: support
                numbers: ["+15550100"]
                agents:
                  - alice
                  - {agent: zoe, tier: 2}
            """, key: "queues[0].agents[1]", line: 9, fragment: "queue support lists unknown agent zoe"),
        .init(name: "agent in no queue", yaml: """
            agents:
              - id: alice
                number: "+15550101"
              - id: bob
                number: "+15550102"
            queues:
              - name: support
                numbers: ["+15550100"]
                agents: [alice]
            """, key: "agents[1].id", line: 4, fragment: "agent bob serves no queue"),
        .init(name: "the same number in two queues",
              yaml: BadACDConfiguration.support(trailing: ["  - name: sales", "    numbers:", "      - \"+15550200\"", "      - \"+15550100\""]),
              key: "queues[1].numbers[1]", line: 11, fragment: "number +15550100 is served by both support and sales"),
        .init(name: "the same number twice in one queue", yaml: """
            queues:
              - name: support
                numbers: ["+15550100", "+15550100"]
            """, key: "queues[0].numbers[1]", line: 3, fragment: "served by both support and support"),
        .init(name: "bad time zone", yaml: BadACDConfiguration.support(queue: ["schedule:", "  timeZone: Mars/Olympus"]),
              key: "queues[0].schedule.timeZone", line: 9, fragment: "unknown time zone Mars/Olympus; expected an IANA time zone"),
        .init(name: "malformed opening hours",
              yaml: BadACDConfiguration.support(queue: ["schedule:", "  timeZone: UTC", "  weekly:", "    mon: [\"08:00-25:00\"]"]),
              key: "queues[0].schedule.weekly.mon[0]", line: 11, fragment: "expected opening hours like 08:00-17:00, got \"08:00-25:00\""),
        .init(name: "closing before opening", yaml: BadACDConfiguration.support(
                queue: ["schedule:", "  timeZone: UTC", "  weekly:", "    mon: [\"08:00-12:00\"]", "    tue: [\"08:00-12:00\", \"17:00-08:00\"]"]),
              key: "queues[0].schedule.weekly.tue[1]", line: 12, fragment: "must open before it closes"),
        .init(name: "holiday ending before it starts",
              yaml: BadACDConfiguration.support(queue: ["schedule:", "  timeZone: UTC", "  holidays: [\"2026-12-26..2026-12-24\"]"]),
              key: "queues[0].schedule.holidays[0]", line: 10, fragment: "ends before it starts"),
        .init(name: "holiday on a day that does not exist",
              yaml: BadACDConfiguration.support(queue: ["schedule:", "  timeZone: UTC", "  holidays:", "    - {name: Leap, dates: \"2026-02-29\"}"]),
              key: "queues[0].schedule.holidays[0].dates", line: 11, fragment: "expected a date like 2026-12-25"),
        .init(name: "overflow to an unknown queue",
              yaml: BadACDConfiguration.support(queue: ["overflow:", "  timeout: {number: \"+15550999\"}", "  full: {queue: nowhere}"]),
              key: "queues[0].overflow.full.queue", line: 10, fragment: "queue support overflows to unknown queue nowhere"),
        .init(name: "duplicate agent ids", yaml: """
            agents:
              - id: alice
                number: "+15550101"
              - id: alice
                number: "+15550102"
            """, key: "agents[1].id", line: 4, fragment: "agent alice is defined twice"),
        .init(name: "duplicate queue names",
              yaml: BadACDConfiguration.support(trailing: ["  - name: support", "    numbers: [\"+15550200\"]"]),
              key: "queues[1].name", line: 8, fragment: "queue support is defined twice"),
        .init(name: "an agent twice in one queue", yaml: """
            agents: [{id: alice, number: "+15550101"}]
            queues:
              - name: support
                numbers: ["+15550100"]
                agents: [alice, {agent: alice, tier: 2}]
            """, key: "queues[0].agents[1]", line: 5, fragment: "queue support lists agent alice twice"),
        .init(name: "unknown queue key", yaml: BadACDConfiguration.support(queue: ["ringTimeout: 20"]),
              key: "queues[0].ringTimeout", line: 8, fragment: "unknown key; expected one of agents, announcements"),
        .init(name: "ring timeout out of range", yaml: BadACDConfiguration.support(queue: ["ringTimeoutSeconds: 2"]),
              key: "queues[0].ringTimeoutSeconds", line: 8, fragment: "expected a whole number from 3 to 300"),
        .init(name: "interval without ring-progressively", yaml: BadACDConfiguration.support(queue: ["ringProgressivelyIntervalSeconds: 5"]),
              key: "queues[0].ringProgressivelyIntervalSeconds", line: 8, fragment: "only applies to the ring-progressively strategy"),
        .init(name: "two overflow targets at once",
              yaml: BadACDConfiguration.support(queue: ["overflow:", "  timeout: {number: \"+15550999\", queue: support}"]),
              key: "queues[0].overflow.timeout", line: 9, fragment: "expected exactly one of queue, number, hangup"),
        .init(name: "unknown presence availability",
              yaml: BadACDConfiguration.support(queue: ["presence:", "  routableAvailabilities: [Available, Avail]"]),
              key: "queues[0].presence.routableAvailabilities[1]", line: 9, fragment: "unknown value \"Avail\"; expected one of Available"),
        .init(name: "unknown empty-queue policy", yaml: BadACDConfiguration.support(queue: ["joinWhenEmpty: never"]),
              key: "queues[0].joinWhenEmpty", line: 8, fragment: "expected one of always, when-agent-logged-in, when-agent-available"),
        .init(name: "queue without numbers", yaml: """
            queues:
              - name: support
            """, key: "queues[0].numbers", line: 2, fragment: "a queue needs at least one number"),
        .init(name: "agent number without a plus", yaml: """
            agents:
              - id: alice
                number: "15550101"
            """, key: "agents[0].number", line: 3, fragment: "expected an E.164 number with a leading +"),
        .init(name: "agent without an id", yaml: """
            agents:
              - number: "+15550101"
            """, key: "agents[0].id", line: 2, fragment: "is required"),
        .init(name: "back-off for a trunk failure", yaml: BadACDConfiguration.support(trailing: ["acd:", "  rona:", "    backOffSeconds: {trunkFailure: 5}"]),
              key: "acd.rona.backOffSeconds.trunkFailure", line: 10, fragment: "unknown key; expected one of busy, declined, noAnswer, unreachable"),
        .init(name: "a negative RONA break", yaml: BadACDConfiguration.support(trailing: ["acd:", "  rona:", "    breakSeconds: -1"]),
              key: "acd.rona.breakSeconds", line: 10, fragment: "expected a whole number from 0 to 86400"),
        .init(name: "a RONA break over a day", yaml: BadACDConfiguration.support(trailing: ["acd:", "  rona:", "    breakSeconds: 86401"]),
              key: "acd.rona.breakSeconds", line: 10, fragment: "expected a whole number from 0 to 86400"),
        .init(name: "a periodic prompt without answered hold", yaml: BadACDConfiguration.support(queue: ["announcements:", "  periodicPrompt: still-waiting"]),
              key: "queues[0].announcements.periodicPrompt", line: 9, fragment: "is played only to a caller Switchboard answers: set welcomePrompt or musicOnHold too"),
        .init(name: "a position announcement without answered hold",
              yaml: BadACDConfiguration.support(queue: ["announcements: {callerNamePrefix: \"[Support] \", position: always}"]),
              key: "queues[0].announcements.position", line: 8, fragment: "is played only to a caller Switchboard answers: set welcomePrompt or musicOnHold too"),
        .init(name: "a whisper prompt without answered hold",
              yaml: BadACDConfiguration.support(queue: ["announcements: {whisperPrompt: support}"]),
              key: "queues[0].announcements.whisperPrompt", line: 8, fragment: "is played only to a caller Switchboard answers: set welcomePrompt or musicOnHold too"),
        .init(name: "a malformed prompt setting is named before the refusal",
              yaml: BadACDConfiguration.support(queue: ["announcements:", "  periodicPromptIntervalSeconds: 1"]),
              key: "queues[0].announcements.periodicPromptIntervalSeconds", line: 9, fragment: "expected a whole number from 5 to 3600"),
        .init(name: "an exit key on a queue without answered hold",
              yaml: BadACDConfiguration.support(queue: ["overflow:", "  exitKey: {key: \"0\", hangup: {}}"]),
              key: "queues[0].overflow.exitKey", line: 9, fragment: "needs answered hold: a caller who hears ringback sends no keys"),
        .init(name: "an exit key target without its key",
              yaml: BadACDConfiguration.support(queue: ["announcements: {musicOnHold: jazz}", "overflow:", "  exitKey: hangup"]),
              key: "queues[0].overflow.exitKey", line: 10, fragment: "expected a mapping with key (the DTMF key)"),
        .init(name: "an exit key mapping without its key",
              yaml: BadACDConfiguration.support(queue: ["announcements: {musicOnHold: jazz}", "overflow:", "  exitKey: {queue: support}"]),
              key: "queues[0].overflow.exitKey.key", line: 10, fragment: "is required"),
        .init(name: "an exit key that is no DTMF key",
              yaml: BadACDConfiguration.support(queue: ["announcements: {musicOnHold: jazz}", "overflow:", "  exitKey: {key: \"12\", hangup: {}}"]),
              key: "queues[0].overflow.exitKey.key", line: 10, fragment: "expected one DTMF key: 0-9, *, #, A-D"),
        .init(name: "a key beside another overflow target",
              yaml: BadACDConfiguration.support(queue: ["overflow:", "  timeout: {key: \"1\", hangup: {}}"]),
              key: "queues[0].overflow.timeout.key", line: 9, fragment: "unknown key"),
        .init(name: "a hang-up announcement without a media path",
              yaml: BadACDConfiguration.support(queue: ["overflow:", "  closed: {hangup: {announcement: closed}}"]),
              key: "queues[0].overflow.closed.hangup.announcement", line: 9, fragment: "no announcement can be played"),
        .init(name: "unknown acd option", yaml: BadACDConfiguration.support(trailing: ["acd:", "  maxHops: 3"]),
              key: "acd.maxHops", line: 9, fragment: "unknown key"),
    ]

    @Test("a bad configuration is refused", arguments: cases)
    func refused(_ bad: BadACDConfiguration) {
        let error = #expect(throws: ConfigurationError.self) { try parseACD(bad.yaml) }
        #expect(error?.key == bad.key)
        #expect(error?.line == bad.line)
        #expect(error?.message.contains(bad.fragment) == true, "\(error?.message ?? "no error")")
    }
}
