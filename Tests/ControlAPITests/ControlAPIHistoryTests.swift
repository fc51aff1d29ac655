import ControlAPI
import ControlModel
import Foundation
import SwitchboardTestKit
import Testing

/// The instant of an ISO 8601 time the tests spell out.
private func at(_ text: String) -> Date {
    Date(timeIntervalSince1970: TimeInterval(ControlTime.unixMilliseconds(text) ?? -1) / 1_000)
}

@Suite("Control API: call records and the queue log")
struct ControlAPIHistoryTests {
    private func withAPI(_ body: (String, FakeControlSurface) async throws -> Void) async throws {
        let surface = FakeControlSurface()
        try await withLiveControlAPI(surface: surface, token: ControlToken("t0ken-for-tests")) { url in try await body(url, surface) }
    }

    @Test("no filter: the 100 newest records, each with its offers")
    func allRecords() async throws {
        try await withAPI { url, surface in
            let answer = try await HTTPExchange.send(.GET, url + "/v1/call-records")
            #expect(answer.status == 200)
            #expect(answer.headers.first(name: "Content-Type") == "application/json")
            #expect(try answer.decoded(CallRecordList.self) == CallRecordList(records: FakeControlSurface.records))
            #expect(answer.body.contains(#""offers":[{"agent":"bob","endedAt":"2026-12-05T17:50:04.500Z""#))
            #expect(surface.actions == [.callRecords(CallRecordFilter(limit: 100))])
        }
    }

    @Test("each filter reaches the surface as given and narrows the records", arguments: [
        ("since=2026-12-05T16:00:00Z", CallRecordFilter(since: at("2026-12-05T16:00:00Z")), ["c0", "c8"]),
        ("since=2026-12-05T18:00:00%2B01:00", CallRecordFilter(since: at("2026-12-05T17:00:00Z")), ["c0"]),
        ("until=2026-12-05T16:10:00.001Z", CallRecordFilter(until: at("2026-12-05T16:10:00.001Z")), ["c8", "c7"]),
        ("until=2026-12-05T16:10:00Z", CallRecordFilter(until: at("2026-12-05T16:10:00Z")), ["c7"]),
        ("queue=support", CallRecordFilter(queue: "support"), ["c0", "c7"]),
        ("agent=alice", CallRecordFilter(agent: "alice"), ["c8", "c7"]),
        ("number=%2B4930111", CallRecordFilter(number: "+4930111"), ["c0", "c7"]),
        ("number=+15550300", CallRecordFilter(number: "+15550300"), ["c8"]),
        ("limit=1", CallRecordFilter(limit: 1), ["c0"]),
        ("queue=support&agent=alice&since=2026-12-05T08:00:00Z&until=2026-12-05T10:00:00Z&limit=5",
         CallRecordFilter(since: at("2026-12-05T08:00:00Z"), until: at("2026-12-05T10:00:00Z"), queue: "support", agent: "alice", limit: 5), ["c7"]),
    ])
    func filters(query: String, filter: CallRecordFilter, callIDs: [String]) async throws {
        try await withAPI { url, surface in
            let answer = try await HTTPExchange.send(.GET, url + "/v1/call-records?" + query)
            #expect(answer.status == 200)
            #expect(try answer.decoded(CallRecordList.self).records.map(\.callID) == callIDs)
            #expect(surface.actions == [.callRecords(filter)])
        }
    }

    @Test("a bad filter: 400 naming the parameter, and the store is not asked", arguments: [
        ("since=yesterday", "since", #"since must be an ISO 8601 time such as 2026-12-05T10:00:00Z, got "yesterday""#),
        ("since=1h", "since", #"since must be an ISO 8601 time such as 2026-12-05T10:00:00Z, got "1h""#),
        ("until=2026-02-30T00:00:00Z", "until", #"until must be an ISO 8601 time such as 2026-12-05T10:00:00Z, got "2026-02-30T00:00:00Z""#),
        ("since=2026-12-05T10:00:00Z&until=2026-12-05T10:00:00Z", "until", "until must be later than since"),
        ("limit=0", "limit", #"limit must be a whole number from 1 to 1000, got "0""#),
        ("limit=1001", "limit", #"limit must be a whole number from 1 to 1000, got "1001""#),
        ("limit=ten", "limit", #"limit must be a whole number from 1 to 1000, got "ten""#),
        ("caller=%2B4930111", "caller", #"unknown query parameter "caller"; expected agent, limit, number, queue, since, until"#),
        ("queue=support&queue=sales", "queue", "give queue once"),
        ("agent=", "agent", "agent must not be empty"),
        ("number=%C3%28", "number", "number is badly percent-encoded"),
    ])
    func badFilters(query: String, field: String, message: String) async throws {
        try await withAPI { url, surface in
            let answer = try await HTTPExchange.send(.GET, url + "/v1/call-records?" + query)
            #expect(answer.status == 400)
            #expect(try answer.decoded(ErrorBody.self) == ErrorBody(error: message, field: field))
            #expect(surface.actions.isEmpty)
        }
    }

    @Test("the queue log: JSON by default, Asterisk's text for format=text or Accept: text/plain", arguments: [
        ("", nil, false), ("?format=json", "text/plain", false), ("?format=text", nil, true), ("", "text/plain", true),
        ("", "text/plain; q=0.9, application/json", false), ("", "*/*", false),
    ] as [(String, String?, Bool)])
    func queueLog(query: String, accept: String?, asText: Bool) async throws {
        try await withAPI { url, surface in
            let answer = try await HTTPExchange.send(.GET, url + "/v1/queue-log" + query, accept: accept)
            #expect(answer.status == 200)
            if asText {
                #expect(answer.headers.first(name: "Content-Type") == "text/plain; charset=utf-8")
                #expect(answer.body == """
                    1796493000|c0|support|NONE|ENTERQUEUE||+4930111|1
                    1796493004|c0|support|bob|CONNECT|4||3
                    1796493120|NONE|support|alice|PAUSE|lunch
                    1796493190|c0|support|bob|COMPLETEAGENT|4|186|1

                    """)
            } else {
                #expect(answer.headers.first(name: "Content-Type") == "application/json")
                #expect(try answer.decoded(QueueLogList.self) == QueueLogList(events: FakeControlSurface.queueLogEvents))
            }
            #expect(surface.actions == [.queueLog(QueueLogQuery(since: nil, limit: 1_000))])
        }
    }

    @Test("the queue log from an instant, at most limit events")
    func queueLogSince() async throws {
        try await withAPI { url, surface in
            let answer = try await HTTPExchange.send(.GET, url + "/v1/queue-log?since=2026-12-05T17:50:04.500Z&limit=2&format=text")
            #expect(answer.body == "1796493004|c0|support|bob|CONNECT|4||3\n1796493120|NONE|support|alice|PAUSE|lunch\n")
            #expect(surface.actions == [.queueLog(QueueLogQuery(since: at("2026-12-05T17:50:04.500Z"), limit: 2))])
            let none = try await HTTPExchange.send(.GET, url + "/v1/queue-log?since=2027-01-01T00:00:00Z&format=text")
            #expect(none.status == 200 && none.body.isEmpty)
        }
    }

    @Test("a bad queue log request: 400 naming the parameter", arguments: [
        ("format=xml", "format", #"format must be json or text, got "xml""#),
        ("limit=10001", "limit", #"limit must be a whole number from 1 to 10000, got "10001""#),
        ("since=2026-12-05T10:00:00", "since", #"since must be an ISO 8601 time such as 2026-12-05T10:00:00Z, got "2026-12-05T10:00:00""#),
        ("until=2026-12-05T10:00:00Z", "until", #"unknown query parameter "until"; expected format, limit, since"#),
    ])
    func badQueueLog(query: String, field: String, message: String) async throws {
        try await withAPI { url, surface in
            let answer = try await HTTPExchange.send(.GET, url + "/v1/queue-log?" + query)
            #expect(answer.status == 400)
            #expect(try answer.decoded(ErrorBody.self) == ErrorBody(error: message, field: field))
            #expect(surface.actions.isEmpty)
        }
    }

    @Test("a record has no path of its own (404); the history is read-only (405)", arguments: [
        ("GET", "/v1/call-records/c0", 404, nil), ("POST", "/v1/call-records", 405, "GET"), ("DELETE", "/v1/queue-log", 405, "GET"),
    ])
    func paths(method: String, path: String, status: Int, allow: String?) async throws {
        try await withAPI { url, _ in
            let answer = try await HTTPExchange.send(.init(rawValue: method), url + path)
            #expect(answer.status == status)
            #expect(answer.headers.first(name: "Allow") == allow)
        }
    }
}
