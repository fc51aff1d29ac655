import ACD

extension RONAConfiguration {
    /// The failures an agent can be blamed for, by their YAML names (a trunk failure never counts).
    private static let agentFailures: KeyValuePairs<String, OfferFailureReason> = [
        "noAnswer": .noAnswer, "busy": .busy, "declined": .declined, "unreachable": .unreachable,
    ]

    /// Reads `acd.rona`; back-offs not listed keep their defaults, and 0 seconds means none. A break
    /// of 0 seconds lasts until the agent or a supervisor ends it (the control API's end-break).
    static func parse(_ node: ConfigurationNode) throws -> RONAConfiguration {
        let node = try node.allowingOnly(["missLimit", "countedFailures", "backOffSeconds", "breakSeconds"])
        var rona = RONAConfiguration()
        rona.missLimit = try node["missLimit"].int(in: 0...100, default: rona.missLimit)
        if node["countedFailures"].isPresent {
            rona.countedFailures = Set(try node["countedFailures"].list().map { try $0.choice(agentFailures) })
        }
        let backOff = try node["backOffSeconds"].allowingOnly(Set(agentFailures.map(\.key)))
        for (name, reason) in agentFailures where backOff[name].isPresent {
            rona.backOff[reason] = .seconds(try backOff[name].int(in: 0...86_400))
        }
        rona.breakDuration = try node["breakSeconds"].seconds(in: 0...86_400, default: rona.breakDuration)
        return rona
    }
}
