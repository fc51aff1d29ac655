import ArgumentParser
import ControlModel

/// `switchboard agents`.
struct AgentsCommand: CLICommand {
    static let configuration = CommandConfiguration(commandName: "agents", abstract: "Every agent: status, state, presence, calls today, why (not) routable.")
    @OptionGroup var connection: ConnectionOptions

    func execute(_ session: CLISession) async throws -> String {
        try session.show(try await session.client.get("/v1/agents"), as: AgentList.self) { Render.agents($0.agents) }
    }
}

/// `switchboard agent …`: one agent, and the supervisor's status changes.
struct AgentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agent", abstract: "One agent.",
        subcommands: [Show.self, Pause.self, Resume.self, Login.self, Logout.self, EndBreak.self])

    /// `switchboard agent show ID`.
    struct Show: CLICommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "An agent in detail, with the reason per queue.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The agent's id.") var id: String

        func execute(_ session: CLISession) async throws -> String {
            try session.show(try await session.client.get("/v1/agents/\(pathSegment(id))"), as: AgentView.self, Render.agent)
        }
    }

    /// `switchboard agent pause ID --reason REASON`.
    struct Pause: CLICommand {
        static let configuration = CommandConfiguration(commandName: "pause", abstract: "Put an agent on a break with a reason code.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The agent's id.") var id: String
        @Option(name: .long, help: "The break's reason code, for example lunch.") var reason: String

        func execute(_ session: CLISession) async throws -> String {
            try session.show(try await session.client.post("/v1/agents/\(pathSegment(id))/pause", body: PauseRequest(reason: reason)),
                             as: AgentView.self, Render.agent)
        }
    }

    /// `switchboard agent resume ID`.
    struct Resume: CLICommand {
        static let configuration = CommandConfiguration(commandName: "resume", abstract: "End an agent's break: available again.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The agent's id.") var id: String

        func execute(_ session: CLISession) async throws -> String { try await agentAction("resume", id, session) }
    }

    /// `switchboard agent login ID`.
    struct Login: CLICommand {
        static let configuration = CommandConfiguration(commandName: "login", abstract: "Log an agent in: available.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The agent's id.") var id: String

        func execute(_ session: CLISession) async throws -> String { try await agentAction("login", id, session) }
    }

    /// `switchboard agent logout ID`.
    struct Logout: CLICommand {
        static let configuration = CommandConfiguration(commandName: "logout", abstract: "Log an agent out (a ringing offer is cancelled).")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The agent's id.") var id: String

        func execute(_ session: CLISession) async throws -> String { try await agentAction("logout", id, session) }
    }

    /// `switchboard agent end-break ID`.
    struct EndBreak: CLICommand {
        static let configuration = CommandConfiguration(
            commandName: "end-break", abstract: "End an agent's break (a RONA break included) or wrap-up.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The agent's id.") var id: String

        func execute(_ session: CLISession) async throws -> String { try await agentAction("end-break", id, session) }
    }
}

/// `POST /v1/agents/{id}/{action}` without a body, shown as the agent afterwards.
private func agentAction(_ action: String, _ id: String, _ session: CLISession) async throws -> String {
    try session.show(try await session.client.post("/v1/agents/\(pathSegment(id))/\(action)"), as: AgentView.self, Render.agent)
}
