import ArgumentParser
import ControlModel

/// `switchboard calls`.
struct CallsCommand: CLICommand {
    static let configuration = CommandConfiguration(commandName: "calls", abstract: "Every call held: queue, caller, state, agent, duration.")
    @OptionGroup var connection: ConnectionOptions

    func execute(_ session: CLISession) async throws -> String {
        try session.show(try await session.client.get("/v1/calls"), as: CallList.self) { Render.calls($0.calls) }
    }
}

/// `switchboard call …`.
struct CallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "call", abstract: "One call.", subcommands: [Show.self, HangUp.self])

    /// `switchboard call show CALL`.
    struct Show: CLICommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "A call's legs and times.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The call's id (the caller's Call-ID).") var call: String

        func execute(_ session: CLISession) async throws -> String {
            try session.show(try await session.client.get("/v1/calls/\(pathSegment(call))"), as: CallView.self, Render.call)
        }
    }

    /// `switchboard call hangup CALL`.
    struct HangUp: CLICommand {
        static let configuration = CommandConfiguration(
            commandName: "hangup", abstract: "End a call: BYE on both legs, or a waiting caller released with 480.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The call's id.") var call: String

        func execute(_ session: CLISession) async throws -> String {
            try session.show(try await session.client.post("/v1/calls/\(pathSegment(call))/hangup"), as: ActionResult.self, Render.result)
        }
    }
}

/// `switchboard explain CALL`.
struct ExplainCommand: CLICommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Who could take a waiting caller now, and why every other member could not.")
    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "The waiting caller's call id.") var call: String

    func execute(_ session: CLISession) async throws -> String {
        try session.show(try await session.client.get("/v1/calls/\(pathSegment(call))/explain"), as: ExplanationView.self, Render.explanation)
    }
}

/// `switchboard caller …`: a waiting caller.
struct CallerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "caller", abstract: "A waiting caller.", subcommands: [Withdraw.self, Priority.self])

    /// `switchboard caller withdraw CALL [--queue Q [--keep-position] | --number N | --hang-up]`.
    struct Withdraw: CLICommand {
        static let configuration = CommandConfiguration(
            commandName: "withdraw", abstract: "Take a caller out of the queue: to another queue, a number, a hang-up, or the queue's withdrawn target.")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The waiting caller's call id.") var call: String
        @Option(name: .long, help: "Move the caller to this queue.") var queue: String?
        @Flag(name: .long, help: "With --queue: keep the caller's original arrival time.") var keepPosition = false
        @Option(name: .long, help: "Send the caller to this E.164 number.") var number: String?
        @Flag(name: .long, help: "Hang up on the caller.") var hangUp = false

        func validate() throws {
            guard [queue != nil, number != nil, hangUp].filter({ $0 }).count <= 1 else {
                throw ValidationError("give at most one of --queue, --number, --hang-up")
            }
            guard !keepPosition || queue != nil else { throw ValidationError("--keep-position goes with --queue") }
        }

        func execute(_ session: CLISession) async throws -> String {
            let body = WithdrawRequest(queue: queue, keepPosition: keepPosition ? true : nil, number: number, hangUp: hangUp ? true : nil)
            return try session.show(try await session.client.post("/v1/calls/\(pathSegment(call))/withdraw", body: body),
                                    as: ActionResult.self, Render.result)
        }
    }

    /// `switchboard caller priority CALL N`.
    struct Priority: CLICommand {
        static let configuration = CommandConfiguration(commandName: "priority", abstract: "Change a waiting caller's priority (higher is served first).")
        @OptionGroup var connection: ConnectionOptions
        @Argument(help: "The waiting caller's call id.") var call: String
        @Argument(help: "The new priority, -1000 to 1000.") var priority: Int

        func execute(_ session: CLISession) async throws -> String {
            try session.show(try await session.client.post("/v1/calls/\(pathSegment(call))/priority", body: PriorityRequest(priority: priority)),
                             as: ActionResult.self, Render.result)
        }
    }
}
