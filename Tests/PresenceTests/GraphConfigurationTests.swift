import Foundation
import Presence
import Testing

@Suite("Graph configuration and clouds")
struct GraphConfigurationTests {
    @Test("The secret appears in no description")
    func secretRedacted() {
        let configuration = GraphConfiguration(
            tenantID: "tenant", clientID: "client", credential: .clientSecret(GraphSecret("hunter2-very-secret")))
        for text in [configuration.description, String(describing: configuration.credential), "\(GraphSecret("hunter2-very-secret"))",
                     String(reflecting: GraphSecret("hunter2-very-secret"))] {
            #expect(!text.contains("hunter2"))
        }
    }

    @Test("National clouds: token URL and scope follow the configured hosts", arguments: [
        ("global", "https://login.microsoftonline.com/t/oauth2/v2.0/token", "https://graph.microsoft.com/.default"),
        ("gcc-high", "https://login.microsoftonline.us/t/oauth2/v2.0/token", "https://graph.microsoft.us/.default"),
        ("dod", "https://login.microsoftonline.us/t/oauth2/v2.0/token", "https://dod-graph.microsoft.us/.default"),
    ])
    func clouds(name: String, tokenURL: String, scope: String) throws {
        let cloud = try #require(GraphCloud(named: name))
        #expect(cloud.tokenURL(tenantID: "t").absoluteString == tokenURL)
        #expect(cloud.scope == scope)
        #expect(cloud.presencesByUserIDURL.absoluteString.hasSuffix("/v1.0/communications/getPresencesByUserId"))
    }

    @Test("A custom cloud (the local Graph) is used as given")
    func customCloud() throws {
        let base = try #require(URL(string: "http://127.0.0.1:8089"))
        let cloud = GraphCloud(loginURL: base, graphURL: base)
        #expect(cloud.tokenURL(tenantID: "lab").absoluteString == "http://127.0.0.1:8089/lab/oauth2/v2.0/token")
        #expect(cloud.presencesByUserIDURL.absoluteString == "http://127.0.0.1:8089/v1.0/communications/getPresencesByUserId")
    }

    @Test("Validation names the bad setting", arguments: [
        (GraphConfiguration(tenantID: "", clientID: "c", credential: .clientSecret(GraphSecret("s"))), "tenantID"),
        (GraphConfiguration(tenantID: "t", clientID: "c", credential: .clientSecret(GraphSecret("s")), pollInterval: .zero), "pollInterval"),
        (GraphConfiguration(tenantID: "t", clientID: "c", credential: .clientSecret(GraphSecret("s")), cloud: .china), "presence"),
    ])
    func validation(configuration: GraphConfiguration, mentions: String) {
        #expect {
            try configuration.validate()
        } throws: { error in
            "\(error)".contains(mentions)
        }
    }

    @Test("A secret file loses its trailing newline; a missing file is a configuration error")
    func secretFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("presence-secret-\(UUID().uuidString)").path
        try "from-file\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try GraphSecret(file: path) == GraphSecret("from-file"))
        #expect(throws: GraphPresenceError.self) { try GraphSecret(file: path + ".missing") }
    }
}
