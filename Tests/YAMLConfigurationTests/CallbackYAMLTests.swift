import ACD
import Testing
@testable import YAMLConfiguration

@Suite("The callback section from YAML")
struct CallbackYAMLTests {
    private static let hold = "announcements: {musicOnHold: jazz}"

    /// Reads `yaml` as a queue's `callback:` value with exit key `exitKey`.
    private func callback(_ yaml: String, exitKey: Character? = nil, answersCallers: Bool = true) throws -> CallbackConfiguration? {
        let document = try ConfigurationNode.document("callback: \(yaml)")
        return try CallbackConfiguration.parse(document["callback"], exitKey: exitKey, answersCallers: answersCallers)
    }

    @Test func absentKeysTakeTheDefaults() throws {
        let parsed = try #require(try callback("{key: \"*\"}"))
        #expect(parsed == CallbackConfiguration(key: "*", maximumAttempts: 3, retryInterval: .seconds(120), ringTimeout: .seconds(30)))
    }

    @Test func everyKeyIsRead() throws {
        let parsed = try callback("{key: \"5\", maximumAttempts: 10, retryIntervalSeconds: 30, ringTimeoutSeconds: 120}")
        #expect(parsed == CallbackConfiguration(key: "5", maximumAttempts: 10, retryInterval: .seconds(30), ringTimeout: .seconds(120)))
    }

    @Test func anAbsentSectionIsNoCallback() throws {
        let document = try ConfigurationNode.document("other: 1")
        #expect(try CallbackConfiguration.parse(document["callback"], exitKey: nil, answersCallers: false) == nil)
    }

    @Test func aValidSectionReachesTheQueue() throws {
        let yaml = BadACDConfiguration.support(queue: [Self.hold, "callback: {key: \"1\", maximumAttempts: 2}"])
        let queue = try #require(try parseACD(yaml).queues.first)
        #expect(queue.callback == CallbackConfiguration(key: "1", maximumAttempts: 2))
    }

    static let refusals: [BadACDConfiguration] = [
        .init(name: "without answered hold", yaml: BadACDConfiguration.support(queue: ["callback: {key: \"1\"}"]),
              key: "queues[0].callback", line: 8, fragment: "needs answered hold"),
        .init(name: "without its key", yaml: BadACDConfiguration.support(queue: [hold, "callback: {maximumAttempts: 2}"]),
              key: "queues[0].callback.key", line: 9, fragment: "is required"),
        .init(name: "a key that is no DTMF key", yaml: BadACDConfiguration.support(queue: [hold, "callback: {key: \"E\"}"]),
              key: "queues[0].callback.key", line: 9, fragment: "expected one DTMF key"),
        .init(name: "the exit key", yaml: BadACDConfiguration.support(
                  queue: [hold, "overflow:", "  exitKey: {key: \"0\", hangup: {}}", "callback: {key: \"0\"}"]),
              key: "queues[0].callback.key", line: 11, fragment: "already the queue's overflow.exitKey"),
        .init(name: "too many attempts", yaml: BadACDConfiguration.support(queue: [hold, "callback: {key: \"1\", maximumAttempts: 11}"]),
              key: "queues[0].callback.maximumAttempts", line: 9, fragment: "from 1 to 10"),
        .init(name: "no attempt", yaml: BadACDConfiguration.support(queue: [hold, "callback: {key: \"1\", maximumAttempts: 0}"]),
              key: "queues[0].callback.maximumAttempts", line: 9, fragment: "from 1 to 10"),
        .init(name: "a retry sooner than 30 s", yaml: BadACDConfiguration.support(queue: [hold, "callback: {key: \"1\", retryIntervalSeconds: 29}"]),
              key: "queues[0].callback.retryIntervalSeconds", line: 9, fragment: "from 30 to 3600"),
        .init(name: "a ring timeout beyond 120 s", yaml: BadACDConfiguration.support(queue: [hold, "callback: {key: \"1\", ringTimeoutSeconds: 121}"]),
              key: "queues[0].callback.ringTimeoutSeconds", line: 9, fragment: "from 5 to 120"),
        .init(name: "with early media", yaml: BadACDConfiguration.support(
                  queue: ["announcements: {musicOnHold: jazz, earlyMedia: true}", "callback: {key: \"1\"}"]),
              key: "queues[0].callback", line: 9, fragment: "needs callers answered at once"),
        .init(name: "a typo", yaml: BadACDConfiguration.support(queue: [hold, "callback: {key: \"1\", maxAttempts: 2}"]),
              key: "queues[0].callback.maxAttempts", line: 9, fragment: "unknown key"),
    ]

    @Test("a bad callback section is refused", arguments: refusals)
    func refused(_ bad: BadACDConfiguration) {
        let error = #expect(throws: ConfigurationError.self) { try parseACD(bad.yaml) }
        #expect(error?.key == bad.key)
        #expect(error?.line == bad.line)
        #expect(error?.message.contains(bad.fragment) == true, "\(error?.message ?? "no error")")
    }
}
