import Foundation

/// Decodes the `presence.graph` section of the YAML file (keys in ``PresenceSourceConfiguration``).
extension GraphConfiguration: Decodable {
    /// The keys `presence.graph` accepts; any other is a typo the configuration refuses.
    public static var configurationKeys: Set<String> { Set(CodingKeys.allCases.map(\.rawValue)) }

    private enum CodingKeys: String, CodingKey, CaseIterable {
        case tenantId, clientId, clientSecretEnv, clientSecretFile, certificateFile, privateKeyFile
        case cloud, loginUrl, graphUrl
        case pollIntervalSeconds, stalenessBudgetSeconds, keepLastKnownSeconds, failuresBeforeUnreachable
        case requestLimit, requestLimitWindowSeconds, requestLimitHeadroom, requestTimeoutSeconds
    }

    /// Decodes and validates; errors carry the key's coding path.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var configuration = GraphConfiguration(
            tenantID: try container.decode(String.self, forKey: .tenantId),
            clientID: try container.decode(String.self, forKey: .clientId),
            credential: try Self.credential(in: container),
            cloud: try Self.cloud(in: container)
        )
        func seconds(_ key: CodingKeys) throws -> Duration? {
            try container.decodeIfPresent(Double.self, forKey: key).map { .milliseconds(Int64($0 * 1000)) }
        }
        configuration.pollInterval = try seconds(.pollIntervalSeconds) ?? configuration.pollInterval
        configuration.stalenessBudget = try seconds(.stalenessBudgetSeconds) ?? configuration.stalenessBudget
        if let keep = try seconds(.keepLastKnownSeconds) {
            configuration.unreachablePolicy = keep > .zero ? .keepLastKnown(for: keep) : .unknownImmediately
        }
        configuration.failuresBeforeUnreachable =
            try container.decodeIfPresent(Int.self, forKey: .failuresBeforeUnreachable) ?? configuration.failuresBeforeUnreachable
        configuration.requestLimit = try container.decodeIfPresent(Int.self, forKey: .requestLimit) ?? configuration.requestLimit
        configuration.requestLimitWindow = try seconds(.requestLimitWindowSeconds) ?? configuration.requestLimitWindow
        configuration.requestLimitHeadroom =
            try container.decodeIfPresent(Double.self, forKey: .requestLimitHeadroom) ?? configuration.requestLimitHeadroom
        configuration.requestTimeout = try seconds(.requestTimeoutSeconds) ?? configuration.requestTimeout
        do {
            try configuration.validate()
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
        self = configuration
    }

    private static func credential(in container: KeyedDecodingContainer<CodingKeys>) throws -> GraphCredential {
        if let name = try container.decodeIfPresent(String.self, forKey: .clientSecretEnv) {
            return try resolve(.clientSecretEnv, in: container) { () throws(GraphPresenceError) in
                .clientSecret(try GraphSecret(environmentVariable: name))
            }
        }
        if let path = try container.decodeIfPresent(String.self, forKey: .clientSecretFile) {
            return try resolve(.clientSecretFile, in: container) { () throws(GraphPresenceError) in
                .clientSecret(try GraphSecret(file: path))
            }
        }
        if let certificate = try container.decodeIfPresent(String.self, forKey: .certificateFile) {
            return .certificate(
                certificatePath: certificate, privateKeyPath: try container.decode(String.self, forKey: .privateKeyFile))
        }
        throw DecodingError.keyNotFound(
            CodingKeys.clientSecretEnv,
            .init(codingPath: container.codingPath, debugDescription: "give clientSecretEnv, clientSecretFile or certificateFile"))
    }

    private static func resolve(
        _ key: CodingKeys,
        in container: KeyedDecodingContainer<CodingKeys>,
        _ body: () throws(GraphPresenceError) -> GraphCredential
    ) throws -> GraphCredential {
        do {
            return try body()
        } catch {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: error.description)
        }
    }

    private static func cloud(in container: KeyedDecodingContainer<CodingKeys>) throws -> GraphCloud {
        if let login = try container.decodeIfPresent(String.self, forKey: .loginUrl) {
            guard let loginURL = URL(string: login), let graphURL = URL(string: try container.decode(String.self, forKey: .graphUrl))
            else {
                throw DecodingError.dataCorruptedError(forKey: .loginUrl, in: container, debugDescription: "not a URL")
            }
            return GraphCloud(loginURL: loginURL, graphURL: graphURL)
        }
        let name = try container.decodeIfPresent(String.self, forKey: .cloud) ?? "global"
        guard let cloud = GraphCloud(named: name) else {
            throw DecodingError.dataCorruptedError(
                forKey: .cloud, in: container, debugDescription: "'\(name)' is not global, gcc, gcc-high, dod or china")
        }
        return cloud
    }
}
