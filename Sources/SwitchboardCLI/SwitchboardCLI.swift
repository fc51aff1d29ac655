import ArgumentParser
import AsyncHTTPClient
import Foundation

/// The `switchboard` command line, as a library: `run` takes the arguments and environment and
/// returns what to print and the exit code, so tests run it whole.
public enum SwitchboardCLI {
    /// What a run printed and how it ended.
    public struct Outcome: Sendable, Equatable {
        /// The exit code.
        public var exitCode: Int32
        /// Standard output.
        public var output: String
        /// Standard error: one line for a failure, or usage.
        public var error: String
    }

    /// Parses `arguments` (without the program name), runs the command and reports. `write` gets
    /// the watch view's frames as they come.
    public static func run(_ arguments: [String], environment: [String: String],
                           write: @escaping @Sendable (String) -> Void = { _ in }) async -> Outcome {
        let parsed: any ParsableCommand
        do {
            parsed = try SwitchboardCommand.parseAsRoot(arguments)
        } catch {
            let code = SwitchboardCommand.exitCode(for: error)
            let message = SwitchboardCommand.fullMessage(for: error) + "\n"
            return code == .success ? Outcome(exitCode: 0, output: message, error: "")
                : Outcome(exitCode: CLIExitCode.usage.rawValue, output: "", error: message)
        }
        guard let command = parsed as? any CLICommand else {
            let groups: [any ParsableCommand.Type] = [SwitchboardCommand.self, QueueCommand.self, AgentCommand.self, CallCommand.self,
                                                      CallerCommand.self]
            if groups.contains(where: { $0 == type(of: parsed) }) {
                return Outcome(exitCode: CLIExitCode.usage.rawValue, output: "", error: SwitchboardCommand.helpMessage(for: type(of: parsed)) + "\n")
            }
            return help(parsed)
        }
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton,
                                    configuration: HTTPClient.Configuration(timeout: .init(connect: .seconds(3), read: .seconds(10))))
        let outcome = await execute(command, environment: environment, httpClient: httpClient, write: write)
        try? await httpClient.shutdown()
        return outcome
    }

    private static func execute(_ command: any CLICommand, environment: [String: String], httpClient: HTTPClient,
                                write: @escaping @Sendable (String) -> Void) async -> Outcome {
        do {
            let configuration = try CLIConfiguration.resolve(urlFlag: command.connection.url, tokenFileFlag: command.connection.tokenFile,
                                                             environment: environment)
            let session = CLISession(client: ControlClient(configuration: configuration, httpClient: httpClient),
                                     json: command.connection.json, write: write)
            return Outcome(exitCode: CLIExitCode.ok.rawValue, output: try await command.execute(session), error: "")
        } catch let error as CLIError {
            return Outcome(exitCode: error.exitCode.rawValue, output: "", error: "switchboard: \(error.message)\n")
        } catch {
            return Outcome(exitCode: CLIExitCode.apiError.rawValue, output: "", error: "switchboard: \(error)\n")
        }
    }

    /// `switchboard help …`: ArgumentParser's help command reports its text as a clean exit.
    private static func help(_ command: any ParsableCommand) -> Outcome {
        var command = command
        do {
            try command.run()
            return Outcome(exitCode: CLIExitCode.ok.rawValue, output: "", error: "")
        } catch {
            return Outcome(exitCode: SwitchboardCommand.exitCode(for: error) == .success ? CLIExitCode.ok.rawValue : CLIExitCode.usage.rawValue,
                           output: SwitchboardCommand.fullMessage(for: error) + "\n", error: "")
        }
    }

    /// Runs with the process's arguments and environment, prints, and exits with the code.
    public static func main() async -> Never {
        let outcome = await run(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment) { frame in
            FileHandle.standardOutput.write(Data(frame.utf8))
        }
        FileHandle.standardOutput.write(Data(outcome.output.utf8))
        FileHandle.standardError.write(Data(outcome.error.utf8))
        exit(outcome.exitCode)
    }
}
