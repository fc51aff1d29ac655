import ArgumentParser
import Foundation
import LocalGraphServer

/// `local-graph`: a local Microsoft Graph and token endpoint for tests and demos (docs/local-graph.md).
struct LocalGraphCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "local-graph",
        abstract: "A local stand-in for Microsoft Graph presence and its OAuth2 token endpoint.",
        discussion: "Prints 'local-graph listening on HOST:PORT' once it accepts connections."
    )

    @Option(help: "Port to listen on; 0 picks a free one.")
    var port = 0

    @Option(help: "Address to bind (loopback only is intended).")
    var host = "127.0.0.1"

    @Option(help: "A number of generated users, or a file with one 'id [availability [activity]]' per line.")
    var users = "10"

    @Option(help: "The application (client) id the token endpoint accepts.")
    var clientID = "switchboard"

    @Option(help: "The client secret the token endpoint accepts.")
    var clientSecret: String?

    @Option(help: "A PEM certificate whose key signs accepted client assertions.")
    var clientCertificate: String?

    @Option(help: "The only tenant accepted in the token path (default: any).")
    var tenant: String?

    @Option(help: "Token lifetime in seconds (expires_in).")
    var tokenLifetime = 3599

    @Option(help: "Presence requests per window before 429.")
    var requestLimit = 1500

    @Option(help: "Length of the sliding request window in seconds.")
    var requestWindow = 30

    func validate() throws {
        if clientSecret == nil && clientCertificate == nil {
            throw ValidationError("give --client-secret, --client-certificate or both")
        }
        if requestLimit < 1 || requestWindow < 1 || tokenLifetime < 0 {
            throw ValidationError("--request-limit and --request-window must be positive, --token-lifetime not negative")
        }
    }

    func run() async throws {
        let server = try await LocalGraphServer.start(
            configuration: LocalGraphConfiguration(
                tenantID: tenant,
                clientID: clientID,
                clientSecret: clientSecret,
                clientCertificatePEM: try clientCertificate.map { try String(contentsOfFile: $0, encoding: .utf8) },
                tokenLifetime: .seconds(tokenLifetime),
                users: try loadUsers(),
                requestLimit: requestLimit,
                requestWindow: .seconds(requestWindow)
            ),
            host: host,
            port: port
        )
        FileHandle.standardOutput.write(Data("local-graph listening on \(server.host):\(server.port)\n".utf8))
        try await server.waitUntilClosed()
    }

    private func loadUsers() throws -> [LocalGraphUser] {
        if let count = Int(users) {
            return LocalGraphUser.generated(count: count)
        }
        return LocalGraphUser.parse(file: try String(contentsOfFile: users, encoding: .utf8))
    }
}

do {
    try await LocalGraphCommand.parse().run()
} catch {
    LocalGraphCommand.exit(withError: error)
}
