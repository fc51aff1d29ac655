import ControlAPI
import ControlModel
import SwitchboardTestKit
import Testing

@Suite("Control API: resources, 404, 405")
struct ControlAPIResourceTests {
    private func withAPI(_ body: (String, FakeControlSurface) async throws -> Void) async throws {
        let surface = FakeControlSurface()
        try await withLiveControlAPI(surface: surface, token: ControlToken("t0ken-for-tests")) { url in try await body(url, surface) }
    }

    @Test("every resource answers 200 with its JSON")
    func resources() async throws {
        try await withAPI { url, _ in
            #expect(try await HTTPExchange.send(.GET, url + "/v1/queues").decoded(QueueList.self) == QueueList(queues: [FakeControlSurface.support]))
            #expect(try await HTTPExchange.send(.GET, url + "/v1/queues/support").decoded(QueueView.self) == FakeControlSurface.support)
            #expect(try await HTTPExchange.send(.GET, url + "/v1/agents").decoded(AgentList.self) == AgentList(agents: FakeControlSurface.agents))
            #expect(try await HTTPExchange.send(.GET, url + "/v1/agents/bob").decoded(AgentView.self) == FakeControlSurface.agents[1])
            #expect(try await HTTPExchange.send(.GET, url + "/v1/calls").decoded(CallList.self) == CallList(calls: [FakeControlSurface.call]))
            #expect(try await HTTPExchange.send(.GET, url + "/v1/calls/c1").decoded(CallView.self) == FakeControlSurface.call)
            let explanation = try await HTTPExchange.send(.GET, url + "/v1/calls/c1/explain").decoded(ExplanationView.self)
            #expect(explanation.skipped.map(\.agent) == ["alice", "bob"])
            let status = try await HTTPExchange.send(.GET, url + "/v1/status")
            #expect(status.headers.first(name: "Content-Type") == "application/json")
            #expect(status.body.contains(#""serverTransactions":1"#) && status.body.contains(#""dialogs":0"#), "fields the black-box harness reads")
        }
    }

    @Test("/metrics stays Prometheus text")
    func metrics() async throws {
        try await withAPI { url, _ in
            let answer = try await HTTPExchange.send(.GET, url + "/metrics")
            #expect(answer.status == 200)
            #expect(answer.headers.first(name: "Content-Type") == "text/plain; version=0.0.4")
            #expect(answer.body.contains("switchboard_calls_in_progress 1\n"))
        }
    }

    @Test("unknown ids: 404 with a message naming the field", arguments: [
        ("/v1/queues/nowhere", "queue", #"no queue "nowhere""#),
        ("/v1/agents/zed", "agent", #"no agent "zed""#),
        ("/v1/calls/c9", "call", #"no call "c9""#),
        ("/v1/calls/c9/explain", "call", #"no call "c9""#),
    ])
    func unknownIDs(path: String, field: String, message: String) async throws {
        try await withAPI { url, _ in
            let answer = try await HTTPExchange.send(.GET, url + path)
            #expect(answer.status == 404)
            #expect(try answer.decoded(ErrorBody.self) == ErrorBody(error: message, field: field))
        }
    }

    @Test("a call id with /, ? and @ travels percent-encoded")
    func encodedCallID() async throws {
        try await withAPI { url, _ in
            let answer = try await HTTPExchange.send(.GET, url + "/v1/calls/a%2Fb%3Fc%40host")
            #expect(try answer.decoded(ErrorBody.self) == ErrorBody(error: #"no call "a/b?c@host""#, field: "call"))
        }
    }

    @Test("a known path with another method: 405 with Allow; an unknown path: 404", arguments: [
        ("DELETE", "/v1/agents", 405, "GET"), ("POST", "/v1/status", 405, "GET"), ("GET", "/v1/agents/alice/pause", 405, "POST"),
        ("PUT", "/v1/drain", 405, "POST"), ("GET", "/v1/nothing", 404, nil), ("POST", "/v2/agents", 404, nil),
    ])
    func methods(method: String, path: String, status: Int, allow: String?) async throws {
        try await withAPI { url, _ in
            let answer = try await HTTPExchange.send(.init(rawValue: method), url + path)
            #expect(answer.status == status)
            #expect(answer.headers.first(name: "Allow") == allow)
            #expect(try answer.decoded(ErrorBody.self).error.isEmpty == false)
        }
    }
}
