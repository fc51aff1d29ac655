import ControlModel
import Foundation

extension SwitchboardConfiguration {
    /// Reads `control`: the API's address (loopback by default) and port, and its bearer token from
    /// `tokenFile` or `tokenEnvironment`. A non-loopback address without a token is refused.
    static func parseControl(_ node: ConfigurationNode, environment: [String: String]) throws -> ControlSettings? {
        guard node.isPresent else { return nil }
        let node = try node.allowingOnly(["address", "port", "tokenFile", "tokenEnvironment"])
        let host = try node["address"].string(default: "127.0.0.1")
        guard isIPAddress(host) else { throw node["address"].error("expected an IPv4 or IPv6 address, got \"\(host)\"") }
        let token = try parseControlToken(node, environment: environment)
        if token == nil, !isLoopback(host) {
            throw node["address"].error("\(host) is not a loopback address: set tokenFile or tokenEnvironment so every request needs the bearer token")
        }
        return ControlSettings(host: host, port: try node["port"].int(in: 0...65_535), token: token)
    }

    /// The bearer token from `tokenFile` (a file holding it) or `tokenEnvironment` (the name of an
    /// environment variable holding it); at most one of them.
    private static func parseControlToken(_ node: ConfigurationNode, environment: [String: String]) throws -> ControlToken? {
        if node["tokenFile"].isPresent, node["tokenEnvironment"].isPresent {
            throw node["tokenEnvironment"].error("set either tokenFile or tokenEnvironment, not both")
        }
        if node["tokenFile"].isPresent {
            let path = try node["tokenFile"].string()
            guard let data = FileManager.default.contents(atPath: path),
                  let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                throw node["tokenFile"].error("cannot read a token from \(path)")
            }
            return ControlToken(text)
        }
        if node["tokenEnvironment"].isPresent {
            let name = try node["tokenEnvironment"].string()
            guard let text = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
                throw node["tokenEnvironment"].error("the environment variable \(name) is not set or is empty")
            }
            return ControlToken(text)
        }
        return nil
    }

    /// Whether `text` is a loopback address: 127.0.0.0/8, `::1`, or 127.0.0.0/8 mapped into IPv6.
    static func isLoopback(_ text: String) -> Bool {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return UInt32(bigEndian: v4.s_addr) >> 24 == 127 }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return false }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127
        return bytes[0..<15].allSatisfy { $0 == 0 } && bytes[15] == 1 || mapped
    }
}
