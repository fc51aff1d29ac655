import Foundation

/// Where a tenant's sign-in and Graph endpoints live: the global service or a national cloud.
///
/// The hosts are configuration, never compiled into requests: the named presets below follow
/// Microsoft's national cloud table, and ``init(loginURL:graphURL:)`` takes any pair (the local Graph).
public struct GraphCloud: Sendable, Hashable, CustomStringConvertible {
    /// The identity platform's base URL, for example `https://login.microsoftonline.com`.
    public var loginURL: URL
    /// Graph's base URL, for example `https://graph.microsoft.com`.
    public var graphURL: URL

    /// A cloud at explicit base URLs (no trailing path).
    public init(loginURL: URL, graphURL: URL) {
        self.loginURL = loginURL
        self.graphURL = graphURL
    }

    /// A cloud by its name in the configuration file: `global` (also `gcc`), `gcc-high`, `dod`, `china`.
    public init?(named name: String) {
        switch name.lowercased() {
        case "global", "gcc": self = .global
        case "gcc-high", "gcchigh", "usgovl4": self = .usGovernmentL4
        case "dod", "usgovl5": self = .usGovernmentL5
        case "china", "21vianet": self = .china
        default: return nil
        }
    }

    /// Global service, also used by GCC.
    public static let global = GraphCloud(host: "login.microsoftonline.com", graph: "graph.microsoft.com")
    /// US Government L4 (GCC High).
    public static let usGovernmentL4 = GraphCloud(host: "login.microsoftonline.us", graph: "graph.microsoft.us")
    /// US Government L5 (DoD).
    public static let usGovernmentL5 = GraphCloud(host: "login.microsoftonline.us", graph: "dod-graph.microsoft.us")
    /// China, operated by 21Vianet: Graph there has no presence API.
    public static let china = GraphCloud(host: "login.chinacloudapi.cn", graph: "microsoftgraph.chinacloudapi.cn")

    /// Whether Graph in this cloud serves the presence API (21Vianet's does not).
    public var supportsPresence: Bool { self != .china }

    /// `{login}/{tenant}/oauth2/v2.0/token`.
    public func tokenURL(tenantID: String) -> URL {
        loginURL.appending(path: tenantID).appending(path: "oauth2/v2.0/token")
    }

    /// `{graph}/.default`: the scope a client-credentials token asks for.
    public var scope: String { graphURL.appending(path: ".default").absoluteString }

    /// `{graph}/v1.0/communications/getPresencesByUserId`.
    public var presencesByUserIDURL: URL { graphURL.appending(path: "v1.0/communications/getPresencesByUserId") }

    /// Both base URLs.
    public var description: String { "login \(loginURL.absoluteString), graph \(graphURL.absoluteString)" }

    private init(host: String, graph: String) {
        // The presets are literal, well-formed https URLs.
        self.init(loginURL: URL(string: "https://\(host)")!, graphURL: URL(string: "https://\(graph)")!)
    }
}
