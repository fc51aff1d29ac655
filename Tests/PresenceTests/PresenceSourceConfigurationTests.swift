import AsyncHTTPClient
import Foundation
import Presence
import Testing

@Suite("The presence section of the configuration file")
struct PresenceSourceConfigurationTests {
    static func decode(_ json: String) throws -> PresenceSourceConfiguration {
        try JSONDecoder().decode(PresenceSourceConfiguration.self, from: Data(json.utf8))
    }

    @Test("source: graph with a secret file, a national cloud and the timing settings")
    func graphSection() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("presence-yaml-\(UUID().uuidString)").path
        try "file-secret\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = try Self.decode("""
            {"source": "graph", "graph": {"tenantId": "t", "clientId": "c", "clientSecretFile": "\(path)", "cloud": "gcc-high",
             "pollIntervalSeconds": 2.5, "stalenessBudgetSeconds": 20, "keepLastKnownSeconds": 0}}
            """)
        guard case .graph(let graph) = configuration else {
            Issue.record("expected a graph source")
            return
        }
        #expect(graph.credential == .clientSecret(GraphSecret("file-secret")))
        #expect(graph.cloud == .usGovernmentL4)
        #expect(graph.pollInterval == .milliseconds(2500))
        #expect(graph.stalenessBudget == .seconds(20))
        #expect(graph.unreachablePolicy == .unknownImmediately)
        #expect(graph.requestLimit == 1500)
    }

    @Test("Explicit login and Graph URLs (the local Graph) and a certificate credential")
    func explicitHosts() throws {
        let configuration = try Self.decode("""
            {"source": "GRAPH", "graph": {"tenantId": "t", "clientId": "c", "certificateFile": "/c.pem", "privateKeyFile": "/k.pem",
             "loginUrl": "http://127.0.0.1:8089", "graphUrl": "http://127.0.0.1:8089"}}
            """)
        guard case .graph(let graph) = configuration else {
            Issue.record("expected a graph source")
            return
        }
        #expect(graph.cloud.tokenURL(tenantID: "t").absoluteString == "http://127.0.0.1:8089/t/oauth2/v2.0/token")
        #expect(graph.credential == .certificate(certificatePath: "/c.pem", privateKeyPath: "/k.pem"))
    }

    @Test("source: static builds a static source with the listed presence")
    func staticSection() throws {
        let configuration = try Self.decode(#"{"source": "static", "static": {"a": "available", "b": "DoNotDisturb"}}"#)
        let source = try configuration.makeSource(agentIDs: [], httpClient: .shared)
        #expect(source is StaticPresenceSource)
        #expect(source.status().agents == 2)
        #expect(source.freshness.stalenessBudget == nil)
    }

    @Test("Bad sections fail with the offending key in the error", arguments: [
        (#"{"source": "ldap"}"#, "source"),
        (#"{"source": "static", "static": {"a": "Lunch"}}"#, "static"),
        (#"{"source": "graph", "graph": {"tenantId": "t", "clientId": "c"}}"#, "clientSecretEnv"),
        (#"{"source": "graph", "graph": {"tenantId": "t", "clientId": "c", "clientSecretEnv": "PRESENCE_TEST_UNSET_VARIABLE"}}"#, "clientSecretEnv"),
        (#"{"source": "graph", "graph": {"tenantId": "t", "clientId": "c", "clientSecretFile": "/nonexistent", "cloud": "mars"}}"#, "clientSecretFile"),
        (#"{"source": "graph", "graph": {"tenantId": "t", "clientId": "c", "certificateFile": "/c", "privateKeyFile": "/k", "cloud": "mars"}}"#, "cloud"),
        (#"{"source": "graph", "graph": {"tenantId": "t", "clientId": "c", "certificateFile": "/c", "privateKeyFile": "/k", "pollIntervalSeconds": 0}}"#, "pollInterval"),
    ])
    func badSections(json: String, key: String) {
        #expect {
            try Self.decode(json)
        } throws: { error in
            "\(error)".contains(key)
        }
    }
}
