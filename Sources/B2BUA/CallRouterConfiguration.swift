import SIPCore
import SIPDialog
import SIPTransport

/// What the call router needs to know of its deployment: the SBC it sends agent calls through,
/// Switchboard's own address toward it, which number reaches which queue, and the call limits.
public struct CallRouterConfiguration: Sendable {
    /// The SBC: every B-leg INVITE goes there, and it is every dialog's next hop in practice.
    public var trunk: SIPPeerAddress
    /// The host for B-leg Request-URIs (`sip:+E164@<this>;user=phone`).
    public var trunkURIHost: String
    /// Switchboard's sent-by host toward the trunk (Via, Contact, From).
    public var localHost: String
    /// Switchboard's port toward the trunk.
    public var localPort: Int
    /// The queue each E.164 number (Request-URI user part) reaches.
    public var queueByNumber: [String: String]
    /// Concurrent calls above which new INVITEs get `503` with `Retry-After`.
    public var maximumConcurrentCalls: Int
    /// Callers not yet answered above which new INVITEs get `503` with `Retry-After`.
    public var maximumWaitingCalls: Int
    /// The same cap per trunk address the callers came from, over every shard: each shard enforces
    /// its share (``maximumWaitingCallsPerTrunkOnShard``).
    public var maximumWaitingCallsPerTrunk: Int
    /// Calls longer than this are ended on both legs.
    public var maximumCallDuration: Duration
    /// The `Retry-After` seconds sent while draining or over capacity.
    public var retryAfterSeconds: Int
    /// The RFC 4028 policy for both legs.
    public var sessionTimer: SessionTimer
    /// The router's shard among the daemon's: the B-legs' Call-IDs are generated to hash to it.
    public var placement: CallPlacement
    /// The calls and waiting callers of every shard, which the concurrent-call and waiting limits
    /// count (one census shared by every shard's router).
    public var census: CallCensus

    /// Creates a router configuration.
    public init(trunk: SIPPeerAddress, trunkURIHost: String, localHost: String, localPort: Int, queueByNumber: [String: String],
                maximumConcurrentCalls: Int, maximumWaitingCalls: Int, maximumWaitingCallsPerTrunk: Int,
                maximumCallDuration: Duration, retryAfterSeconds: Int, sessionTimer: SessionTimer = SessionTimer(),
                placement: CallPlacement = .single, census: CallCensus = CallCensus()) {
        self.trunk = trunk
        self.trunkURIHost = trunkURIHost
        self.localHost = localHost
        self.localPort = localPort
        self.queueByNumber = queueByNumber
        self.maximumConcurrentCalls = maximumConcurrentCalls
        self.maximumWaitingCalls = maximumWaitingCalls
        self.maximumWaitingCallsPerTrunk = maximumWaitingCallsPerTrunk
        self.maximumCallDuration = maximumCallDuration
        self.retryAfterSeconds = retryAfterSeconds
        self.sessionTimer = sessionTimer
        self.placement = placement
        self.census = census
    }

    /// This shard's share of ``maximumWaitingCallsPerTrunk`` (rounded up): the callers of one trunk
    /// are spread over the shards by their Call-IDs.
    var maximumWaitingCallsPerTrunkOnShard: Int {
        (maximumWaitingCallsPerTrunk + placement.shardCount - 1) / placement.shardCount
    }

    /// The B-leg INVITE builder for this trunk.
    var agentInvites: AgentInviteBuilder {
        AgentInviteBuilder(sbcHost: trunkURIHost, sbcPort: trunk.port == 5060 ? nil : trunk.port,
                           localHost: localHost, localPort: localPort, transport: trunk.transport.viaToken)
    }

    /// Switchboard's Contact for the dialogs it creates.
    var localContact: SIPNameAddress {
        SIPNameAddress(uri: SIPURI(host: localHost, port: localPort,
                                   parameters: trunk.transport == .udp ? [] : [SIPParameter(name: "transport", value: trunk.transport.rawValue)]))
    }
}
