import ACD
import Media

extension OverflowTarget {
    /// Reads a queue's `overflow:` mapping from ``OverflowReason`` names to targets, and the exit key:
    /// the `exitKey` target names the DTMF key (`key`, required) beside the target itself.
    static func parseTargets(_ node: ConfigurationNode) throws -> (targets: [OverflowReason: OverflowTarget], exitKey: Character?) {
        let node = try node.allowingOnly(Set(OverflowReason.allCases.map(\.rawValue)))
        var targets: [OverflowReason: OverflowTarget] = [:]
        for reason in OverflowReason.allCases where reason != .exitKey && node[reason.rawValue].isPresent {
            targets[reason] = try parse(node[reason.rawValue])
        }
        let exit = node[OverflowReason.exitKey.rawValue]
        guard exit.isPresent else { return (targets, nil) }
        guard exit.node?.mapping != nil else {
            throw exit.error("expected a mapping with key (the DTMF key) and one of queue, number, hangup, e.g. {key: \"0\", queue: operator}")
        }
        targets[.exitKey] = try parse(exit, alsoAllowing: ["key"])
        return (targets, try dtmfKey(exit["key"]))
    }

    /// Reads a DTMF key: one of `0`–`9`, `*`, `#`, `A`–`D` (quoted in YAML: `"*"`, `"#"`).
    static func dtmfKey(_ node: ConfigurationNode) throws -> Character {
        let text = try node.string()
        guard text.count == 1, let key = text.first, let digit = DTMFDigit(key) else {
            throw node.error("expected one DTMF key: 0-9, *, #, A-D (quote * and #), got \"\(text)\"")
        }
        return digit.key
    }

    /// Reads one target: `hangup`, `{hangup: {announcement: name}}`, `{queue: id, keepPosition: true}` or `{number: "+E164"}`.
    static func parse(_ node: ConfigurationNode, alsoAllowing extraKeys: Set<String> = []) throws -> OverflowTarget {
        if node.node?.scalar != nil {
            guard try node.string() == "hangup" else { throw node.error("expected hangup, or a mapping with queue, number or hangup") }
            return .hangUp(announcement: nil)
        }
        let node = try node.allowingOnly(Set(["queue", "keepPosition", "number", "hangup"]).union(extraKeys))
        let kinds = ["queue", "number", "hangup"].filter { node[$0].isPresent }
        guard kinds.count == 1 else { throw node.error("expected exactly one of queue, number, hangup") }
        if kinds != ["queue"], node["keepPosition"].isPresent {
            throw node["keepPosition"].error("only applies to a queue target")
        }
        switch kinds[0] {
        case "queue":
            return .queue(QueueID(try node["queue"].string()), keepPosition: try node["keepPosition"].bool(default: true))
        case "number":
            return .number(try node["number"].e164())
        default:
            let hangUp = try node["hangup"].allowingOnly(["announcement"])
            if hangUp["announcement"].isPresent { throw hangUp["announcement"].needsMediaPath("no announcement can be played on hang-up") }
            return .hangUp(announcement: nil)
        }
    }
}
