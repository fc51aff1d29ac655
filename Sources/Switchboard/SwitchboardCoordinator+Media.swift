import B2BUA
import Logging
import Media
import MediaTransport
import NIOCore
import NIOPosix
import YAMLConfiguration

/// The media edge of answered hold: started only when some queue answers its callers.
struct MediaEdge: Sendable {
    /// The engine's own loop.
    let group: MultiThreadedEventLoopGroup
    /// The engine.
    let engine: MediaEngine

    /// Starts a ``MediaEngine`` on a loop of its own on `media.address` and `media.rtpPorts`, with every
    /// music on hold registered and the digits its streams receive sent to `keys`; nil when no queue
    /// answers its callers.
    static func start(_ configuration: SwitchboardConfiguration, keys: KeyForwarder, logger: Logger) async throws -> MediaEdge? {
        guard !configuration.holdMedia.isEmpty else { return nil }
        guard let pool = RTPPortPool(range: configuration.media.rtpPorts) else {
            throw ConfigurationError(key: "media.rtpPorts", line: nil, message: "no even port with its odd neighbour in \(configuration.media.rtpPorts)")
        }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let edge = MediaEdge(group: group, engine: MediaEngine(eventLoop: group.next(), address: configuration.media.address, ports: pool,
                                                               logger: logger, onDigit: keys.forward))
        do {
            if let priority = configuration.media.realtimePriority { try await edge.scheduleRealtime(priority: priority) }
            try await edge.register(configuration.music)
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
        logger.notice("media edge started", metadata: ["media.address": "\(configuration.media.address)",
                                                        "media.rtp_ports": "\(configuration.media.rtpPorts)",
                                                        "media.srtp": "\(configuration.media.srtp.rawValue)",
                                                        "media.realtime_priority": "\(configuration.media.realtimePriority.map(String.init) ?? "off")",
                                                        "media.queues": "\(configuration.holdMedia.keys.sorted().joined(separator: ","))"])
        return edge
    }

    /// Puts the engine's loop thread under `SCHED_FIFO` at `priority`, so that its pacing tick is
    /// not held back by other work on its core; a refusal stops start-up naming the key.
    private func scheduleRealtime(priority: Int) async throws {
        do {
            try await group.next().submit { try RealtimeScheduling.makeCurrentThreadRealtime(priority: priority) }.get()
        } catch {
            throw ConfigurationError(key: "media.realtimePriority", line: nil, message: "\(error)")
        }
    }

    /// Registers each music on hold as one shared loop (replacing one of the same name).
    func register(_ music: [String: Prompt]) async throws {
        for (name, prompt) in music {
            guard let loop = HoldMusicLoop(tracks: [prompt]) else { continue }
            try await engine.addMusic(name, loop: loop)
        }
    }

    /// Closes every stream, then stops the engine's loop.
    func stop() async throws {
        try await engine.stopAll()
        try await group.shutdownGracefully()
    }
}
