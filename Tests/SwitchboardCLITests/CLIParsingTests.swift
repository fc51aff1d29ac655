import ArgumentParser
import Foundation
@testable import SwitchboardCLI
import Testing

@Suite("switchboard: parsing and usage errors")
struct CLIParsingTests {
    private let environment = ["HOME": "/nonexistent", "SWITCHBOARD_URL": "http://127.0.0.1:1"]

    @Test("agent pause with its reason and the connection flags")
    func pause() throws {
        let command = try #require(try SwitchboardCommand.parseAsRoot(["agent", "pause", "alice", "--reason", "lunch", "--json",
                                                                       "--url", "http://127.0.0.1:9000", "--token-file", "/tmp/t"])
            as? AgentCommand.Pause)
        #expect(command.id == "alice" && command.reason == "lunch")
        #expect(command.connection.json && command.connection.url == "http://127.0.0.1:9000" && command.connection.tokenFile == "/tmp/t")
    }

    @Test("emergency on one queue, or off everywhere")
    func emergency() throws {
        let on = try #require(try SwitchboardCommand.parseAsRoot(["emergency", "on", "support"]) as? EmergencyCommand)
        #expect(on.position == .on && on.queue == "support")
        let off = try #require(try SwitchboardCommand.parseAsRoot(["emergency", "off"]) as? EmergencyCommand)
        #expect(off.position == .off && off.queue == nil)
    }

    @Test("every listed command parses", arguments: [
        ["status"], ["queues"], ["queue", "show", "support"], ["agents"], ["agent", "show", "alice"], ["agent", "resume", "alice"],
        ["agent", "login", "alice"], ["agent", "logout", "alice"], ["agent", "end-break", "alice"], ["calls"], ["call", "hangup", "c1"],
        ["call", "show", "c1"], ["explain", "c1"], ["caller", "withdraw", "c1"], ["caller", "withdraw", "c1", "--queue", "sales", "--keep-position"],
        ["caller", "priority", "c1", "5"], ["drain"], ["reload"], ["watch", "--interval", "1"],
    ])
    func commands(arguments: [String]) throws {
        #expect(try SwitchboardCommand.parseAsRoot(arguments) is any CLICommand)
    }

    @Test("usage errors exit 2 with the problem on standard error", arguments: [
        (["agent", "pause", "alice"], "--reason"),
        (["agent", "fly", "alice"], "fly"),
        (["emergency", "maybe"], "maybe"),
        (["caller", "withdraw", "c1", "--queue", "sales", "--hang-up"], "at most one of --queue, --number, --hang-up"),
        (["caller", "withdraw", "c1", "--keep-position"], "--keep-position goes with --queue"),
        (["watch", "--json"], "watch draws tables for people"),
        (["watch", "--interval", "0.1"], "--interval must be from 0.5 to 3600 seconds"),
        (["agent"], "USAGE"),
    ])
    func usage(arguments: [String], fragment: String) async {
        let outcome = await SwitchboardCLI.run(arguments, environment: environment)
        #expect(outcome.exitCode == 2)
        #expect(outcome.output.isEmpty)
        #expect(outcome.error.contains(fragment), "\(outcome.error)")
    }

    @Test("--help and --version exit 0; help documents the exit codes")
    func help() async {
        let help = await SwitchboardCLI.run(["--help"], environment: environment)
        #expect(help.exitCode == 0)
        let text = help.output.replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("Exit codes: 0 done; 1 the API answered an error (unknown id, refused value, conflict); 2 usage; 3 switchboardd"))
        let version = await SwitchboardCLI.run(["--version"], environment: environment)
        #expect(version.exitCode == 0 && version.output.hasPrefix("0."))
    }

    @Test("a bad URL is a usage error")
    func badURL() async {
        let outcome = await SwitchboardCLI.run(["status", "--url", "ftp://host"], environment: environment)
        #expect(outcome.exitCode == 2)
        #expect(outcome.error == "switchboard: not an http(s) URL: ftp://host\n")
    }
}
