import ACD
import Foundation
import NIOCore
import Presence
import SIPTransport
import Yams

extension SwitchboardConfiguration {
    /// Reads and validates a configuration file; relative paths in it are taken from its folder, and
    /// `environment` holds the variable `control.tokenEnvironment` names.
    public static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SwitchboardConfiguration {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(key: "", line: nil, message: "cannot read \(path)")
        }
        return try parse(yaml: text, directory: URL(fileURLWithPath: path).deletingLastPathComponent().path, environment: environment)
    }

    /// Parses and validates configuration text; relative paths in it are taken from `directory`, and
    /// `environment` holds the variable `control.tokenEnvironment` names.
    public static func parse(yaml text: String, directory: String = FileManager.default.currentDirectoryPath,
                             environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SwitchboardConfiguration {
        let root = try ConfigurationNode.document(text).allowingOnly(["sip", "trunks", "queues", "agents", "acd", "presence", "limits", "log",
                                                                      "control", "storage", "media"])
        let sip = try root["sip"].allowingOnly(["listen", "tls", "timers", "maximumMessageBytes", "unknownPeers", "udpReceiveBufferBytes",
                                                "maximumConnections", "maximumConnectionsPerPeer", "maximumConnectionsPerTrunk",
                                                "connectionIdleSeconds", "incompleteMessageSeconds"])
        let trunks = try root["trunks"].list().map(parseTrunk)
        guard !trunks.isEmpty else { throw root["trunks"].error("at least one trunk (the SBC) is required") }
        let listeners = try parseListeners(sip["listen"])
        let acd = try ACDConfiguration.parse(queues: root["queues"], agents: root["agents"], options: root["acd"])
        let media = try parseMedia(root["media"], listenerAddress: listeners[0].host, directory: directory)
        let hold = try loadHoldMedia(queues: acd.queues, nodes: root["queues"], media: media, mediaNode: root["media"])
        let configuration = SwitchboardConfiguration(
            transport: SIPTransportConfiguration(
                listeners: listeners,
                tls: try parseTLS(sip["tls"]),
                trustedPeers: Set(trunks.map(\.host)),
                unknownPeerPolicy: try sip["unknownPeers"].oneOf(SIPUnknownPeerPolicy.self, default: .reject),
                maximumMessageSize: try sip["maximumMessageBytes"].int(in: 1_500...1_048_576, default: 65_535),
                udpReceiveBufferSize: try sip["udpReceiveBufferBytes"].int(in: 65_536...268_435_456, default: 8 << 20),
                connectionLimits: try parseConnectionLimits(sip)),
            timers: try parseTimers(sip["timers"]),
            trunks: trunks,
            acd: acd,
            presence: try parsePresence(root["presence"]),
            limits: try parseLimits(root["limits"]),
            logLevel: try parseLogLevel(root["log"]),
            logFormat: try root["log"]["format"].oneOf(LogFormat.self, default: .logfmt),
            control: try parseControl(root["control"], environment: environment),
            storage: try parseStorage(root["storage"], directory: directory),
            media: media, holdMedia: hold.queues, music: hold.music, announcementWords: hold.words)
        return configuration
    }

    private static func parseStorage(_ node: ConfigurationNode, directory: String) throws -> StorageSettings {
        let node = try node.allowingOnly(["path", "flushMilliseconds", "maximumPendingChanges"])
        let path = try node["path"].string(default: "switchboard.sqlite")
        guard !path.isEmpty, !path.hasSuffix("/") else { throw node["path"].error("expected the path of a file, got \"\(path)\"") }
        let absolute = path.hasPrefix("/") ? path : URL(fileURLWithPath: directory).appendingPathComponent(path).path
        return StorageSettings(path: absolute, flushInterval: .milliseconds(try node["flushMilliseconds"].int(in: 1...1_000, default: 100)),
                               maximumPendingChanges: try node["maximumPendingChanges"].int(in: 1_000...10_000_000, default: 100_000))
    }

    private static func parseListeners(_ node: ConfigurationNode) throws -> [SIPListenerConfiguration] {
        let listeners = try node.list().map { item in
            let item = try item.allowingOnly(["transport", "address", "port"])
            let address = try item["address"].string()
            guard isIPAddress(address) else { throw item["address"].error("expected an IPv4 or IPv6 address, got \"\(address)\"") }
            return SIPListenerConfiguration(transport: try item["transport"].oneOf(SIPTransportProtocol.self),
                                            host: address, port: try item["port"].int(in: 0...65_535))
        }
        guard !listeners.isEmpty else { throw node.error("at least one listener is required") }
        return listeners
    }

    private static func parseConnectionLimits(_ sip: ConfigurationNode) throws -> SIPConnectionLimits {
        let total = try sip["maximumConnections"].int(in: 16...1_048_576, default: 1_024)
        let perPeer = try sip["maximumConnectionsPerPeer"].int(in: 1...65_536, default: 64)
        guard perPeer <= total else { throw sip["maximumConnectionsPerPeer"].error("must not exceed maximumConnections (\(total))") }
        return SIPConnectionLimits(maximumConnections: total, maximumConnectionsPerPeer: perPeer,
                                   maximumConnectionsPerTrunk: try sip["maximumConnectionsPerTrunk"].int(in: 1...65_536, default: 256),
                                   idleTimeout: .seconds(Int64(try sip["connectionIdleSeconds"].int(in: 1...86_400, default: 120))),
                                   incompleteMessageTimeout: .seconds(Int64(try sip["incompleteMessageSeconds"].int(in: 1...3_600, default: 10))))
    }

    private static func parseTLS(_ node: ConfigurationNode) throws -> SIPTLSConfiguration? {
        guard node.isPresent else { return nil }
        let node = try node.allowingOnly(["certificate", "privateKey", "verifyPeers"])
        return SIPTLSConfiguration(certificatePath: try node["certificate"].string(), privateKeyPath: try node["privateKey"].string(),
                                   verifyPeers: try node["verifyPeers"].bool(default: true))
    }

    private static func parseTimers(_ node: ConfigurationNode) throws -> TimerSettings {
        let node = try node.allowingOnly(["t1Milliseconds", "t2Milliseconds", "t4Milliseconds"])
        let t1 = try node["t1Milliseconds"].int(in: 50...10_000, default: 500)
        let t2 = try node["t2Milliseconds"].int(in: 500...64_000, default: 4_000)
        guard t2 >= t1 else { throw node["t2Milliseconds"].error("T2 must not be shorter than T1 (\(t1) ms)") }
        return TimerSettings(t1: .milliseconds(t1), t2: .milliseconds(t2),
                             t4: .milliseconds(try node["t4Milliseconds"].int(in: 500...64_000, default: 5_000)))
    }

    private static func parseTrunk(_ node: ConfigurationNode) throws -> TrunkConfiguration {
        let node = try node.allowingOnly(["name", "address", "port", "transport", "uriHost", "optionsIntervalSeconds", "downAfterFailures"])
        let host = try node["address"].string()
        guard isIPAddress(host) else { throw node["address"].error("expected the SBC's IPv4 or IPv6 address, got \"\(host)\"") }
        return TrunkConfiguration(name: try node["name"].string(), host: host, port: try node["port"].int(in: 1...65_535, default: 5060),
                                  transport: try node["transport"].oneOf(SIPTransportProtocol.self, default: .udp),
                                  uriHost: try node["uriHost"].string(default: host),
                                  optionsInterval: try node["optionsIntervalSeconds"].seconds(in: 1...3_600, default: .seconds(10)),
                                  downAfterFailures: try node["downAfterFailures"].int(in: 1...10, default: 2))
    }

    private static func parseLimits(_ node: ConfigurationNode) throws -> LimitSettings {
        let node = try node.allowingOnly(["maximumConcurrentCalls", "maximumCallDurationSeconds", "retryAfterSeconds",
                                          "drainMinimumSeconds", "drainMaximumSeconds", "maximumWaitingCalls",
                                          "maximumWaitingCallsPerTrunk", "maximumServerTransactions", "overloadControl", "shards"])
        let waiting = try node["maximumWaitingCalls"].int(in: 1...1_000_000, default: 2_000)
        let drainMinimum = try node["drainMinimumSeconds"].int(in: 0...600, default: 5)
        let drainMaximum = try node["drainMaximumSeconds"].int(in: 0...86_400, default: 300)
        guard drainMaximum >= drainMinimum else {
            throw node["drainMaximumSeconds"].error("must not be shorter than drainMinimumSeconds (\(drainMinimum))")
        }
        return LimitSettings(maximumConcurrentCalls: try node["maximumConcurrentCalls"].int(in: 1...1_000_000, default: 10_000),
                             maximumWaitingCalls: waiting,
                             maximumWaitingCallsPerTrunk: try node["maximumWaitingCallsPerTrunk"].int(in: 1...1_000_000, default: waiting),
                             maximumServerTransactions: try node["maximumServerTransactions"].int(in: 1_000...10_000_000, default: 200_000),
                             maximumCallDuration: .seconds(try node["maximumCallDurationSeconds"].int(in: 60...172_800, default: 14_400)),
                             retryAfterSeconds: try node["retryAfterSeconds"].int(in: 1...3_600, default: 30),
                             drainMinimum: .seconds(drainMinimum), drainMaximum: .seconds(drainMaximum),
                             overloadControl: try node["overloadControl"].bool(default: true),
                             shards: try node["shards"].int(in: 1...64, default: defaultShards))
    }

    /// One shard per core but one, which the media engine, the store's writer and the kernel's network
    /// work keep busy (on the 2-core benchmark machine 2 shards took a third of the calls of 1); at
    /// least 1, at most 64.
    static var defaultShards: Int { min(max(System.coreCount - 1, 1), 64) }

    private static func parsePresence(_ node: ConfigurationNode) throws -> PresenceSourceConfiguration? {
        guard node.isPresent, let yaml = node.node else { return nil }
        _ = try node.allowingOnly(["source", "graph", "static"])
        _ = try node["graph"].allowingOnly(GraphConfiguration.configurationKeys)
        do {
            return try YAMLDecoder().decode(PresenceSourceConfiguration.self, from: yaml)
        } catch let DecodingError.keyNotFound(key, context) {
            throw ConfigurationError(key: node.path + "." + (context.codingPath + [key]).map(\.stringValue).joined(separator: "."),
                                     line: node.line, message: "is required")
        } catch let DecodingError.dataCorrupted(context), let DecodingError.typeMismatch(_, context) {
            throw ConfigurationError(key: ([node.path] + context.codingPath.map(\.stringValue)).joined(separator: "."),
                                     line: node.line, message: context.debugDescription)
        }
    }

    private static func parseLogLevel(_ node: ConfigurationNode) throws -> String {
        let node = try node.allowingOnly(["level", "format"])
        let level = try node["level"].string(default: "info")
        let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
        guard levels.contains(level) else { throw node["level"].error("unknown level \"\(level)\"; expected one of \(levels.joined(separator: ", "))") }
        return level
    }

    static func isE164(_ number: String) -> Bool {
        number.count >= 3 && number.count <= 16 && number.first == "+" && number.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}
