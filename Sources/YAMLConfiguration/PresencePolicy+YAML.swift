import ACD
import TeamsPresence

extension PresencePolicy {
    /// Reads a queue's `presence:`; each absent key keeps ``PresencePolicy/default``'s value.
    static func parse(_ node: ConfigurationNode) throws -> PresencePolicy {
        let node = try node.allowingOnly(["routableAvailabilities", "blockedActivities", "allowsBusyFromOwnCall", "unknownIsRoutable"])
        let defaults = PresencePolicy.default
        return PresencePolicy(
            routableAvailabilities: try names(node["routableAvailabilities"], default: defaults.routableAvailabilities),
            blockedActivities: try activities(node["blockedActivities"], default: defaults.blockedActivities),
            allowsBusyFromOwnCall: try node["allowsBusyFromOwnCall"].bool(default: defaults.allowsBusyFromOwnCall),
            unknownIsRoutable: try node["unknownIsRoutable"].bool(default: defaults.unknownIsRoutable))
    }

    /// A list of Graph activity names (an empty list is an empty set), or `value` when absent.
    private static func activities(_ node: ConfigurationNode, default value: Set<TeamsActivity>) throws -> Set<TeamsActivity> {
        guard node.isPresent else { return value }
        return Set(try node.list().map { item in
            let text = try item.string()
            guard let activity = TeamsActivity.known.first(where: { $0.graphValue == text }) else {
                throw item.error("unknown value \"\(text)\"; expected one of \(TeamsActivity.known.map(\.graphValue).joined(separator: ", "))")
            }
            return activity
        })
    }

    /// A list of Graph presence names (an empty list is an empty set), or `value` when absent.
    private static func names<Value>(_ node: ConfigurationNode, default value: Set<Value>) throws -> Set<Value>
    where Value: RawRepresentable & CaseIterable & Hashable, Value.RawValue == String {
        guard node.isPresent else { return value }
        return Set(try node.list().map { try $0.oneOf(Value.self) })
    }
}
