import AsyncHTTPClient
import ControlAPI
import ControlModel
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import Switchboard
import SwitchboardTestKit
import Testing
import YAMLConfiguration

/// The control API through the real daemon: coordinator bound on 127.0.0.1:0, the API on its own
/// free port with a token, requests over HTTP.
@Suite("Control API end to end through the daemon")
struct ControlEndToEndTests {
    static let yaml = """
        sip:
          listen: [{ transport: udp, address: 127.0.0.1, port: 0 }]
        trunks: [{ name: sbc, address: 127.0.0.1, port: 9, transport: udp }]
        queues: [{ name: support, numbers: ["+15550100"], agents: [alice, bob] }]
        agents: [{ id: alice, number: "+15550201" }, { id: bob, number: "+15550202" }]
        """

    private func request(_ method: HTTPMethod, _ url: String, token: String?, body: String? = nil) async throws -> (Int, Data) {
        var request = HTTPClientRequest(url: url)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        return (Int(response.status.code), Data(try await response.body.collect(upTo: 1 << 20).readableBytesView))
    }

    @Test("401 without the token; status, an agent paused and seen paused, 404 for an unknown call")
    func throughTheDaemon() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("control-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let configuration = try SwitchboardConfiguration.parse(yaml: Self.yaml, directory: directory.path, environment: [:])
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let logger = Logger(label: "control-e2e") { _ in SwiftLogNoOpLogHandler() }
        let coordinator = try await SwitchboardCoordinator.start(configuration: configuration, eventLoop: group.next(),
                                                                 httpClient: .shared, logger: logger)
        let surface = SwitchboardControl(coordinator: coordinator, drain: DrainTrigger(),
                                         reloader: ConfigurationReloader(path: "/nonexistent.yaml", coordinator: coordinator, logger: logger))
        let token = "e2e-t0ken"
        try await withLiveControlAPI(surface: surface, token: ControlToken(token)) { url in
            #expect(try await request(.GET, url + "/v1/status", token: nil).0 == 401)
            #expect(try await request(.GET, url + "/v1/status", token: "wrong").0 == 401)

            let (statusCode, statusBody) = try await request(.GET, url + "/v1/status", token: token)
            #expect(statusCode == 200)
            let status = try JSONDecoder().decode(StatusReport.self, from: statusBody)
            #expect(status.version == SwitchboardVersion.current)
            #expect(status.listeners.count == 1 && status.listeners[0].transport == "udp" && status.listeners[0].port != 0)
            #expect(status.calls == 0 && status.dialogs == 0 && status.serverTransactions == 0 && !status.draining)
            #expect(status.trunks.map(\.name) == ["sbc"])

            let (pauseCode, pauseBody) = try await request(.POST, url + "/v1/agents/alice/pause", token: token, body: #"{"reason":"lunch"}"#)
            #expect(pauseCode == 200)
            #expect(try JSONDecoder().decode(AgentView.self, from: pauseBody).status == "onBreak")
            let agents = try JSONDecoder().decode(AgentList.self, from: try await request(.GET, url + "/v1/agents", token: token).1)
            #expect(agents.agents.map(\.status) == ["onBreak", "available"])
            #expect(agents.agents[0].breakReason == "lunch" && !agents.agents[0].routable)

            let (missingCode, missingBody) = try await request(.POST, url + "/v1/calls/nope/hangup", token: token)
            #expect(missingCode == 404)
            #expect(try JSONDecoder().decode(ErrorBody.self, from: missingBody) == ErrorBody(error: #"no call "nope""#, field: "call"))
            let metrics = try await request(.GET, url + "/metrics", token: token)
            let metricsText = String(decoding: metrics.1, as: UTF8.self)
            #expect(metricsText.contains("# TYPE switchboard_calls_in_progress gauge\nswitchboard_calls_in_progress 0.0\n"))
            #expect(metricsText.contains("# TYPE switchboard_queue_wait_seconds histogram\n"))
            #expect(metricsText.contains("# TYPE switchboard_calls_started_total counter\nswitchboard_calls_started_total 0\n"))
            #expect(metricsText.contains(#"switchboard_agents{state="idle"} "#))
        }
        await coordinator.transport.stop()
        try await coordinator.stop()
        try await group.shutdownGracefully()
    }

    @Test("the drain trigger's run returns once a drain is requested")
    func drainTrigger() async throws {
        let trigger = DrainTrigger()
        let run = Task { try await trigger.run() }
        trigger.request()
        try await run.value
    }
}
