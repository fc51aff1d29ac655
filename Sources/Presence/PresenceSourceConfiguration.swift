import TeamsPresence
import AsyncHTTPClient
import Logging
import Metrics

/// The `presence:` section of the daemon's YAML file: which source, and its settings.
///
/// ```yaml
/// presence:
///   source: graph                  # or: static
///   graph:
///     tenantId: 72f988bf-86f1-41af-91ab-2d7cd011db47
///     clientId: 0b2c5d5e-6f0a-4c43-9a55-1f6f2b8e4d11
///     clientSecretEnv: SWITCHBOARD_GRAPH_SECRET   # or clientSecretFile, or certificateFile + privateKeyFile
///     cloud: global                # gcc, gcc-high, dod; or loginUrl + graphUrl
///     pollIntervalSeconds: 5
///     stalenessBudgetSeconds: 30
///     keepLastKnownSeconds: 60     # while Graph is unreachable; 0 = unknown at once
///   static:
///     00000000-0000-4000-8000-000000000001: Available
///     00000000-0000-4000-8000-000000000002: DoNotDisturb
/// ```
///
/// Decoding reads the client secret from the named environment variable or file, so a missing
/// secret fails at start-up with the key's path; the secret itself is never part of an error.
public enum PresenceSourceConfiguration: Sendable, Equatable, Decodable {
    /// Poll Microsoft Graph.
    case graph(GraphConfiguration)
    /// Presence from the configuration, changed at runtime from the CLI.
    case `static`([String: TeamsAvailability])

    private enum CodingKeys: String, CodingKey {
        case source, graph, `static`
    }

    /// Decodes `source` and the section it names.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .source).lowercased() {
        case "graph":
            self = .graph(try container.decode(GraphConfiguration.self, forKey: .graph))
        case "static":
            let table = try container.decodeIfPresent([String: String].self, forKey: .static) ?? [:]
            var presences: [String: TeamsAvailability] = [:]
            for (id, value) in table {
                let availability = TeamsAvailability(graphValue: value)
                guard availability.graphValue.caseInsensitiveCompare(value) == .orderedSame else {
                    throw DecodingError.dataCorruptedError(
                        forKey: .static, in: container,
                        debugDescription: "'\(value)' for \(id) is not a Teams availability")
                }
                presences[id] = availability
            }
            self = .static(presences)
        case let other:
            throw DecodingError.dataCorruptedError(
                forKey: .source, in: container, debugDescription: "'\(other)' is neither graph nor static")
        }
    }

    /// Builds the configured source for `agentIDs` (a static source reports only its own table); a
    /// Graph source records its request latency through `metricsFactory`.
    public func makeSource(
        agentIDs: [String],
        httpClient: HTTPClient,
        logger: Logger = Logger(label: "switchboard.presence"),
        metricsFactory: any MetricsFactory = NOOPMetricsHandler.instance
    ) throws(GraphPresenceError) -> any PresenceSource {
        switch self {
        case .graph(let configuration):
            try GraphPresenceSource(configuration: configuration, agentIDs: agentIDs, httpClient: httpClient, logger: logger,
                                    metricsFactory: metricsFactory)
        case .static(let presences):
            StaticPresenceSource(presences: presences)
        }
    }
}
