import Testing
@testable import YAMLConfiguration

@Suite("Anchored media keys")
struct AnchoredMediaYAMLTests {
    @Test func releaseIsTheDefaultMode() throws {
        let parsed = try SwitchboardConfiguration.parse(yaml: configuration(), directory: "/etc/switchboard")
        #expect(parsed.media.mode == .release)
    }

    @Test func anchoredModeLoadsTheWhisperPrompt() throws {
        try withPrompts { directory in
            let parsed = try SwitchboardConfiguration.parse(
                yaml: configuration(announcements: ["musicOnHold: music-on-hold", "whisperPrompt: welcome"],
                                    media: ["prompts: prompts", "mode: anchored"]),
                directory: directory)
            #expect(parsed.media.mode == .anchored)
            let hold = try #require(parsed.holdMedia["support"])
            #expect(hold.whisper?.name == "welcome")
            #expect(hold.whisper?.frameCount == 25)
        }
    }

    @Test("a misused mode or whisper names the key", arguments: [
        (configuration(media: ["mode: anchored"]), "media.mode", "anchored media needs answered hold on every queue, and queue support rings back"),
        (configuration(announcements: ["musicOnHold: jazz", "whisperPrompt: welcome"], media: ["prompts: /tmp"]),
         "queues[0].announcements.whisperPrompt", "needs media.mode: anchored: with media release Switchboard has no media path to the agent"),
        (configuration(media: ["mode: relay"]), "media.mode", "unknown value \"relay\"; expected one of release, anchored"),
        (configuration(announcements: ["musicOnHold: jazz"], media: ["prompts: /tmp", "mode: anchored", "srtp: required"]),
         "media.srtp", "required cannot hold with media.mode: anchored"),
        (configuration(announcements: ["musicOnHold: jazz", "whisperPrompt: ../welcome"], media: ["mode: anchored"]),
         "queues[0].announcements.whisperPrompt", "expected a prompt name"),
    ])
    func refused(yaml: String, key: String, fragment: String) {
        let error = #expect(throws: ConfigurationError.self) { try SwitchboardConfiguration.parse(yaml: yaml, directory: "/etc/switchboard") }
        #expect(error?.key == key)
        #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "no error")")
    }

    @Test func aMissingWhisperFileNamesTheKeyAndThePath() throws {
        try withPrompts { directory in
            let error = #expect(throws: ConfigurationError.self) {
                try SwitchboardConfiguration.parse(
                    yaml: configuration(announcements: ["musicOnHold: music-on-hold", "whisperPrompt: sales"],
                                        media: ["prompts: prompts", "mode: anchored"]),
                    directory: directory)
            }
            #expect(error?.key == "queues[0].announcements.whisperPrompt")
            #expect(error?.message.contains("cannot read \(directory)/prompts/sales.wav") == true, "\(error?.message ?? "no error")")
        }
    }
}
