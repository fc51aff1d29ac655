import Testing
@testable import YAMLConfiguration

@Suite("Early media keys")
struct EarlyMediaYAMLTests {
    @Test func earlyMediaIsReadForAQueueWithAnsweredHold() throws {
        try withPrompts { directory in
            let parsed = try SwitchboardConfiguration.parse(
                yaml: configuration(announcements: ["musicOnHold: music-on-hold", "earlyMedia: true"], media: ["prompts: prompts"]),
                directory: directory)
            #expect(parsed.holdMedia["support"] == QueueHoldMedia(welcome: nil, music: "music-on-hold", earlyMedia: true))
        }
    }

    @Test func withoutTheKeyTheCallerIsAnsweredAtOnce() throws {
        try withPrompts { directory in
            let parsed = try SwitchboardConfiguration.parse(
                yaml: configuration(announcements: ["musicOnHold: music-on-hold"], media: ["prompts: prompts"]), directory: directory)
            #expect(parsed.holdMedia["support"]?.earlyMedia == false)
        }
    }

    @Test("a misused earlyMedia names the key", arguments: [
        (["earlyMedia: true"], "is played only to a caller Switchboard answers: set welcomePrompt or musicOnHold too"),
        (["musicOnHold: jazz", "earlyMedia: sometimes"], "expected true or false"),
    ])
    func refused(announcements: [String], fragment: String) {
        let error = #expect(throws: ConfigurationError.self) {
            try SwitchboardConfiguration.parse(yaml: configuration(announcements: announcements, media: ["prompts: /tmp"]), directory: "/etc/switchboard")
        }
        #expect(error?.key == "queues[0].announcements.earlyMedia")
        #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "no error")")
    }
}
