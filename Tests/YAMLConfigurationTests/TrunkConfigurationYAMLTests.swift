import Foundation
import Testing
@testable import YAMLConfiguration

/// A whole configuration around one `trunks:` entry (`trunk` lines continue it, from line 5).
private func configuration(trunk: [String]) -> String {
    (["sip:", "  listen: [{transport: udp, address: 127.0.0.1, port: 5070}]", "trunks:", "  - name: sbc", "    address: 127.0.0.1"]
        + trunk.map { "    " + $0 }
        + ["queues: [{name: support, numbers: [\"+15550100\"], agents: [alice]}]", "agents: [{id: alice, number: \"+15550201\"}]"])
        .joined(separator: "\n")
}

@Suite("Trunk health keys")
struct TrunkConfigurationYAMLTests {
    @Test func defaultsPingEvery10SecondsAndTwoFailuresMakeAnOutage() throws {
        let parsed = try SwitchboardConfiguration.parse(yaml: configuration(trunk: []))
        #expect(parsed.trunks.first?.optionsInterval == .seconds(10))
        #expect(parsed.trunks.first?.downAfterFailures == 2)
    }

    @Test func bothKeysAreRead() throws {
        let parsed = try SwitchboardConfiguration.parse(yaml: configuration(trunk: ["optionsIntervalSeconds: 30", "downAfterFailures: 4"]))
        #expect(parsed.trunks.first?.optionsInterval == .seconds(30))
        #expect(parsed.trunks.first?.downAfterFailures == 4)
    }

    @Test("an out-of-range value names the key, the line and the range", arguments: [
        ("optionsIntervalSeconds: 0", "trunks[0].optionsIntervalSeconds", "expected a whole number from 1 to 3600"),
        ("optionsIntervalSeconds: 3601", "trunks[0].optionsIntervalSeconds", "expected a whole number from 1 to 3600"),
        ("downAfterFailures: 0", "trunks[0].downAfterFailures", "expected a whole number from 1 to 10"),
        ("downAfterFailures: 11", "trunks[0].downAfterFailures", "expected a whole number from 1 to 10"),
    ])
    func refused(line: String, key: String, fragment: String) {
        let error = #expect(throws: ConfigurationError.self) { try SwitchboardConfiguration.parse(yaml: configuration(trunk: [line])) }
        #expect(error?.key == key)
        #expect(error?.line == 6)
        #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "no error")")
    }
}

@Suite("Start-up warnings, printed by --check too")
struct ConfigurationWarningTests {
    @Test func aRingTimeoutOf20SecondsOrMoreIsWarnedOfWithItsKey() throws {
        let risky = configuration(trunk: []).replacingOccurrences(of: "agents: [alice]}]", with: "agents: [alice], ringTimeoutSeconds: 25}]")
        let warnings = try SwitchboardConfiguration.parse(yaml: risky).warnings
        #expect(warnings.map(\.key) == ["queues[0].ringTimeoutSeconds"])
        #expect(warnings.first?.message.contains("voicemail") == true)
        #expect(try SwitchboardConfiguration.parse(yaml: configuration(trunk: [])).warnings.isEmpty)
    }
}
