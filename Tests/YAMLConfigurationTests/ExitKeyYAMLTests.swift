import ACD
import Testing
@testable import YAMLConfiguration

@Suite("The exit key from YAML")
struct ExitKeyYAMLTests {
    private func queue(_ overflow: String) throws -> QueueConfiguration {
        let yaml = BadACDConfiguration.support(queue: ["announcements: {musicOnHold: jazz}", "overflow:", "  exitKey: \(overflow)"])
        return try #require(try parseACD(yaml).queues.first)
    }

    @Test func theKeyAndItsTargetAreReadForAQueueWithAnsweredHold() throws {
        let toQueue = try queue("{key: \"0\", queue: support, keepPosition: false}")
        #expect(toQueue.exitKey == "0")
        #expect(toQueue.overflowTargets == [.exitKey: .queue("support", keepPosition: false)])
        let toNumber = try queue("{key: \"#\", number: \"+15550999\"}")
        #expect(toNumber.exitKey == "#")
        #expect(toNumber.overflowTargets == [.exitKey: .number("+15550999")])
        let hangUp = try queue("{key: d, hangup: {}}")
        #expect(hangUp.exitKey == "D", "A-D in either case, kept in upper case")
        #expect(hangUp.overflowTargets == [.exitKey: .hangUp(announcement: nil)])
    }

    @Test func withoutAnExitKeyTargetNoKeyLeavesTheQueue() throws {
        let parsed = try #require(try parseACD(BadACDConfiguration.support(queue: ["announcements: {musicOnHold: jazz}"])).queues.first)
        #expect(parsed.exitKey == nil)
        #expect(parsed.overflowTargets.isEmpty)
    }
}
