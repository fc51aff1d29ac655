import ControlAPI
import ControlModel
import Foundation
import Logging
import NIOPosix
import Switchboard
import Testing
import YAMLConfiguration

/// Answered hold across a reload through the daemon: the prompt files are read again, a missing one
/// refuses the reload, and a queue cannot gain answered hold while the media edge is not running.
@Suite("Answered hold and reload")
struct ReloadHoldTests {
    static let base = """
        sip:
          listen: [{ transport: udp, address: 127.0.0.1, port: 0 }]
        trunks: [{ name: sbc, address: 127.0.0.1, port: 9, transport: udp }]
        agents: [{ id: alice, number: "+15550201" }]
        media: { rtpPorts: { first: 41000, last: 41099 }, prompts: prompts }

        """
    static let ringback = base + #"queues: [{ name: support, numbers: ["+15550100"], agents: [alice] }]"#
    static let held = base + #"queues: [{ name: support, numbers: ["+15550100"], agents: [alice], announcements: { musicOnHold: moh } }]"#

    /// A µ-law WAV file of `samples` bytes of silence.
    private static func wav(samples: Int) -> Data {
        func bytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] { (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) } }
        let fmt = bytes(UInt16(7)) + bytes(UInt16(1)) + bytes(UInt32(8000)) + bytes(UInt32(8000)) + bytes(UInt16(1)) + bytes(UInt16(8))
        let body = Array("WAVE".utf8) + Array("fmt ".utf8) + bytes(UInt32(fmt.count)) + fmt
            + Array("data".utf8) + bytes(UInt32(samples)) + Array(repeating: 0xFF, count: samples)
        return Data(Array("RIFF".utf8) + bytes(UInt32(body.count)) + body)
    }

    /// Starts the daemon's layers on `text` in a folder of its own with `prompts/moh.wav`, runs `body`, stops.
    private func withDaemon(_ text: String, _ body: (URL, SwitchboardCoordinator, SwitchboardControl) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("reload-hold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("prompts"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.wav(samples: 8_000).write(to: directory.appendingPathComponent("prompts/moh.wav"))
        let file = directory.appendingPathComponent("switchboard.yaml")
        try Data(text.utf8).write(to: file)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let logger = Logger(label: "reload-hold") { _ in SwiftLogNoOpLogHandler() }
        let coordinator = try await SwitchboardCoordinator.start(configuration: try SwitchboardConfiguration.load(path: file.path, environment: [:]),
                                                                 eventLoop: group.next(), httpClient: .shared, logger: logger)
        let surface = SwitchboardControl(coordinator: coordinator, drain: DrainTrigger(),
                                         reloader: ConfigurationReloader(path: file.path, coordinator: coordinator, logger: logger))
        try await body(file, coordinator, surface)
        await coordinator.transport.stop()
        try await coordinator.stop()
        try await group.shutdownGracefully()
    }

    @Test func withoutAnsweredHoldAtStartUpNoQueueGainsItOnReload() async throws {
        try await withDaemon(Self.ringback) { file, coordinator, surface in
            #expect(try await coordinator.statusReport().holdStreams == nil, "no media edge, no field")
            try Data(Self.held.utf8).write(to: file)
            await expectRefusal(surface, mentioning: "the media edge is not running: restart switchboardd")
        }
    }

    @Test func theMusicIsReadAgainAndAMissingFileRefusesTheReload() async throws {
        try await withDaemon(Self.held) { file, coordinator, surface in
            #expect(try await coordinator.statusReport().holdStreams == 0)
            let music = file.deletingLastPathComponent().appendingPathComponent("prompts/moh.wav")
            try FileManager.default.removeItem(at: music)
            await expectRefusal(surface, mentioning: "queues[0].announcements.musicOnHold")
            await expectRefusal(surface, mentioning: music.path)
            try Self.wav(samples: 16_000).write(to: music)
            #expect(try await surface.reload().message.hasPrefix("reloaded: 1 queues"))
        }
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
