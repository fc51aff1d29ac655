import ACD

extension AnnouncementConfiguration {
    private static let positionModes: KeyValuePairs<String, PositionMode> = [
        "never": .never, "always": .always, "when-improved": .whenImproved,
    ]
    private static let ewtModes: KeyValuePairs<String, EWTMode> = ["never": .never, "once": .once]

    /// The keys that need a media path (answered hold, prompts, DTMF); refused until one exists, so
    /// no setting is accepted and then silently ignored.
    private static let mediaKeys = [
        "welcomePrompt", "musicOnHold", "position", "ewt", "ewtRoundingSeconds", "periodicPrompt",
        "periodicPromptIntervalSeconds", "whisperPrompt",
    ]

    /// Reads a queue's `announcements:`; absent keys keep the defaults (ringback, no prompts). Keys that
    /// need a media path are validated, then refused.
    static func parse(_ node: ConfigurationNode) throws -> AnnouncementConfiguration {
        let node = try node.allowingOnly([
            "welcomePrompt", "musicOnHold", "position", "ewt", "ewtRoundingSeconds", "periodicPrompt",
            "periodicPromptIntervalSeconds", "whisperPrompt", "callerNamePrefix",
        ])
        var announcements = AnnouncementConfiguration()
        announcements.welcomePrompt = try node["welcomePrompt"].optionalString()
        announcements.musicOnHold = try node["musicOnHold"].optionalString()
        announcements.position = try parsePosition(node["position"], default: announcements.position)
        announcements.ewt = try parseEWT(node["ewt"], default: announcements.ewt)
        announcements.ewtRounding = try node["ewtRoundingSeconds"].seconds(in: 1...3_600, default: announcements.ewtRounding)
        announcements.periodicPrompt = try node["periodicPrompt"].optionalString()
        announcements.periodicPromptInterval = try node["periodicPromptIntervalSeconds"]
            .seconds(in: 5...3_600, default: announcements.periodicPromptInterval)
        announcements.whisperPrompt = try node["whisperPrompt"].optionalString()
        announcements.callerNamePrefix = try node["callerNamePrefix"].optionalString()
        if let key = mediaKeys.first(where: { node[$0].isPresent }) { throw node[key].needsMediaPath("a waiting caller hears ringback and no prompt") }
        return announcements
    }

    /// `never`, `always`, `when-improved`, or `{upTo: N}`.
    private static func parsePosition(_ node: ConfigurationNode, default value: PositionMode) throws -> PositionMode {
        guard node.node?.mapping != nil else { return try node.choice(positionModes, default: value) }
        return .upTo(try node.allowingOnly(["upTo"])["upTo"].int(in: 1...1_000))
    }

    /// `never`, `once`, or `{everySeconds: N}`.
    private static func parseEWT(_ node: ConfigurationNode, default value: EWTMode) throws -> EWTMode {
        guard node.node?.mapping != nil else { return try node.choice(ewtModes, default: value) }
        return .periodic(.seconds(try node.allowingOnly(["everySeconds"])["everySeconds"].int(in: 10...3_600)))
    }
}
