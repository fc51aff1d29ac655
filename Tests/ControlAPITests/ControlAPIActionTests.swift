import ControlAPI
import ControlModel
import SwitchboardTestKit
import Testing

@Suite("Control API: actions and their bodies")
struct ControlAPIActionTests {
    private func withAPI(_ body: (String, FakeControlSurface) async throws -> Void) async throws {
        let surface = FakeControlSurface()
        try await withLiveControlAPI(surface: surface, token: ControlToken("t0ken-for-tests")) { url in try await body(url, surface) }
    }

    @Test("every action reaches the surface with what the body says", arguments: [
        ("/v1/agents/alice/login", nil, FakeControlSurface.Recorded.agent(.login, "alice"), 200),
        ("/v1/agents/alice/logout", "{}", .agent(.logout, "alice"), 200),
        ("/v1/agents/alice/pause", #"{"reason":"lunch"}"#, .agent(.pause(reason: "lunch"), "alice"), 200),
        ("/v1/agents/alice/resume", nil, .agent(.resume, "alice"), 200),
        ("/v1/agents/alice/end-break", nil, .agent(.endBreak, "alice"), 200),
        ("/v1/calls/c1/hangup", nil, .call(.hangUp, "c1"), 200),
        ("/v1/calls/c1/withdraw", nil, .call(.withdraw(nil), "c1"), 200),
        ("/v1/calls/c1/withdraw", #"{"queue":"sales","keepPosition":true}"#, .call(.withdraw(.queue("sales", keepPosition: true)), "c1"), 200),
        ("/v1/calls/c1/withdraw", #"{"number":"+15550999"}"#, .call(.withdraw(.number("+15550999")), "c1"), 200),
        ("/v1/calls/c1/withdraw", #"{"hangUp":true}"#, .call(.withdraw(.hangUp), "c1"), 200),
        ("/v1/calls/c1/priority", #"{"priority":-5}"#, .call(.reprioritize(-5), "c1"), 200),
        ("/v1/queues/support/emergency", #"{"active":true}"#, .emergency("support", true), 200),
        ("/v1/emergency", #"{"active":false}"#, .emergency(nil, false), 200),
        ("/v1/drain", nil, .drain, 202),
        ("/v1/reload", nil, .reload, 200),
    ])
    func actions(path: String, body: String?, expected: FakeControlSurface.Recorded, status: Int) async throws {
        try await withAPI { url, surface in
            let answer = try await HTTPExchange.send(.POST, url + path, body: body)
            #expect(answer.status == status, "\(answer.body)")
            #expect(surface.actions == [expected])
        }
    }

    @Test("a refused reload answers 409 with the reason")
    func refusedReload() async throws {
        let surface = FakeControlSurface(refuseReload: "trunks changed: restart switchboardd")
        try await withLiveControlAPI(surface: surface, token: ControlToken("t0ken-for-tests")) { url in
            let answer = try await HTTPExchange.send(.POST, url + "/v1/reload", body: nil)
            #expect(answer.status == 409)
            #expect(answer.body.contains("trunks changed: restart switchboardd"))
            #expect(surface.actions == [.reload])
        }
    }

    @Test("an emergency switch answers the queue as it is now")
    func emergencyAnswer() async throws {
        try await withAPI { url, _ in
            let queues = try await HTTPExchange.send(.POST, url + "/v1/queues/support/emergency", body: #"{"active":true}"#).decoded(QueueList.self)
            #expect(queues.queues.map(\.state) == ["emergency"])
        }
    }

    @Test("bad bodies: 400 naming the field, and the surface is not asked", arguments: [
        ("/v1/agents/alice/pause", nil, "reason", "reason is required"),
        ("/v1/agents/alice/pause", #"{"reason":7}"#, "reason", "reason must be a string, not a number"),
        ("/v1/agents/alice/pause", #"{"reason":""}"#, "reason", "reason must be 1 to 64 printable characters"),
        ("/v1/agents/alice/pause", #"{"reason":"rona"}"#, "reason", "reason RONA is kept for ring-no-answer breaks"),
        ("/v1/agents/alice/pause", #"{"reason":"lunch","minutes":30}"#, "minutes", #"unknown field "minutes"; expected reason"#),
        ("/v1/agents/alice/login", #"{"force":true}"#, "force", #"unknown field "force"; this action takes no fields"#),
        ("/v1/calls/c1/priority", #"{"priority":"high"}"#, "priority", "priority must be a whole number, not a string"),
        ("/v1/calls/c1/priority", #"{"priority":5000}"#, "priority", "priority must be from -1000 to 1000, got 5000"),
        ("/v1/calls/c1/withdraw", #"{"queue":"sales","number":"+15550999"}"#, "number", "give at most one of queue, number, hangUp"),
        ("/v1/calls/c1/withdraw", #"{"keepPosition":true}"#, "keepPosition", "keepPosition goes with queue"),
        ("/v1/calls/c1/withdraw", #"{"number":"5550999"}"#, "number", #"number must be an E.164 number with a leading +, got "5550999""#),
        ("/v1/calls/c1/withdraw", #"{"hangUp":false}"#, "hangUp", "hangUp must be true (or left out)"),
        ("/v1/emergency", #"{"active":"yes"}"#, "active", "active must be true or false, not a string"),
        ("/v1/emergency", #"{"active":1}"#, "active", "active must be true or false, not a number"),
        ("/v1/queues/support/emergency", "{}", "active", "active is required"),
    ])
    func badBodies(path: String, body: String?, field: String, message: String) async throws {
        try await withAPI { url, surface in
            let answer = try await HTTPExchange.send(.POST, url + path, body: body)
            #expect(answer.status == 400)
            #expect(try answer.decoded(ErrorBody.self) == ErrorBody(error: message, field: field))
            #expect(surface.actions.isEmpty)
        }
    }

    @Test("a body that is no JSON object: 400", arguments: ["{not json", "[1,2]", "\"lunch\""])
    func notAnObject(body: String) async throws {
        try await withAPI { url, surface in
            let answer = try await HTTPExchange.send(.POST, url + "/v1/agents/alice/pause", body: body)
            #expect(answer.status == 400)
            #expect(try answer.decoded(ErrorBody.self).field == nil)
            #expect(surface.actions.isEmpty)
        }
    }

    @Test("actions on unknown ids: 404 naming the field", arguments: [
        ("/v1/agents/zed/login", nil, "agent"), ("/v1/calls/c9/hangup", nil, "call"),
        ("/v1/queues/nowhere/emergency", #"{"active":true}"#, "queue"),
    ])
    func unknownTargets(path: String, body: String?, field: String) async throws {
        try await withAPI { url, _ in
            let answer = try await HTTPExchange.send(.POST, url + path, body: body)
            #expect(answer.status == 404)
            #expect(try answer.decoded(ErrorBody.self).field == field)
        }
    }
}
