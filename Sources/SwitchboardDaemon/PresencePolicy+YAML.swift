import ACD

extension PresencePolicy {
    /// Reads a queue's `presence:`; each absent key keeps ``PresencePolicy/default``'s value.
    static func parse(_ node: ConfigurationNode) throws -> PresencePolicy {
        let node = try node.allowingOnly(["routableAvailabilities", "blockedActivities", "allowsBusyFromOwnCall", "unknownIsRoutable"])
        let defaults = PresencePolicy.default
        return PresencePolicy(
            routableAvailabilities: try names(node["routableAvailabilities"], default: defaults.routableAvailabilities),
            blockedActivities: try names(node["blockedActivities"], default: defaults.blockedActivities),
            allowsBusyFromOwnCall: try node["allowsBusyFromOwnCall"].bool(default: defaults.allowsBusyFromOwnCall),
            unknownIsRoutable: try node["unknownIsRoutable"].bool(default: defaults.unknownIsRoutable))
    }

    /// A list of Graph presence names (an empty list is an empty set), or `value` when absent.
    private static func names<Value>(_ node: ConfigurationNode, default value: Set<Value>) throws -> Set<Value>
    where Value: RawRepresentable & CaseIterable & Hashable, Value.RawValue == String {
        guard node.isPresent else { return value }
        return Set(try node.list().map { try $0.oneOf(Value.self) })
    }
}
