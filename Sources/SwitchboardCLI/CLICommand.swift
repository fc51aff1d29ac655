import ArgumentParser
import AsyncHTTPClient
import ControlModel
import Foundation

/// The flags every command takes: where the daemon is, its token, and JSON output.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: "The control API's URL (default: $SWITCHBOARD_URL, the CLI file's url, then \(CLIConfiguration.defaultURL)).")
    var url: String?

    @Option(name: .long, help: "A file holding the bearer token (default: $SWITCHBOARD_TOKEN, then the CLI file's tokenFile).")
    var tokenFile: String?

    @Flag(name: .long, help: "Print the API's JSON instead of a table.")
    var json = false
}

/// What a command runs with: the client and how to print.
struct CLISession: Sendable {
    let client: ControlClient
    let json: Bool
    /// Writes to standard output at once (the watch view); other commands return their text.
    let write: @Sendable (String) -> Void

    /// The API's JSON as it came, or the table `render` makes of it.
    func show<Value: Decodable>(_ data: Data, as type: Value.Type, _ render: (Value) -> String) throws -> String {
        if json { return String(decoding: data, as: UTF8.self) + "\n" }
        return render(try client.decode(type, from: data))
    }
}

/// A leaf command: runs against the API and returns what to print.
protocol CLICommand: ParsableCommand {
    var connection: ConnectionOptions { get }
    func execute(_ session: CLISession) async throws -> String
}
