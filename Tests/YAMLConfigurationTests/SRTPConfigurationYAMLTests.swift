import Media
import Testing
import YAMLConfiguration

/// `media.srtp`: off by default, each value read, anything else refused naming the key.
@Suite("Media keys: srtp")
struct SRTPConfigurationYAMLTests {
    static func yaml(_ media: [String]) -> String {
        (["sip:", "  listen: [{transport: udp, address: 127.0.0.1, port: 5070}]", "trunks: [{name: sbc, address: 127.0.0.1}]",
          "queues: [{name: support, numbers: [\"+15550100\"], agents: [alice]}]", "agents: [{id: alice, number: \"+15550201\"}]"]
            + (media.isEmpty ? [] : ["media:"] + media.map { "  " + $0 }))
            .joined(separator: "\n")
    }

    @Test("without the key SRTP is off")
    func defaultsOff() throws {
        #expect(try SwitchboardConfiguration.parse(yaml: Self.yaml([]), directory: "/etc/switchboard").media.srtp == .off)
        #expect(try SwitchboardConfiguration.parse(yaml: Self.yaml(["address: 127.0.0.1"]), directory: "/etc/switchboard").media.srtp == .off)
    }

    @Test("off, optional and required are read", arguments: SRTPPolicy.allCases)
    func values(policy: SRTPPolicy) throws {
        let parsed = try SwitchboardConfiguration.parse(yaml: Self.yaml(["srtp: \(policy.rawValue)"]), directory: "/etc/switchboard")
        #expect(parsed.media.srtp == policy)
    }

    @Test("another value, or a YAML boolean, stops start-up naming media.srtp and its line", arguments: ["mandatory", "true", "[optional]"])
    func refused(value: String) {
        let error = #expect(throws: ConfigurationError.self) {
            try SwitchboardConfiguration.parse(yaml: Self.yaml(["srtp: \(value)"]), directory: "/etc/switchboard")
        }
        #expect(error?.key == "media.srtp")
        #expect(error?.line == 7)
        if value != "[optional]" { #expect(error?.message.contains("off, optional, required") == true) }
    }
}
