import NIOCore
import Testing
@testable import YAMLConfiguration

@Suite("Limit keys: shards")
struct ShardsYAMLTests {
    /// A whole configuration with `limits` as given.
    private func configuration(limits: String?) -> String {
        (["sip:", "  listen: [{transport: udp, address: 127.0.0.1, port: 5070}]", "trunks: [{name: sbc, address: 127.0.0.1}]",
          "queues: [{name: support, numbers: [\"+15550100\"], agents: [alice]}]", "agents: [{id: alice, number: \"+15550201\"}]"]
            + (limits.map { ["limits: " + $0] } ?? []))
            .joined(separator: "\n")
    }

    @Test func oneShardPerCoreButOneUnlessSet() throws {
        #expect(try SwitchboardConfiguration.parse(yaml: configuration(limits: nil)).limits.shards == min(max(System.coreCount - 1, 1), 64))
        #expect(try SwitchboardConfiguration.parse(yaml: configuration(limits: "{shards: 1}")).limits.shards == 1)
        #expect(try SwitchboardConfiguration.parse(yaml: configuration(limits: "{shards: 64}")).limits.shards == 64)
    }

    @Test(arguments: ["{shards: 0}", "{shards: 65}", "{shards: many}"])
    func aShardCountOutOfRangeNamesTheKey(limits: String) {
        let error = #expect(throws: ConfigurationError.self) {
            try SwitchboardConfiguration.parse(yaml: configuration(limits: limits))
        }
        #expect(error?.key == "limits.shards")
    }

    @Test func aMisspelledKeyIsRefused() {
        let error = #expect(throws: ConfigurationError.self) {
            try SwitchboardConfiguration.parse(yaml: configuration(limits: "{shard: 2}"))
        }
        #expect(error?.key == "limits.shard")
    }
}
