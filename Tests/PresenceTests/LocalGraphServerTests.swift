import AsyncHTTPClient
import Foundation
import LocalGraphServer
import NIOCore
import NIOHTTP1
import Testing

@Suite("The local Graph behaves like Graph where it matters", .timeLimit(.minutes(1)))
struct LocalGraphServerTests {
    struct Answer {
        var status: Int
        var headers: [String: String]
        var json: [String: Any]
    }

    static func send(
        _ method: HTTPMethod, _ url: String, body: String = "", headers: [(String, String)] = []
    ) async throws -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if !body.isEmpty { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 4 << 20)
        let json = (try? JSONSerialization.jsonObject(with: Data(bytes.readableBytesView))) as? [String: Any] ?? [:]
        let fields = Dictionary(response.headers.map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        return Answer(status: Int(response.status.code), headers: fields, json: json)
    }

    static func token(_ graph: LocalGraphFixture, form: String) async throws -> Answer {
        try await send(
            .POST, "\(graph.server.baseURL)/\(LocalGraphFixture.tenantID)/oauth2/v2.0/token", body: form,
            headers: [("Content-Type", "application/x-www-form-urlencoded")])
    }

    static let goodForm = "grant_type=client_credentials&client_id=switchboard-app&client_secret=s3cret%7Evalue&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"

    static func bearer(_ graph: LocalGraphFixture) async throws -> String {
        try #require(try await token(graph, form: goodForm).json["access_token"] as? String)
    }

    static func presences(_ graph: LocalGraphFixture, ids: [String], token: String) async throws -> Answer {
        let body = String(decoding: try JSONSerialization.data(withJSONObject: ["ids": ids]), as: UTF8.self)
        return try await send(
            .POST, "\(graph.server.baseURL)/v1.0/communications/getPresencesByUserId", body: body,
            headers: [("Authorization", "Bearer \(token)"), ("Content-Type", "application/json")])
    }

    @Test("Token endpoint form checks, with Entra's error names", arguments: [
        (goodForm, 200, nil),
        ("client_id=switchboard-app&client_secret=s3cret%7Evalue&scope=x%2F.default", 400, "invalid_request"),
        ("grant_type=password&client_id=switchboard-app&client_secret=s3cret%7Evalue&scope=x%2F.default", 400, "unsupported_grant_type"),
        ("grant_type=client_credentials&client_id=someone-else&client_secret=s3cret%7Evalue&scope=x%2F.default", 400, "unauthorized_client"),
        ("grant_type=client_credentials&client_id=switchboard-app&client_secret=s3cret%7Evalue&scope=Presence.Read.All", 400, "invalid_scope"),
        ("grant_type=client_credentials&client_id=switchboard-app&client_secret=nope&scope=x%2F.default", 400, "invalid_client"),
        ("grant_type=client_credentials&client_id=switchboard-app&scope=x%2F.default", 400, "invalid_client"),
    ] as [(String, Int, String?)])
    func tokenForm(form: String, status: Int, error: String?) async throws {
        try await LocalGraphFixture.with(userCount: 1) { graph in
            let answer = try await Self.token(graph, form: form)
            #expect(answer.status == status)
            #expect(answer.json["error"] as? String == error)
            if status == 200 {
                #expect(answer.json["token_type"] as? String == "Bearer")
                #expect(answer.json["expires_in"] as? Int == 3599)
            }
        }
    }

    @Test("650 ids are answered, 651 are a 400; unknown ids are omitted; extra fields are present")
    func batchLimit() async throws {
        try await LocalGraphFixture.with(userCount: 700) { graph in
            let token = try await Self.bearer(graph)
            let ids = LocalGraphFixture.userIDs(649) + ["00000000-dead-beef-0000-000000000000"]
            let ok = try await Self.presences(graph, ids: ids, token: token)
            #expect(ok.status == 200)
            let value = try #require(ok.json["value"] as? [[String: Any]])
            #expect(value.count == 649)
            #expect(value.first?["outOfOfficeSettings"] != nil)
            #expect(ok.json["@odata.context"] != nil)
            let tooMany = try await Self.presences(graph, ids: LocalGraphFixture.userIDs(651), token: token)
            #expect(tooMany.status == 400)
            #expect((tooMany.json["error"] as? [String: Any])?["code"] as? String == "BadRequest")
        }
    }

    @Test("A missing, unknown or expired token is a 401 InvalidAuthenticationToken")
    func unauthorized() async throws {
        try await LocalGraphFixture.with(userCount: 1) { graph in
            let ids = LocalGraphFixture.userIDs(1)
            #expect(try await Self.presences(graph, ids: ids, token: "").status == 401)
            #expect(try await Self.presences(graph, ids: ids, token: "forged").status == 401)
            let token = try await Self.bearer(graph)
            #expect(try await Self.presences(graph, ids: ids, token: token).status == 200)
            graph.server.expireAllTokens()
            let expired = try await Self.presences(graph, ids: ids, token: token)
            #expect(expired.status == 401)
            #expect((expired.json["error"] as? [String: Any])?["code"] as? String == "InvalidAuthenticationToken")
        }
    }

    @Test("The sliding window answers 429 with Retry-After once the limit is reached")
    func slidingWindow() async throws {
        try await LocalGraphFixture.with(userCount: 1, requestLimit: 3) { graph in
            let token = try await Self.bearer(graph)
            for _ in 0..<3 {
                #expect(try await Self.presences(graph, ids: LocalGraphFixture.userIDs(1), token: token).status == 200)
            }
            let throttled = try await Self.presences(graph, ids: LocalGraphFixture.userIDs(1), token: token)
            #expect(throttled.status == 429)
            let retryAfter = try #require(throttled.headers["retry-after"].flatMap { Int($0) })
            #expect((1...30).contains(retryAfter))
            #expect(graph.server.counters().maximumRequestsInWindow == 3)
            #expect(graph.server.counters().throttled == 1)
        }
    }

    @Test("Test controls over HTTP: set presence, inject a 503, read counters")
    func testControls() async throws {
        try await LocalGraphFixture.with(userCount: 1) { graph in
            let base = graph.server.baseURL.absoluteString
            let id = LocalGraphUser.generatedID(index: 0)
            let set = try await Self.send(.PUT, "\(base)/_test/users/\(id)/presence", body: #"{"availability":"Busy","activity":"InACall"}"#)
            #expect(set.status == 204)
            let fault = try await Self.send(.POST, "\(base)/_test/faults", body: #"{"status":503,"count":1,"retryAfter":4}"#)
            #expect(fault.status == 204)
            let token = try await Self.bearer(graph)
            let unavailable = try await Self.presences(graph, ids: [id], token: token)
            #expect(unavailable.status == 503)
            #expect(unavailable.headers["retry-after"] == "4")
            let single = try await Self.send(.GET, "\(base)/v1.0/users/\(id)/presence", headers: [("Authorization", "Bearer \(token)")])
            #expect(single.json["availability"] as? String == "Busy")
            #expect(single.json["activity"] as? String == "InACall")
            let counters = try await Self.send(.GET, "\(base)/_test/counters")
            #expect(counters.json["faultsServed"] as? Int == 1)
            #expect(counters.json["presenceAnswered"] as? Int == 1)
        }
    }

    @Test("Users file: id, optional availability and activity, comments")
    func usersFile() {
        let users = LocalGraphUser.parse(file: "# agents\nAAAA-1 Busy InACall\nbbbb-2\n\ncccc-3 DoNotDisturb # lab\n")
        #expect(users == [
            LocalGraphUser(id: "aaaa-1", availability: "Busy", activity: "InACall"),
            LocalGraphUser(id: "bbbb-2"),
            LocalGraphUser(id: "cccc-3", availability: "DoNotDisturb", activity: "DoNotDisturb"),
        ])
    }
}
