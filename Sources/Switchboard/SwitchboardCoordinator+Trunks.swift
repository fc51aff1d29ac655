import B2BUA
import Logging
import SIPTransport
import YAMLConfiguration

extension SwitchboardCoordinator {
    /// Pings every trunk from shard 0; the first trunk (the B-legs') suspends offers while it is
    /// down and hears of every shard's B-leg INVITEs. Starts pinging at once. Call on shard 0's loop.
    static func trunkMonitor(_ configuration: SwitchboardConfiguration, shards: [Shard], transport: SIPTransport,
                             logger: Logger) throws -> TrunkMonitor {
        let monitored = try configuration.trunks.map { trunk in
            guard let local = transport.sentBy(for: trunk.transport) else {
                throw ConfigurationError(key: "sip.listen", line: nil, message: "no \(trunk.transport.rawValue) listener for trunk \"\(trunk.name)\"")
            }
            return MonitoredTrunk(name: trunk.name, destination: try SIPPeerAddress(transport: trunk.transport, host: trunk.host, port: trunk.port),
                                  uriHost: trunk.uriHost, localHost: local.host, localPort: local.port,
                                  optionsInterval: trunk.optionsInterval, downAfterFailures: trunk.downAfterFailures)
        }
        let monitor = TrunkMonitor(stack: shards[0].stack, trunks: monitored, logger: logger,
                                   placement: CallPlacement(shardCount: shards.count, shard: 0))
        let bLegTrunk = configuration.trunks[0].name
        let monitorLoop = shards[0].eventLoop
        for shard in shards {
            shard.router.trunkFeedback.observer = { [unowned monitor] observation in
                monitorLoop.execute { monitor.record(observation, trunk: bLegTrunk) }
            }
        }
        let router = shards[0].router
        monitor.onChange = { [weak router] name, isUp in
            if name == bLegTrunk { router?.trunkAvailabilityChanged(isUp: isUp) }
        }
        monitor.start()
        return monitor
    }
}
