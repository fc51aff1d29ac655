import ArgumentParser
import ControlModel

/// `switchboard`: the operator CLI over switchboardd's control API.
struct SwitchboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "Operate switchboardd through its control API: queues, agents, calls, call records, the queue log.",
        discussion: """
            The daemon is found with --url, then $SWITCHBOARD_URL, then `url` in ~/.config/switchboard/cli.yaml \
            ($XDG_CONFIG_HOME/switchboard/cli.yaml when set), then \(CLIConfiguration.defaultURL); the token with \
            --token-file, then $SWITCHBOARD_TOKEN, then `tokenFile` in that file.

            Exit codes: 0 done; 1 the API answered an error (unknown id, refused value, conflict); 2 usage; \
            3 switchboardd not reachable; 4 token missing or refused.
            """,
        version: SwitchboardVersion.current,
        subcommands: [StatusCommand.self, QueuesCommand.self, QueueCommand.self, AgentsCommand.self, AgentCommand.self,
                      CallsCommand.self, CallCommand.self, ExplainCommand.self, CallerCommand.self, EmergencyCommand.self,
                      DrainCommand.self, ReloadCommand.self, WatchCommand.self, CDRCommand.self, QueueLogCommand.self])
}

/// `switchboard status`.
struct StatusCommand: CLICommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Version, uptime, listeners, calls, trunks, presence, drain.")
    @OptionGroup var connection: ConnectionOptions

    func execute(_ session: CLISession) async throws -> String {
        try session.show(try await session.client.get("/v1/status"), as: StatusReport.self, Render.status)
    }
}

/// `switchboard drain`.
struct DrainCommand: CLICommand {
    static let configuration = CommandConfiguration(
        commandName: "drain", abstract: "Refuse new calls (503), let the calls in progress end, then stop switchboardd.")
    @OptionGroup var connection: ConnectionOptions

    func execute(_ session: CLISession) async throws -> String {
        try session.show(try await session.client.post("/v1/drain"), as: ActionResult.self, Render.result)
    }
}

/// `switchboard reload`.
struct ReloadCommand: CLICommand {
    static let configuration = CommandConfiguration(
        commandName: "reload",
        abstract: "Apply the daemon's configuration file again (agents, queues, acd) without dropping calls, pauses or statistics.")
    @OptionGroup var connection: ConnectionOptions

    func execute(_ session: CLISession) async throws -> String {
        try session.show(try await session.client.post("/v1/reload"), as: ActionResult.self, Render.result)
    }
}

/// `switchboard emergency on|off [QUEUE]`.
struct EmergencyCommand: CLICommand {
    /// The switch's position.
    enum Position: String, ExpressibleByArgument, CaseIterable {
        case on, off
    }

    static let configuration = CommandConfiguration(
        commandName: "emergency", abstract: "Turn the emergency switch of one queue, or of every queue, on or off.")
    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "on or off.") var position: Position
    @Argument(help: "The queue; every queue when left out.") var queue: String?

    func execute(_ session: CLISession) async throws -> String {
        let path = queue.map { "/v1/queues/\(pathSegment($0))/emergency" } ?? "/v1/emergency"
        let data = try await session.client.post(path, body: EmergencyRequest(active: position == .on))
        return try session.show(data, as: QueueList.self) { Render.queues($0.queues) }
    }
}
