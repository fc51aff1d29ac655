import ArgumentParser
import ControlModel
import Foundation

/// `switchboard watch`: queues, waiting callers, agents and calls, redrawn in place like `top`
/// until Ctrl-C.
struct WatchCommand: CLICommand {
    static let configuration = CommandConfiguration(
        commandName: "watch", abstract: "A live view of queues, waiting callers, agents and calls, refreshed in place (Ctrl-C ends it).")
    @OptionGroup var connection: ConnectionOptions
    @Option(name: .long, help: "Seconds between refreshes (0.5 to 3600).") var interval: Double = 2

    func validate() throws {
        guard !connection.json else { throw ValidationError("watch draws tables for people; use the other commands' --json for scripts") }
        guard (0.5...3_600).contains(interval) else { throw ValidationError("--interval must be from 0.5 to 3600 seconds") }
    }

    func execute(_ session: CLISession) async throws -> String {
        while !Task.isCancelled {
            session.write(try await WatchFrame.fetch(session.client).render(interval: interval, at: Date()))
            try await Task.sleep(for: .milliseconds(Int(interval * 1_000)))
        }
        return ""
    }
}

/// One frame of the watch view: what the API said, drawn from the top of a cleared screen.
public struct WatchFrame: Sendable {
    /// ANSI: cursor home, then erase the screen.
    public static let clearScreen = "\u{1B}[H\u{1B}[2J"

    /// The daemon's status.
    public var status: StatusReport
    /// Every queue.
    public var queues: [QueueView]
    /// Every agent.
    public var agents: [AgentView]
    /// Every call.
    public var calls: [CallView]

    /// Creates a frame.
    public init(status: StatusReport, queues: [QueueView], agents: [AgentView], calls: [CallView]) {
        self.status = status
        self.queues = queues
        self.agents = agents
        self.calls = calls
    }

    static func fetch(_ client: ControlClient) async throws -> WatchFrame {
        async let status = client.get("/v1/status")
        async let queues = client.get("/v1/queues")
        async let agents = client.get("/v1/agents")
        async let calls = client.get("/v1/calls")
        return WatchFrame(status: try client.decode(StatusReport.self, from: try await status),
                          queues: try client.decode(QueueList.self, from: try await queues).queues,
                          agents: try client.decode(AgentList.self, from: try await agents).agents,
                          calls: try client.decode(CallList.self, from: try await calls).calls)
    }

    /// The frame as text: clear screen, a header line, then queues, waiting callers, agents and calls.
    public func render(interval: Double, at date: Date) -> String {
        let trunks = status.trunks.map { "\($0.name) \($0.up ? "up" : "DOWN")" }.joined(separator: ", ")
        let header = "switchboardd \(status.version) up \(Format.duration(status.uptimeSeconds))  calls \(status.calls) (\(status.waitingCalls) waiting)"
            + "  trunks \(trunks.isEmpty ? "-" : trunks)  presence \(status.presenceSource.reachable ? "ok" : "UNREACHABLE")"
            + (status.draining ? "  DRAINING" : "") + (status.overloaded ? "  OVERLOADED" : "")
        let footer = "\(date.formatted(.iso8601)), every \(Format.duration(interval)); Ctrl-C ends"
        let waiting = queues.flatMap { queue in queue.waiting.map { (queue.name, $0) } }
        return Self.clearScreen + header + "\n\nQUEUES\n" + Render.queues(queues) + "\nWAITING CALLERS\n" + Render.waiting(waiting)
            + "\nAGENTS\n" + Render.agents(agents) + "\nCALLS\n" + Render.calls(calls) + "\n" + footer + "\n"
    }
}
