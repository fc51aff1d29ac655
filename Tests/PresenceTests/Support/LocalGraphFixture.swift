import AsyncHTTPClient
import Foundation
import LocalGraphServer
import Presence

/// A local Graph started in-process on 127.0.0.1, port 0, and a Graph configuration pointing at it.
struct LocalGraphFixture {
    static let tenantID = "contoso-tenant"
    static let clientID = "switchboard-app"
    static let clientSecret = "s3cret~value"

    let server: LocalGraphServer

    /// Starts a server with `userCount` generated users (ids from `LocalGraphUser.generatedID`).
    static func start(
        userCount: Int,
        requestLimit: Int = 1500,
        tokenLifetime: Duration = .seconds(3599),
        clientCertificatePEM: String? = nil
    ) async throws -> LocalGraphFixture {
        let server = try await LocalGraphServer.start(
            configuration: LocalGraphConfiguration(
                tenantID: tenantID,
                clientID: clientID,
                clientSecret: clientSecret,
                clientCertificatePEM: clientCertificatePEM,
                tokenLifetime: tokenLifetime,
                users: LocalGraphUser.generated(count: userCount),
                requestLimit: requestLimit
            ))
        return LocalGraphFixture(server: server)
    }

    /// Runs `body` with a started server and shuts the server down afterwards, whatever happens.
    static func with<T>(
        userCount: Int,
        requestLimit: Int = 1500,
        clientCertificatePEM: String? = nil,
        _ body: (LocalGraphFixture) async throws -> T
    ) async throws -> T {
        let fixture = try await start(
            userCount: userCount, requestLimit: requestLimit, clientCertificatePEM: clientCertificatePEM)
        do {
            let result = try await body(fixture)
            try await fixture.server.shutdown()
            return result
        } catch {
            try? await fixture.server.shutdown()
            throw error
        }
    }

    /// A cloud whose login and Graph hosts are both this server.
    var cloud: GraphCloud {
        GraphCloud(loginURL: server.baseURL, graphURL: server.baseURL)
    }

    /// A configuration for this server with the given credential (the right secret by default).
    func configuration(
        credential: GraphCredential = .clientSecret(GraphSecret(LocalGraphFixture.clientSecret)),
        pollInterval: Duration = .seconds(5),
        failuresBeforeUnreachable: Int = 3
    ) -> GraphConfiguration {
        GraphConfiguration(
            tenantID: Self.tenantID,
            clientID: Self.clientID,
            credential: credential,
            cloud: cloud,
            pollInterval: pollInterval,
            failuresBeforeUnreachable: failuresBeforeUnreachable
        )
    }

    /// The ids of the first `count` generated users.
    static func userIDs(_ count: Int) -> [String] {
        (0..<count).map(LocalGraphUser.generatedID(index:))
    }
}
