import ACD

extension AnnouncementConfiguration {
    private static let positionModes: KeyValuePairs<String, PositionMode> = [
        "never": .never, "always": .always, "when-improved": .whenImproved,
    ]
    private static let ewtModes: KeyValuePairs<String, EWTMode> = ["never": .never, "once": .once]

    /// The keys that play only to a caller Switchboard answered (answered hold).
    private static let answeredHoldKeys = ["position", "ewt", "ewtRoundingSeconds", "periodicPrompt", "periodicPromptIntervalSeconds",
                                           "earlyMedia", "whisperPrompt"]

    /// Reads a queue's `announcements:`; absent keys keep the defaults (ringback, no prompts).
    /// `welcomePrompt` and `musicOnHold` name prompt files (answered hold), which the position and
    /// wait announcements, the periodic prompt, early media and the whisper prompt need (the whisper
    /// needs anchored media too, checked with the `media` section).
    static func parse(_ node: ConfigurationNode) throws -> AnnouncementConfiguration {
        let node = try node.allowingOnly([
            "welcomePrompt", "musicOnHold", "position", "ewt", "ewtRoundingSeconds", "periodicPrompt",
            "periodicPromptIntervalSeconds", "whisperPrompt", "callerNamePrefix", "earlyMedia",
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
        announcements.earlyMedia = try node["earlyMedia"].bool(default: false)
        for key in ["welcomePrompt", "musicOnHold", "periodicPrompt", "whisperPrompt"] where node[key].isPresent { try validatePromptName(node[key]) }
        if announcements.welcomePrompt == nil, announcements.musicOnHold == nil,
           let key = answeredHoldKeys.first(where: { node[$0].isPresent }) {
            throw node[key].error("is played only to a caller Switchboard answers: set welcomePrompt or musicOnHold too")
        }
        return announcements
    }

    /// A prompt is the file `<media.prompts>/<name>.wav`: a name, never a path.
    private static func validatePromptName(_ node: ConfigurationNode) throws {
        let name = try node.string()
        guard !name.isEmpty, !name.hasPrefix("."), !name.contains("/") else {
            throw node.error("expected a prompt name (the file <media.prompts>/<name>.wav), got \"\(name)\"")
        }
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
