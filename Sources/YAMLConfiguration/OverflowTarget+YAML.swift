import ACD

extension OverflowTarget {
    /// Reads a queue's `overflow:` mapping from ``OverflowReason`` names to targets. The exit key
    /// needs DTMF from the caller's media, so an `exitKey` target is refused until a media path exists.
    static func parseTargets(_ node: ConfigurationNode) throws -> [OverflowReason: OverflowTarget] {
        let node = try node.allowingOnly(Set(OverflowReason.allCases.map(\.rawValue)))
        var targets: [OverflowReason: OverflowTarget] = [:]
        for reason in OverflowReason.allCases where node[reason.rawValue].isPresent {
            targets[reason] = try parse(node[reason.rawValue])
        }
        if node[OverflowReason.exitKey.rawValue].isPresent {
            throw node[OverflowReason.exitKey.rawValue].needsMediaPath("no caller can press an exit key")
        }
        return targets
    }

    /// Reads one target: `hangup`, `{hangup: {announcement: name}}`, `{queue: id, keepPosition: true}` or `{number: "+E164"}`.
    static func parse(_ node: ConfigurationNode) throws -> OverflowTarget {
        if node.node?.scalar != nil {
            guard try node.string() == "hangup" else { throw node.error("expected hangup, or a mapping with queue, number or hangup") }
            return .hangUp(announcement: nil)
        }
        let node = try node.allowingOnly(["queue", "keepPosition", "number", "hangup"])
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
