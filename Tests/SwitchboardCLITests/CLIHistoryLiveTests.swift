import AsyncHTTPClient
import ControlAPI
import ControlModel
import Foundation
@testable import SwitchboardCLI
import SwitchboardTestKit
import Testing

@Suite("switchboard cdr and queue-log against the control API")
struct CLIHistoryLiveTests {
    private func withAPI(_ body: (FakeControlSurface, [String: String]) async throws -> Void) async throws {
        let surface = FakeControlSurface()
        try await withLiveControlAPI(surface: surface, token: ControlToken("cli-t0ken")) { url in
            try await body(surface, ["HOME": "/nonexistent", "SWITCHBOARD_URL": url, "SWITCHBOARD_TOKEN": "cli-t0ken"])
        }
    }

    private func fetch(_ path: String, _ environment: [String: String]) async throws -> String {
        var request = HTTPClientRequest(url: environment["SWITCHBOARD_URL", default: ""] + path)
        request.headers.add(name: "Authorization", value: "Bearer cli-t0ken")
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        return String(buffer: try await response.body.collect(upTo: 1 << 20))
    }

    @Test("cdr --json prints the API's records as they came")
    func cdrJSON() async throws {
        try await withAPI { _, environment in
            let outcome = await SwitchboardCLI.run(["cdr", "--json"], environment: environment)
            #expect(outcome.exitCode == 0 && outcome.error.isEmpty)
            let api = try await fetch("/v1/call-records", environment)
            #expect(outcome.output == api + "\n")
            let records = try JSONDecoder().decode(CallRecordList.self, from: Data(outcome.output.utf8)).records
            #expect(records.map(\.offers.count) == [1, 1, 1])
        }
    }

    @Test("cdr sends each filter and prints the table")
    func cdrFilters() async throws {
        try await withAPI { surface, environment in
            let outcome = await SwitchboardCLI.run(["cdr", "--since", "2026-12-05T08:00:00Z", "--until", "2026-12-05T18:00:00+01:00",
                                                    "--queue", "support", "--agent", "alice", "--number", "+4930111", "--limit", "7"],
                                                   environment: environment)
            #expect(outcome.exitCode == 0, "\(outcome.error)")
            #expect(outcome.output == Render.callRecords([FakeControlSurface.records[2]]))
            #expect(surface.actions == [.callRecords(CallRecordFilter(
                since: Date(timeIntervalSince1970: 1_796_457_600), until: Date(timeIntervalSince1970: 1_796_490_000), queue: "support",
                agent: "alice", number: "+4930111", limit: 7))])
        }
    }

    @Test("a duration ago reaches the API as the UTC time that long before now")
    func cdrSinceAgo() async throws {
        try await withAPI { surface, environment in
            let before = Date().timeIntervalSince1970
            let outcome = await SwitchboardCLI.run(["cdr", "--since", "1d"], environment: environment)
            let after = Date().timeIntervalSince1970
            #expect(outcome.exitCode == 0, "\(outcome.error)")
            guard case .callRecords(let filter) = try #require(surface.actions.first) else {
                Issue.record("no call records read: \(surface.actions)")
                return
            }
            let since = try #require(filter.since).timeIntervalSince1970
            #expect(since >= before - 86_400 - 0.001 && since <= after - 86_400 + 0.001, "\(since) not a day before \(before)...\(after)")
            #expect(filter.until == nil && filter.limit == 100)
        }
    }

    @Test("queue-log prints Asterisk's lines; --since narrows them; --json the API's events")
    func queueLog() async throws {
        try await withAPI { surface, environment in
            let text = await SwitchboardCLI.run(["queue-log"], environment: environment)
            #expect(text.exitCode == 0)
            let apiText = try await fetch("/v1/queue-log?format=text", environment)
            #expect(text.output == apiText)
            #expect(text.output.split(separator: "\n").count == 4 && text.output.hasPrefix("1796493000|c0|support|NONE|ENTERQUEUE||+4930111|1\n"))
            let since = await SwitchboardCLI.run(["queue-log", "--since", "2026-12-05T17:52:00Z"], environment: environment)
            #expect(since.output == "1796493120|NONE|support|alice|PAUSE|lunch\n1796493190|c0|support|bob|COMPLETEAGENT|4|186|1\n")
            let json = await SwitchboardCLI.run(["queue-log", "--json"], environment: environment)
            let apiJSON = try await fetch("/v1/queue-log", environment)
            #expect(json.output == apiJSON + "\n")
            #expect(surface.actions.contains(.queueLog(QueueLogQuery(since: Date(timeIntervalSince1970: 1_796_493_120), limit: 10_000))))
        }
    }

    @Test("the API's refusal: exit 1 with its message")
    func refused() async throws {
        try await withAPI { _, environment in
            let outcome = await SwitchboardCLI.run(["cdr", "--since", "1h", "--url", environment["SWITCHBOARD_URL", default: ""] + "/nothing"],
                                                   environment: environment)
            #expect(outcome.exitCode == 1)
            #expect(outcome.error.hasPrefix("switchboard: switchboardd answered 404: no such resource: /nothing/v1/call-records"))
        }
    }
}
