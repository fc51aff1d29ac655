import ArgumentParser
import ControlModel

/// `switchboard queues`.
struct QueuesCommand: CLICommand {
    static let configuration = CommandConfiguration(commandName: "queues", abstract: "Every queue: state, waiting callers, staffing, service level.")
    @OptionGroup var connection: ConnectionOptions

    func execute(_ session: CLISession) async throws -> String {
        try session.show(try await session.client.get("/v1/queues"), as: QueueList.self) { Render.queues($0.queues) }
    }
}

/// `switchboard queue …`.
struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "queue", abstract: "One queue.", subcommands: [Show.self])

    /// `switchboard queue show NAME`.
    struct Show: CLICommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "A queue's state, statistics and waiting callers.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The queue's name.") var name: String

        func execute(_ session: CLISession) async throws -> String {
            try session.show(try await session.client.get("/v1/queues/\(pathSegment(name))"), as: QueueView.self, Render.queue)
        }
    }
}
