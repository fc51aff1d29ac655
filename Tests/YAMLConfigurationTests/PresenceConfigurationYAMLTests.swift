import Foundation
import Testing
@testable import YAMLConfiguration

/// A whole configuration with a `presence:` section made of `presence` lines (from line 6).
private func configuration(presence: [String]) -> String {
    (["sip:", "  listen: [{transport: udp, address: 127.0.0.1, port: 5070}]",
      "trunks: [{name: sbc, address: 127.0.0.1}]",
      "queues: [{name: support, numbers: [\"+15550100\"], agents: [alice]}]", "agents: [{id: alice, number: \"+15550201\"}]"]
        + presence)
        .joined(separator: "\n")
}

@Suite("Presence keys: typos refused, errors name the key without Swift internals")
struct PresenceConfigurationYAMLTests {
    private static let graph = ["presence:", "  source: graph", "  graph:", "    tenantId: lab", "    clientId: switchboard",
                                "    clientSecretEnv: SWITCHBOARD_GRAPH_SECRET"]

    @Test func aGraphSectionWithEveryKeySpelledRightIsRead() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("graph-secret-\(UUID().uuidString)")
        try Data("lab-secret".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let lines = Self.graph.map { $0.contains("clientSecretEnv") ? "    clientSecretFile: \(secret.path)" : $0 }
        let parsed = try SwitchboardConfiguration.parse(yaml: configuration(presence: lines + ["    pollIntervalSeconds: 5"]))
        guard case .graph = parsed.presence else {
            Issue.record("expected a graph source")
            return
        }
    }

    @Test func aTypoInsideTheGraphSectionNamesTheKey() {
        let error = #expect(throws: ConfigurationError.self) {
            try SwitchboardConfiguration.parse(yaml: configuration(presence: Self.graph + ["    pollIntervalSecnds: 5"]))
        }
        #expect(error?.key == "presence.graph.pollIntervalSecnds")
        #expect(error?.message.contains("unknown key") == true)
    }

    @Test func aTypoInThePresenceSectionNamesTheKey() {
        let error = #expect(throws: ConfigurationError.self) {
            try SwitchboardConfiguration.parse(yaml: configuration(presence: Self.graph + ["  sorce: graph"]))
        }
        #expect(error?.key == "presence.sorce")
    }

    @Test func aMissingClientIdIsNamedPlainly() {
        let lines = Self.graph.filter { !$0.contains("clientId") }
        let error = #expect(throws: ConfigurationError.self) { try SwitchboardConfiguration.parse(yaml: configuration(presence: lines)) }
        #expect(error?.key == "presence.graph.clientId")
        #expect(error?.message == "is required")
        #expect(error.map { "\($0)" }?.contains("CodingKeys") == false)
    }
}
