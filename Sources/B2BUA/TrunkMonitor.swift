import Logging
import SIPCore
import SIPStack
import SIPTransport

/// One trunk as the monitor pings it.
public struct MonitoredTrunk: Sendable {
    /// The trunk's name, for logs, status and metrics.
    public var name: String
    /// Where the pings go.
    public var destination: SIPPeerAddress
    /// The host of the OPTIONS Request-URI (the SBC itself, no user part).
    public var uriHost: String
    /// Switchboard's sent-by host and port toward the trunk.
    public var localHost: String
    /// Switchboard's port toward the trunk.
    public var localPort: Int
    /// Time between the end of one OPTIONS ping and the next.
    public var optionsInterval: Duration
    /// Consecutive failures (pings or B-leg INVITEs) that take the trunk down.
    public var downAfterFailures: Int

    /// Creates a monitored trunk.
    public init(name: String, destination: SIPPeerAddress, uriHost: String, localHost: String, localPort: Int,
                optionsInterval: Duration, downAfterFailures: Int) {
        self.name = name
        self.destination = destination
        self.uriHost = uriHost
        self.localHost = localHost
        self.localPort = localPort
        self.optionsInterval = optionsInterval
        self.downAfterFailures = downAfterFailures
    }
}

/// Pings each trunk with OPTIONS (RFC 3261 §11) in a client non-INVITE transaction, one at a time
/// per trunk, and keeps a `TrunkHealth` per trunk from the pings and the B-leg reports. Logs each
/// outage once when it starts and once when it ends, and tells `onChange`. Lives on the
/// transaction layer's loop; its timers are the loop's timer wheel.
public final class TrunkMonitor: @unchecked Sendable {
    private struct Entry {
        var trunk: MonitoredTrunk
        var health: TrunkHealth
        var timer: TimerWheel.Handle?
        var sequenceNumber: UInt32 = 0
    }

    private let stack: TransactionLayer
    private let placement: CallPlacement
    private let logger: Logger
    private var entries: [Entry]
    private var stopped = false
    /// Told the trunk's name and its new state (`true` = up) whenever a trunk goes down or comes back.
    public var onChange: ((String, Bool) -> Void)?

    /// Monitors `trunks` (all presumed up) through `stack`, whose shard is `placement`'s (the pings'
    /// Call-IDs hash to it, so their responses come back to this stack); call `start()` to send the first pings.
    public init(stack: TransactionLayer, trunks: [MonitoredTrunk], logger: Logger, placement: CallPlacement = .single) {
        self.stack = stack
        self.placement = placement
        self.logger = logger
        entries = trunks.map { Entry(trunk: $0, health: TrunkHealth(downAfterFailures: $0.downAfterFailures, now: stack.timerWheel.now)) }
    }

    /// Each trunk's name, state and when that state began (on the loop's clock).
    public var states: [(name: String, isUp: Bool, since: Duration)] {
        entries.map { ($0.trunk.name, $0.health.isUp, $0.health.since) }
    }

    /// Sends the first ping of every trunk now.
    public func start() {
        for index in entries.indices { ping(index) }
    }

    /// Stops pinging; pings in flight end unheard.
    public func stop() {
        stopped = true
        for entry in entries {
            if let timer = entry.timer { stack.timerWheel.cancel(timer) }
        }
    }

    /// Records what the trunk named `name` did with a B-leg INVITE.
    public func record(_ observation: TrunkHealth.Observation, trunk name: String) {
        guard let index = entries.firstIndex(where: { $0.trunk.name == name }) else { return }
        observe(observation, at: index, source: "INVITE")
    }

    private func ping(_ index: Int) {
        guard !stopped else { return }
        entries[index].timer = nil
        entries[index].sequenceNumber &+= 1
        let request = makeOptions(entries[index].trunk, sequenceNumber: entries[index].sequenceNumber)
        let sent = stack.send(request, to: entries[index].trunk.destination) { [weak self] response in
            guard let self, response.statusCode >= 200 else { return }
            self.observe(TrunkHealth.observation(forOptionsStatus: response.statusCode), at: index, source: "OPTIONS")
            self.scheduleNextPing(index)
        }
        if sent == nil { scheduleNextPing(index) }
    }

    private func scheduleNextPing(_ index: Int) {
        guard !stopped, entries[index].timer == nil else { return }
        entries[index].timer = stack.timerWheel.schedule(after: entries[index].trunk.optionsInterval) { [weak self] in self?.ping(index) }
    }

    private func observe(_ observation: TrunkHealth.Observation, at index: Int, source: String) {
        let now = stack.timerWheel.now
        let previous = entries[index].health
        guard let isUp = entries[index].health.observe(observation, now: now) else { return }
        let name = entries[index].trunk.name
        if isUp {
            logger.notice("trunk up: offers resume through it", metadata: [
                "sip.trunk": "\(name)", "trunk.down_seconds": "\((now - previous.since).components.seconds)", "trunk.seen_by": "\(source)",
            ])
        } else {
            logger.warning("trunk down: no offers through it until it answers again", metadata: [
                "sip.trunk": "\(name)", "trunk.failures": "\(entries[index].health.consecutiveFailures)", "trunk.seen_by": "\(source)",
            ])
        }
        onChange?(name, isUp)
    }

    /// An OPTIONS to the SBC itself (no user part), outside any dialog.
    private func makeOptions(_ trunk: MonitoredTrunk, sequenceNumber: UInt32) -> SIPRequest {
        let target = SIPURI(host: trunk.uriHost, port: trunk.destination.port == 5060 ? nil : trunk.destination.port)
        let local = SIPURI(user: "switchboard", host: trunk.localHost, port: trunk.localPort)
        let headers = SIPHeaders(
            via: [SIPVia(transport: trunk.destination.transport.viaToken, host: trunk.localHost, port: trunk.localPort,
                         parameters: [SIPParameter(name: "branch", value: SIPRandomToken.branch()), SIPParameter(name: "rport")])],
            from: SIPNameAddress(uri: local, parameters: [SIPParameter(name: "tag", value: SIPRandomToken.tag())]),
            to: SIPNameAddress(uri: target),
            callID: placement.makeCallID { "sb-options-\(SIPRandomToken.tag())@\(trunk.localHost)" },
            cseq: SIPCSeq(sequenceNumber: sequenceNumber, method: .options),
            maxForwards: 70)
        return SIPRequest(method: .options, requestURI: target, headers: headers)
    }
}
