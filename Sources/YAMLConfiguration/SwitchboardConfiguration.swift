import ControlModel
import ACD
import Media
import Presence
import SIPTransport

/// Everything switchboardd reads from its YAML file, validated.
public struct SwitchboardConfiguration: Sendable {
    /// Listeners, TLS, access policy and message limits.
    public var transport: SIPTransportConfiguration
    /// RFC 3261 timer base values.
    public var timers: TimerSettings
    /// The SBCs switchboardd trusts and sends agent calls through.
    public var trunks: [TrunkConfiguration]
    /// Queues, agents and routing rules for the queue engine.
    public var acd: ACDConfiguration
    /// Where Teams presence comes from; nil means every agent counts as Available (labs without Graph).
    public var presence: PresenceSourceConfiguration?
    /// Capacity limits.
    public var limits: LimitSettings
    /// swift-log level name (`trace` … `critical`).
    public var logLevel: String
    /// How log lines are written.
    public var logFormat: LogFormat
    /// The control API, when configured.
    public var control: ControlSettings?
    /// Where call records, offer attempts, the queue log and agent statuses are kept.
    public var storage: StorageSettings
    /// The media edge: RTP address, ports and the prompt folder.
    public var media: MediaSettings
    /// The answered hold of each queue that has one, by queue name, its prompts loaded.
    public var holdMedia: [String: QueueHoldMedia]
    /// Each music on hold the queues name, by name, loaded.
    public var music: [String: Prompt]
    /// The words of the position and wait announcements (``AnnouncementWords/promptNames``), loaded
    /// when a queue announces either, and the callback confirmation when a queue offers callbacks.
    public var announcementWords: [String: Prompt]
}

/// The call store: one SQLite file.
public struct StorageSettings: Sendable, Equatable {
    /// The SQLite file (absolute: a relative path in the file is taken from the configuration file's folder).
    public var path: String
    /// How long the writer gathers changes before it commits them in one transaction.
    public var flushInterval: Duration
    /// Changes waiting for the writer beyond which new ones are dropped (and counted and logged).
    public var maximumPendingChanges: Int
}

/// RFC 3261 §17 timer base values.
public struct TimerSettings: Sendable, Equatable {
    /// T1, the round-trip estimate (default 500 ms).
    public var t1: Duration
    /// T2, the cap on non-INVITE retransmission intervals (default 4 s).
    public var t2: Duration
    /// T4, how long a message may stay in the network (default 5 s).
    public var t4: Duration
}

/// An SBC: a trusted peer, and a route for B-leg calls to agents.
public struct TrunkConfiguration: Sendable, Equatable {
    /// A name for logs and the CLI.
    public var name: String
    /// The SBC's IP address.
    public var host: String
    /// The SBC's SIP port.
    public var port: Int
    /// The transport switchboardd uses toward it.
    public var transport: SIPTransportProtocol
    /// The host to put in B-leg Request-URIs (`sip:+E164@<this>;user=phone`); defaults to `host`.
    public var uriHost: String
    /// Time between one OPTIONS ping's final response and the next ping (RFC 3261 §11).
    public var optionsInterval: Duration
    /// Consecutive failures (OPTIONS timeouts or 503s, B-leg trunk failures) that take the trunk down.
    public var downAfterFailures: Int
}

/// Capacity limits.
public struct LimitSettings: Sendable, Equatable {
    /// Concurrent calls above which new INVITEs get `503` with `Retry-After`.
    public var maximumConcurrentCalls: Int
    /// Callers waiting for an agent (not yet answered) above which new INVITEs get `503`.
    public var maximumWaitingCalls: Int
    /// The same cap for the callers one trunk (one SBC address) brought in.
    public var maximumWaitingCallsPerTrunk: Int
    /// Live SIP server transactions above which new requests get a stateless `503` (ACKs are dropped).
    public var maximumServerTransactions: Int
    /// Calls longer than this are ended on both legs.
    public var maximumCallDuration: Duration
    /// The `Retry-After` seconds sent while draining or over capacity.
    public var retryAfterSeconds: Int
    /// After SIGTERM, how long the daemon keeps answering 503 at least, so SBCs see it and fail over.
    public var drainMinimum: Duration
    /// After SIGTERM, how long calls in progress may go on before the daemon stops anyway.
    public var drainMaximum: Duration
    /// Whether new INVITEs get `503 Overloaded` while the UDP receive backlog is high.
    public var overloadControl: Bool
    /// How many shards (event loops, each with its own calls) share the call path: one per core by default.
    public var shards: Int
}

/// The control API (HTTP, JSON).
public struct ControlSettings: Sendable, Equatable {
    /// The address to bind (loopback by default; any other address needs a token).
    public var host: String
    /// The port to bind.
    public var port: Int
    /// The bearer token every request must send, read from a file or an environment variable so it
    /// never sits in the configuration; `nil` (loopback only) lets any local process in.
    public var token: ControlToken?

    /// Creates the settings.
    public init(host: String, port: Int, token: ControlToken?) {
        self.host = host
        self.port = port
        self.token = token
    }
}

/// How the daemon writes its log lines (`log.format`).
public enum LogFormat: String, Sendable, CaseIterable {
    /// `key=value` pairs, quoted where needed (logfmt), one line per event.
    case logfmt
    /// One JSON object per line.
    case json
}
