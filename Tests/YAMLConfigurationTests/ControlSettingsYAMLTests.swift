import ControlModel
import Foundation
import Testing
@testable import YAMLConfiguration

@Suite("control: address, port and the token's source")
struct ControlSettingsYAMLTests {
    private static let base = """
        sip: { listen: [{ transport: udp, address: 127.0.0.1, port: 5070 }] }
        trunks: [{ name: sbc, address: 127.0.0.1 }]
        queues: [{ name: support, numbers: ["+15550100"], agents: [] }]
        agents: []

        """

    private func parse(_ control: String, environment: [String: String] = [:]) throws -> ControlSettings? {
        try SwitchboardConfiguration.parse(yaml: Self.base + control, environment: environment).control
    }

    @Test("the token from an environment variable, trimmed")
    func tokenFromEnvironment() throws {
        let control = try parse("control: { port: 8080, tokenEnvironment: SB_TOKEN }", environment: ["SB_TOKEN": " s3cr3t\n"])
        #expect(control == ControlSettings(host: "127.0.0.1", port: 8080, token: ControlToken("s3cr3t")))
    }

    @Test("the token from a file")
    func tokenFromFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("control-token-\(UUID().uuidString)").path
        try "from-file\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try parse("control: { address: 0.0.0.0, port: 8080, tokenFile: \(path) }")?.token == ControlToken("from-file"))
    }

    @Test("loopback without a token is allowed", arguments: ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"])
    func loopbackWithoutToken(address: String) throws {
        #expect(try parse("control: { address: \"\(address)\", port: 8080 }")?.token == nil)
    }

    @Test("refused, naming the key", arguments: [
        ("control: { address: 0.0.0.0, port: 8080 }", "control.address",
         "0.0.0.0 is not a loopback address: set tokenFile or tokenEnvironment so every request needs the bearer token"),
        ("control: { address: \"::\", port: 8080 }", "control.address", ":: is not a loopback address"),
        ("control: { port: 8080, tokenEnvironment: MISSING }", "control.tokenEnvironment", "the environment variable MISSING is not set or is empty"),
        ("control: { port: 8080, tokenFile: /nonexistent/token, tokenEnvironment: X }", "control.tokenEnvironment",
         "set either tokenFile or tokenEnvironment, not both"),
        ("control: { port: 8080, token: abc }", "control.token", "unknown key"),
    ])
    func refused(control: String, key: String, fragment: String) {
        do {
            _ = try parse(control)
            Issue.record("accepted: \(control)")
        } catch let error as ConfigurationError {
            #expect(error.key == key)
            #expect(error.message.contains(fragment), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
