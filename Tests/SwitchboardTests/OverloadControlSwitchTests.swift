import Foundation
import Logging
import NIOPosix
import Switchboard
import Testing
import YAMLConfiguration

/// `limits.overloadControl` decides whether the router reads the receive backlog at all.
@Suite("Overload control on and off")
struct OverloadControlSwitchTests {
    @Test(arguments: [(nil, true), ("true", true), ("false", false)])
    func theRouterReadsTheBacklogOnlyWhenOverloadControlIsOn(setting: String?, readsBacklog: Bool) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("overload-switch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let yaml = """
            sip:
              listen: [{ transport: udp, address: 127.0.0.1, port: 0 }]
            trunks: [{ name: sbc, address: 127.0.0.1, port: 9, transport: udp }]
            queues: [{ name: support, numbers: ["+15550100"], agents: [alice] }]
            agents: [{ id: alice, number: "+15550201" }]
            """ + (setting.map { "\nlimits: { overloadControl: \($0) }" } ?? "")
        let configuration = try SwitchboardConfiguration.parse(yaml: yaml, directory: directory.path)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let logger = Logger(label: "overload-switch") { _ in SwiftLogNoOpLogHandler() }
        let coordinator = try await SwitchboardCoordinator.start(configuration: configuration, eventLoop: group.next(),
                                                                 httpClient: .shared, logger: logger)
        let reads = try await group.next().submit { coordinator.router.inboundBacklog != nil }.get()
        #expect(reads == readsBacklog)
        await coordinator.transport.stop()
        try await coordinator.stop()
        try await group.shutdownGracefully()
    }
}
