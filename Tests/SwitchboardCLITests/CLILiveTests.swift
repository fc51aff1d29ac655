import AsyncHTTPClient
import NIOCore
import ControlAPI
import ControlModel
@testable import SwitchboardCLI
import SwitchboardTestKit
import Testing

@Suite("switchboard against the control API")
struct CLILiveTests {
    private func withAPI(_ body: (FakeControlSurface, [String: String]) async throws -> Void) async throws {
        let surface = FakeControlSurface()
        try await withLiveControlAPI(surface: surface, token: ControlToken("cli-t0ken")) { url in
            try await body(surface, ["HOME": "/nonexistent", "SWITCHBOARD_URL": url, "SWITCHBOARD_TOKEN": "cli-t0ken"])
        }
    }

    @Test("--json prints the API's JSON as it came")
    func json() async throws {
        try await withAPI { _, environment in
            let outcome = await SwitchboardCLI.run(["agents", "--json"], environment: environment)
            #expect(outcome.exitCode == 0 && outcome.error.isEmpty)
            var request = HTTPClientRequest(url: environment["SWITCHBOARD_URL", default: ""] + "/v1/agents")
            request.headers.add(name: "Authorization", value: "Bearer cli-t0ken")
            let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
            #expect(outcome.output == String(buffer: try await response.body.collect(upTo: 1 << 20)) + "\n")
        }
    }

    @Test("a table for people; an action reaches the daemon")
    func tableAndAction() async throws {
        try await withAPI { surface, environment in
            let agents = await SwitchboardCLI.run(["agents"], environment: environment)
            #expect(agents.exitCode == 0)
            #expect(agents.output.hasPrefix("AGENT  STATUS"))
            let pause = await SwitchboardCLI.run(["agent", "pause", "alice", "--reason", "lunch"], environment: environment)
            #expect(pause.exitCode == 0)
            #expect(pause.output.contains("status           onBreak (lunch)"))
            let hangUp = await SwitchboardCLI.run(["call", "hangup", "c1"], environment: environment)
            #expect(hangUp.output == "c1: done\n")
            #expect(surface.actions == [.agent(.pause(reason: "lunch"), "alice"), .call(.hangUp, "c1")])
        }
    }

    @Test("the API's error: exit 1 and its message on one line; odd call ids travel encoded")
    func apiError() async throws {
        try await withAPI { _, environment in
            let outcome = await SwitchboardCLI.run(["agent", "show", "zed"], environment: environment)
            #expect(outcome.exitCode == 1)
            #expect(outcome.error == "switchboard: switchboardd answered 404: no agent \"zed\"\n")
            let odd = await SwitchboardCLI.run(["explain", "a/b?c@host"], environment: environment)
            #expect(odd.error == "switchboard: switchboardd answered 404: no call \"a/b?c@host\"\n")
        }
    }

    @Test("a wrong or missing token: exit 4 and what to fix", arguments: ["wrong", ""])
    func unauthorized(token: String) async throws {
        try await withAPI { surface, environment in
            let outcome = await SwitchboardCLI.run(["agent", "pause", "alice", "--reason", "lunch"],
                                                   environment: environment.merging(["SWITCHBOARD_TOKEN": token]) { $1 })
            #expect(outcome.exitCode == 4)
            #expect(outcome.error.hasPrefix("switchboard: switchboardd at http://127.0.0.1:"))
            #expect(outcome.error.hasSuffix("refused the token: set --token-file or SWITCHBOARD_TOKEN to the daemon's control token\n"))
            #expect(surface.actions.isEmpty)
        }
    }

    @Test("no daemon: exit 3 and one line saying so")
    func notRunning() async {
        let outcome = await SwitchboardCLI.run(["status"], environment: ["HOME": "/nonexistent", "SWITCHBOARD_URL": "http://127.0.0.1:1"])
        #expect(outcome.exitCode == 3)
        #expect(outcome.error == "switchboard: cannot reach switchboardd at http://127.0.0.1:1 (connection refused): "
            + "is it running, with a control section, and is --url right?\n")
    }
}
