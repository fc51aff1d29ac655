import Testing
@testable import YAMLConfiguration

/// A whole configuration with a `limits:` line appended.
private func configuration(limits: String?) -> String {
    (["sip:", "  listen: [{transport: udp, address: 127.0.0.1, port: 5070}]", "trunks: [{name: sbc, address: 127.0.0.1}]",
      "queues: [{name: support, numbers: [\"+15550100\"], agents: [alice]}]", "agents: [{id: alice, number: \"+15550201\"}]"]
        + (limits.map { ["limits: " + $0] } ?? []))
        .joined(separator: "\n")
}

@Suite("Limit keys: overload control")
struct LimitSettingsYAMLTests {
    @Test func overloadControlIsOnUnlessTurnedOff() throws {
        #expect(try SwitchboardConfiguration.parse(yaml: configuration(limits: nil)).limits.overloadControl)
        #expect(try SwitchboardConfiguration.parse(yaml: configuration(limits: "{overloadControl: true}")).limits.overloadControl)
        #expect(try !SwitchboardConfiguration.parse(yaml: configuration(limits: "{overloadControl: false}")).limits.overloadControl)
    }

    @Test func aValueThatIsNotABooleanNamesTheKey() {
        let error = #expect(throws: ConfigurationError.self) {
            try SwitchboardConfiguration.parse(yaml: configuration(limits: "{overloadControl: sometimes}"))
        }
        #expect(error?.key == "limits.overloadControl")
    }
}
