import ControlModel
import Foundation
import Yams

/// Where the CLI finds switchboardd and its token: flags first, then the environment
/// (`SWITCHBOARD_URL`, `SWITCHBOARD_TOKEN`), then the file `~/.config/switchboard/cli.yaml`
/// (`$XDG_CONFIG_HOME/switchboard/cli.yaml` when that is set) with the keys `url` and `tokenFile`,
/// then the default URL.
public struct CLIConfiguration: Equatable, Sendable {
    /// The URL when nothing names one.
    public static let defaultURL = "http://127.0.0.1:8080"

    /// The API's base URL, without a trailing slash.
    public var url: String
    /// The bearer token, if any source gave one.
    public var token: ControlToken?

    /// Resolves the configuration; `readFile` reads a file's text (nil when absent).
    public static func resolve(urlFlag: String?, tokenFileFlag: String?, environment: [String: String],
                               readFile: (String) -> String? = Self.readFile) throws -> CLIConfiguration {
        let path = configurationPath(environment: environment)
        let file = try path.flatMap { path in try readFile(path).map { try parseFile($0, path: path) } } ?? [:]
        let url = urlFlag ?? environment["SWITCHBOARD_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? file["url"] ?? defaultURL
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
            throw CLIError.usage("not an http(s) URL: \(url)")
        }
        let token: ControlToken?
        if let tokenFileFlag {
            token = try readToken(tokenFileFlag, from: "--token-file", readFile: readFile)
        } else if let value = environment["SWITCHBOARD_TOKEN"], !value.isEmpty {
            token = ControlToken(value.trimmingCharacters(in: .whitespacesAndNewlines))
        } else if let tokenFile = file["tokenFile"] {
            token = try readToken(tokenFile, from: "\(path ?? "cli.yaml"): tokenFile", readFile: readFile)
        } else {
            token = nil
        }
        return CLIConfiguration(url: url.hasSuffix("/") ? String(url.dropLast()) : url, token: token)
    }

    /// The configuration file's path from `XDG_CONFIG_HOME` or `HOME`.
    static func configurationPath(environment: [String: String]) -> String? {
        if let base = environment["XDG_CONFIG_HOME"], !base.isEmpty { return base + "/switchboard/cli.yaml" }
        return environment["HOME"].map { $0 + "/.config/switchboard/cli.yaml" }
    }

    /// The file's keys: `url` and `tokenFile`, strings; anything else is refused by name.
    static func parseFile(_ text: String, path: String) throws -> [String: String] {
        let node: Yams.Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw CLIError.usage("\(path): not YAML")
        }
        guard let node else { return [:] }
        guard let mapping = node.mapping else { throw CLIError.usage("\(path): expected a mapping with url and tokenFile") }
        var values: [String: String] = [:]
        for (key, value) in mapping {
            guard let name = key.string, ["url", "tokenFile"].contains(name) else {
                throw CLIError.usage("\(path): unknown key \(key.string ?? "?"); expected url, tokenFile")
            }
            guard let text = value.string else { throw CLIError.usage("\(path): \(name) must be a string") }
            values[name] = text
        }
        return values
    }

    private static func readToken(_ path: String, from source: String, readFile: (String) -> String?) throws -> ControlToken {
        guard let text = readFile(path)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else {
            throw CLIError.usage("\(source): cannot read a token from \(path)")
        }
        return ControlToken(text)
    }

    /// A file's UTF-8 text, or nil when it cannot be read.
    public static func readFile(_ path: String) -> String? {
        FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
    }
}
