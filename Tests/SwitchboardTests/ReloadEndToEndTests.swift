import ControlAPI
import ControlModel
import Foundation
import Logging
import NIOPosix
import Switchboard
import Testing
import YAMLConfiguration

/// `POST /v1/reload` through the daemon's control surface, reading a configuration file that the
/// test rewrites: what a reload applies, what it keeps, and what it refuses.
@Suite("Configuration reload through the daemon")
struct ReloadEndToEndTests {
    static let base = """
        sip:
          listen: [{ transport: udp, address: 127.0.0.1, port: 0 }]
        trunks: [{ name: sbc, address: 127.0.0.1, port: 9, transport: udp }]

        """

    @Test("a new agent and queue apply, a pause stays; other sections, bad files and removals in use are refused")
    func reload() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reload-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("switchboard.yaml")
        func write(_ text: String) throws { try Data(text.utf8).write(to: file) }
        try write(Self.base + """
            queues: [{ name: support, numbers: ["+15550100"], agents: [alice, bob] }]
            agents: [{ id: alice, number: "+15550201" }, { id: bob, number: "+15550202" }]
            """)
        let configuration = try SwitchboardConfiguration.load(path: file.path, environment: [:])
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let logger = Logger(label: "reload-e2e") { _ in SwiftLogNoOpLogHandler() }
        let coordinator = try await SwitchboardCoordinator.start(configuration: configuration, eventLoop: group.next(),
                                                                 httpClient: .shared, logger: logger)
        let surface = SwitchboardControl(coordinator: coordinator, drain: DrainTrigger(),
                                         reloader: ConfigurationReloader(path: file.path, coordinator: coordinator, logger: logger))
        _ = try await surface.perform(.pause(reason: "lunch"), agent: "alice")

        try write(Self.base + """
            queues:
              - { name: support, numbers: ["+15550100"], agents: [alice, bob, carol] }
              - { name: sales, numbers: ["+15550300"], agents: [carol] }
            agents: [{ id: alice, number: "+15550201" }, { id: bob, number: "+15550202" }, { id: carol, number: "+15550203" }]
            """)
        let result = try await surface.reload()
        #expect(result.message == "reloaded: 2 queues (1 added, 0 removed), 3 agents (1 added, 0 removed)")
        #expect(try await surface.queues().map(\.name) == ["support", "sales"])
        let agents = try await surface.agents()
        #expect(agents.map(\.id) == ["alice", "bob", "carol"])
        #expect(agents.map(\.status) == ["onBreak", "available", "available"])
        #expect(agents[0].breakReason == "lunch")
        #expect(coordinator.router.queueByNumber["+15550300"] == "sales")

        try write(Self.base.replacingOccurrences(of: "port: 9", with: "port: 10") + """
            queues: [{ name: support, numbers: ["+15550100"], agents: [alice] }]
            agents: [{ id: alice, number: "+15550201" }]
            """)
        await expectRefusal(surface, mentioning: "trunks changed: only agents, queues, acd apply on reload")
        try write(Self.base + """
            queues: [{ name: support, numbers: ["+15550100"], agents: [alice], ringTimeoutSecnds: 20 }]
            agents: [{ id: alice, number: "+15550201" }]
            """)
        await expectRefusal(surface, mentioning: "ringTimeoutSecnds")
        #expect(try await surface.agents().map(\.id) == ["alice", "bob", "carol"], "a refused reload changes nothing")

        await coordinator.transport.stop()
        try await coordinator.stop()
        try await group.shutdownGracefully()
    }

    private func expectRefusal(_ surface: SwitchboardControl, mentioning text: String) async {
        do {
            _ = try await surface.reload()
            Issue.record("the reload was accepted; expected a refusal mentioning \(text)")
        } catch let error as ControlError {
            guard case .conflict(_, let message) = error else {
                Issue.record("expected 409, got \(error)")
                return
            }
            #expect(message.hasPrefix("reload refused: ") && message.contains(text), "\(message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
