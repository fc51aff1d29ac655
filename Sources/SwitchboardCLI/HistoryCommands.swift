import ArgumentParser
import ControlModel
import Foundation

/// `switchboard cdr`: stored call records, newest first.
struct CDRCommand: CLICommand {
    static let configuration = CommandConfiguration(
        commandName: "cdr", abstract: "Call records from the call store, newest first: time, caller, queue, agent, outcome, wait, talk, who hung up.",
        discussion: "--json prints the API's records with every offer attempt. Times are durations ago (30m, 1h, 2d) or ISO 8601 times.")
    @OptionGroup var connection: ConnectionOptions
    @Option(name: .long, help: "Calls that arrived since then: 30m, 1h, 2d or an ISO 8601 time.", transform: TimeBound.init(parsing:))
    var since: TimeBound?
    @Option(name: .long, help: "Calls that arrived before then: 30m, 1h, 2d or an ISO 8601 time.", transform: TimeBound.init(parsing:))
    var until: TimeBound?
    @Option(name: .long, help: "Calls whose (last) queue is this one.") var queue: String?
    @Option(name: .long, help: "Calls connected to, or last offered to, this agent.") var agent: String?
    @Option(name: .long, help: "Calls from this caller number or to this dialed number.") var number: String?
    @Option(name: .long, help: "At most this many records, 1 to 1000 (default 100).") var limit: Int?

    func validate() throws {
        for (flag, value) in [("--queue", queue), ("--agent", agent), ("--number", number)] where value?.isEmpty == true {
            throw ValidationError("\(flag) must not be empty")
        }
        if let limit, !(1...1_000).contains(limit) { throw ValidationError("--limit must be from 1 to 1000, got \(limit)") }
    }

    func execute(_ session: CLISession) async throws -> String {
        let now = Date()
        if let since, let until, until.unixMilliseconds(now: now) <= since.unixMilliseconds(now: now) {
            throw CLIError.usage("--until must be later than --since")
        }
        let parameters: [(String, String?)] = [
            ("since", since?.apiValue(now: now)), ("until", until?.apiValue(now: now)), ("queue", queue), ("agent", agent),
            ("number", number), ("limit", limit.map(String.init)),
        ]
        let data = try await session.client.get("/v1/call-records" + queryString(parameters))
        return try session.show(data, as: CallRecordList.self) { Render.callRecords($0.records) }
    }
}

/// `switchboard queue-log`: the queue log as Asterisk's text, every event since `--since`.
struct QueueLogCommand: CLICommand {
    static let configuration = CommandConfiguration(
        commandName: "queue-log", abstract: "The queue log as Asterisk's queue_log text, oldest first, for tools that read that file.",
        discussion: "Prints every event since --since (default: all), asking the API a page at a time; --json prints {\"events\": [...]}.")
    @OptionGroup var connection: ConnectionOptions
    @Option(name: .long, help: "Events since then: 30m, 1h, 2d or an ISO 8601 time (default: from the first).",
            transform: TimeBound.init(parsing:))
    var since: TimeBound?

    func execute(_ session: CLISession) async throws -> String {
        let events = try await QueueLogPages.collect(since: since?.apiValue(now: Date()), pageSize: QueueLogPages.pageSize) { since, limit in
            let data = try await session.client.get("/v1/queue-log" + queryString([("since", since), ("limit", String(limit))]))
            return try session.client.decode(QueueLogList.self, from: data).events
        }
        guard session.json else { return events.map { $0.line + "\n" }.joined() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(QueueLogList(events: events)), as: UTF8.self) + "\n"
    }
}

/// `?name=value&…` for the parameters that have a value, each value percent-encoded; empty without any.
func queryString(_ parameters: [(String, String?)]) -> String {
    let pairs = parameters.compactMap { name, value in value.map { "\(name)=\(pathSegment($0))" } }
    return pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&")
}
