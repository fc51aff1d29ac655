import Yams

/// A YAML node together with its key path, so every read can fail with an error naming the key and line.
struct ConfigurationNode {
    let node: Node?
    let path: String
    private let parentLine: Int?

    init(node: Node?, path: String, parentLine: Int? = nil) {
        self.node = node
        self.path = path
        self.parentLine = parentLine
    }

    /// Parses a whole document.
    static func document(_ text: String) throws -> ConfigurationNode {
        do {
            return ConfigurationNode(node: try Yams.compose(yaml: text) ?? Node.mapping([:]), path: "")
        } catch let error as YamlError {
            throw ConfigurationError(key: "", line: nil, message: "not valid YAML: \(error)")
        }
    }

    var line: Int? { node?.mark?.line ?? parentLine }
    var isPresent: Bool { node != nil && node != Node("~") && !(node?.scalar?.string == "null") }

    func error(_ message: String) -> ConfigurationError {
        ConfigurationError(key: path, line: line, message: message)
    }

    /// Refuses a key that needs media Switchboard does not play yet (hang-up announcements);
    /// `consequence` says what the operator would otherwise wrongly expect.
    func needsMediaPath(_ consequence: String) -> ConfigurationError {
        error("is not available yet: Switchboard's media path only plays prompts and music to callers on answered hold, so \(consequence); remove the key")
    }

    private func childPath(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// The value at `key`; absent values are allowed until read with a required accessor.
    subscript(key: String) -> ConfigurationNode {
        ConfigurationNode(node: node?.mapping?[key], path: childPath(key), parentLine: line)
    }

    /// Fails when the mapping holds keys other than `allowed` (catches typos).
    func allowingOnly(_ allowed: Set<String>) throws -> ConfigurationNode {
        guard isPresent else { return self }
        guard let mapping = node?.mapping else { throw error("expected a mapping of keys to values") }
        for (key, value) in mapping {
            let name = key.string ?? "?"
            if !allowed.contains(name) {
                throw ConfigurationError(key: childPath(name), line: key.mark?.line ?? value.mark?.line,
                                         message: "unknown key; expected one of \(allowed.sorted().joined(separator: ", "))")
            }
        }
        return self
    }

    /// The elements of a sequence (empty when absent).
    func list() throws -> [ConfigurationNode] {
        guard isPresent else { return [] }
        guard let sequence = node?.sequence else { throw error("expected a list") }
        return sequence.enumerated().map { ConfigurationNode(node: $1, path: "\(path)[\($0)]", parentLine: line) }
    }

    /// The key/value pairs of a mapping (empty when absent), in file order.
    func entries() throws -> [(key: String, value: ConfigurationNode)] {
        guard isPresent else { return [] }
        guard let mapping = node?.mapping else { throw error("expected a mapping") }
        return mapping.map { ($0.key.string ?? "?", ConfigurationNode(node: $0.value, path: childPath($0.key.string ?? "?"), parentLine: line)) }
    }

    func string() throws -> String {
        guard isPresent else { throw error("is required") }
        guard let scalar = node?.scalar else { throw error("expected a text value") }
        return scalar.string
    }

    func string(default value: String) throws -> String { isPresent ? try string() : value }

    func int(in range: ClosedRange<Int>) throws -> Int {
        guard let value = Int(try string()), range.contains(value) else {
            throw error("expected a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    func int(in range: ClosedRange<Int>, default value: Int) throws -> Int { isPresent ? try int(in: range) : value }

    /// The text value, or `nil` when absent.
    func optionalString() throws -> String? { isPresent ? try string() : nil }

    /// An E.164 number with a leading `+`.
    func e164() throws -> String {
        let number = try string()
        guard SwitchboardConfiguration.isE164(number) else { throw error("expected an E.164 number with a leading +, got \"\(number)\"") }
        return number
    }

    /// A whole number in `range`, or `nil` when absent.
    func optionalInt(in range: ClosedRange<Int>) throws -> Int? { isPresent ? try int(in: range) : nil }

    /// A whole number of seconds in `range` as a duration, or `value` when absent.
    func seconds(in range: ClosedRange<Int>, default value: Duration) throws -> Duration {
        isPresent ? .seconds(try int(in: range)) : value
    }

    /// A whole number of seconds in `range` as a duration, or `nil` when absent.
    func optionalSeconds(in range: ClosedRange<Int>) throws -> Duration? { isPresent ? .seconds(try int(in: range)) : nil }

    /// A mapping of names to whole numbers in `range` (empty when absent).
    func intMapping(in range: ClosedRange<Int>) throws -> [String: Int] {
        var values: [String: Int] = [:]
        for (name, value) in try entries() { values[name] = try value.int(in: range) }
        return values
    }

    /// The value named by the text in `choices`, or `value` when absent; the error lists the names.
    func choice<Value>(_ choices: KeyValuePairs<String, Value>, default value: Value? = nil) throws -> Value {
        if !isPresent, let value { return value }
        let text = try string()
        guard let match = choices.first(where: { $0.key == text }) else {
            throw error("unknown value \"\(text)\"; expected one of \(choices.map(\.key).joined(separator: ", "))")
        }
        return match.value
    }

    func bool(default value: Bool) throws -> Bool {
        guard isPresent else { return value }
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false")
        }
    }

    func oneOf<Value: RawRepresentable>(_ type: Value.Type, default value: Value? = nil) throws -> Value
    where Value.RawValue == String, Value: CaseIterable {
        if !isPresent, let value { return value }
        let text = try string()
        guard let parsed = Value(rawValue: text) else {
            throw error("unknown value \"\(text)\"; expected one of \(Value.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return parsed
    }
}
