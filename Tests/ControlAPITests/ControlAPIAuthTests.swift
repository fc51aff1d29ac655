import ControlAPI
import ControlModel
import Logging
import SwitchboardTestKit
import Testing

@Suite("Control API: the bearer token")
struct ControlAPIAuthTests {
    static let token = ControlToken("t0ken-for-tests")

    @Test("no token, a wrong one or another scheme: 401 with a JSON error, on every route and on unknown paths",
          arguments: [nil, "wrong", "t0ken-for-test", "t0ken-for-tests-and-more"])
    func refused(token: String?) async throws {
        try await withLiveControlAPI(surface: FakeControlSurface(), token: Self.token) { url in
            for path in ["/v1/status", "/metrics", "/v1/agents", "/v1/agents/alice", "/nothing"] {
                let answer = try await HTTPExchange.send(.GET, url + path, token: token)
                #expect(answer.status == 401, "\(path)")
                #expect(try answer.decoded(ErrorBody.self) == ErrorBody(error: "missing or wrong bearer token"))
                #expect(answer.headers.first(name: "WWW-Authenticate") == "Bearer")
            }
            let pause = try await HTTPExchange.send(.POST, url + "/v1/agents/alice/pause", token: token, body: #"{"reason":"lunch"}"#)
            #expect(pause.status == 401)
        }
    }

    @Test("the token under another scheme, or without one, is refused", arguments: ["Basic t0ken-for-tests", "t0ken-for-tests", "bearer"])
    func otherScheme(authorization: String) async throws {
        try await withLiveControlAPI(surface: FakeControlSurface(), token: Self.token) { url in
            let answer = try await HTTPExchange.send(.GET, url + "/v1/status", authorization: authorization)
            #expect(answer.status == 401)
        }
    }

    @Test("the right token opens every resource")
    func accepted() async throws {
        try await withLiveControlAPI(surface: FakeControlSurface(), token: Self.token) { url in
            let answer = try await HTTPExchange.send(.GET, url + "/v1/status")
            #expect(try answer.decoded(StatusReport.self) == FakeControlSurface.status)
        }
    }

    @Test("without a configured token, requests need none")
    func open() async throws {
        try await withLiveControlAPI(surface: FakeControlSurface(), token: nil) { url in
            let answer = try await HTTPExchange.send(.GET, url + "/v1/status", token: nil)
            #expect(answer.status == 200)
        }
    }

    @Test("the token never reaches a log line, at any level, whether right or wrong")
    func neverLogged() async throws {
        let logs = CapturedLogs()
        var logger = logs.logger(label: "control")
        logger.logLevel = .trace
        try await withLiveControlAPI(surface: FakeControlSurface(), token: Self.token, logger: logger) { url in
            _ = try await HTTPExchange.send(.GET, url + "/v1/status")
            _ = try await HTTPExchange.send(.GET, url + "/v1/status", token: "t0ken-for-tests-wrong")
            _ = try await HTTPExchange.send(.POST, url + "/v1/agents/alice/pause", body: "{not json")
            _ = try await HTTPExchange.send(.DELETE, url + "/v1/agents")
        }
        #expect(!logs.lines.isEmpty, "the server logged at trace level")
        for line in logs.lines {
            #expect(!"\(line.message) \(line.metadata)".contains("t0ken"))
        }
    }
}
