import Foundation
import Media
import Testing
@testable import YAMLConfiguration

/// A whole configuration: the support queue with `announcements` lines, then `media` lines (the
/// `media:` key itself is line 7, the `announcements:` key line 5).
func configuration(listen: String = "127.0.0.1", announcements: [String] = [], media: [String] = []) -> String {
    (["sip:", "  listen: [{transport: udp, address: \(listen), port: 5070}]", "trunks: [{name: sbc, address: 127.0.0.1}]",
      "queues:", "  - {name: support, numbers: [\"+15550100\"], agents: [alice]" + (announcements.isEmpty ? "" : ", announcements: {\(announcements.joined(separator: ", "))}") + "}",
      "agents: [{id: alice, number: \"+15550201\"}]"]
        + (media.isEmpty ? [] : ["media:"] + media.map { "  " + $0 }))
        .joined(separator: "\n")
}

/// A µ-law WAV file (format 7) of `samples` bytes of silence.
private func muLawWAV(samples: Int) -> [UInt8] {
    func bytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] { (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) } }
    let fmt = bytes(UInt16(7)) + bytes(UInt16(1)) + bytes(UInt32(8000)) + bytes(UInt32(8000)) + bytes(UInt16(1)) + bytes(UInt16(8))
    let body = Array("WAVE".utf8) + Array("fmt ".utf8) + bytes(UInt32(fmt.count)) + fmt
        + Array("data".utf8) + bytes(UInt32(samples)) + Array(repeating: 0xFF, count: samples)
    return Array("RIFF".utf8) + bytes(UInt32(body.count)) + body
}

/// A folder with `prompts/welcome.wav` (0.5 s) and `prompts/music-on-hold.wav` (1 s), removed by `body`'s end.
func withPrompts(_ body: (String) throws -> Void) throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("media-\(UUID().uuidString)")
    let prompts = directory.appendingPathComponent("prompts")
    try FileManager.default.createDirectory(at: prompts, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try Data(muLawWAV(samples: 4_000)).write(to: prompts.appendingPathComponent("welcome.wav"))
    try Data(muLawWAV(samples: 8_000)).write(to: prompts.appendingPathComponent("music-on-hold.wav"))
    try Data("not a wave".utf8).write(to: prompts.appendingPathComponent("broken.wav"))
    try body(directory.path)
}

@Suite("Media keys")
struct MediaConfigurationYAMLTests {
    @Test func withoutTheSectionRTPBindsToTheFirstListenerOnPorts20000To29999() throws {
        let parsed = try SwitchboardConfiguration.parse(yaml: configuration(), directory: "/etc/switchboard")
        #expect(parsed.media == MediaSettings(address: "127.0.0.1", rtpPorts: 20_000...29_999, promptDirectory: nil))
        #expect(parsed.holdMedia.isEmpty)
        #expect(parsed.music.isEmpty)
    }

    @Test func everyKeyIsReadAndARelativePromptFolderIsTakenFromTheConfigurationsFolder() throws {
        let parsed = try SwitchboardConfiguration.parse(
            yaml: configuration(media: ["address: 192.0.2.20", "rtpPorts: {first: 30000, last: 30099}", "prompts: prompts"]),
            directory: "/etc/switchboard")
        #expect(parsed.media == MediaSettings(address: "192.0.2.20", rtpPorts: 30_000...30_099, promptDirectory: "/etc/switchboard/prompts"))
    }

    @Test func aQueuesWelcomePromptAndMusicAreLoadedEncoded() throws {
        try withPrompts { directory in
            let parsed = try SwitchboardConfiguration.parse(
                yaml: configuration(announcements: ["welcomePrompt: welcome", "musicOnHold: music-on-hold"], media: ["prompts: prompts"]),
                directory: directory)
            let hold = try #require(parsed.holdMedia["support"])
            #expect(hold.welcome?.name == "welcome")
            #expect(hold.welcome?.frameCount == 25)
            #expect(hold.music == "music-on-hold")
            #expect(parsed.music["music-on-hold"]?.frameCount == 50)
        }
    }

    @Test func musicAloneIsAnsweredHoldToo() throws {
        try withPrompts { directory in
            let parsed = try SwitchboardConfiguration.parse(
                yaml: configuration(announcements: ["musicOnHold: music-on-hold"], media: ["prompts: prompts"]), directory: directory)
            #expect(parsed.holdMedia["support"] == QueueHoldMedia(welcome: nil, music: "music-on-hold"))
        }
    }

    @Test("a prompt that cannot be loaded names the queue's key and the path", arguments: [
        (["welcomePrompt: hello"], "queues[0].announcements.welcomePrompt", "cannot read "),
        (["musicOnHold: broken"], "queues[0].announcements.musicOnHold", "cannot play "),
    ])
    func unloadablePrompt(announcements: [String], key: String, fragment: String) throws {
        try withPrompts { directory in
            let error = #expect(throws: ConfigurationError.self) {
                try SwitchboardConfiguration.parse(yaml: configuration(announcements: announcements, media: ["prompts: prompts"]), directory: directory)
            }
            #expect(error?.key == key)
            #expect(error?.line == 5)
            #expect(error?.message.contains(fragment + directory + "/prompts/") == true, "\(error?.message ?? "no error")")
        }
    }

    @Test("a misconfigured media section names the key", arguments: [
        (configuration(announcements: ["musicOnHold: jazz"]), "queues[0].announcements.musicOnHold", "media.prompts, the folder of prompt files, is not set"),
        (configuration(listen: "0.0.0.0", announcements: ["musicOnHold: jazz"], media: ["prompts: /tmp"]), "media.address", "set the address the SBC sends RTP to"),
        (configuration(media: ["rtpPorts: {first: 20001}"]), "media.rtpPorts.first", "expected an even port"),
        (configuration(media: ["rtpPorts: {first: 20000, last: 20000}"]), "media.rtpPorts.last", "must be above first (20000)"),
        (configuration(media: ["rtpPort: {first: 20000}"]), "media.rtpPort", "unknown key; expected one of address, mode, prompts, realtimePriority, rtpPorts, srtp"),
        (configuration(media: ["address: switchboard.example.com"]), "media.address", "expected an IPv4 or IPv6 address"),
        (configuration(announcements: ["welcomePrompt: ../welcome"]), "queues[0].announcements.welcomePrompt", "expected a prompt name"),
    ])
    func refused(yaml: String, key: String, fragment: String) {
        let error = #expect(throws: ConfigurationError.self) { try SwitchboardConfiguration.parse(yaml: yaml, directory: "/etc/switchboard") }
        #expect(error?.key == key)
        #expect(error?.message.contains(fragment) == true, "\(error?.message ?? "no error")")
    }
}

@Suite("Announcement keys")
struct AnnouncementConfigurationYAMLTests {
    @Test func positionAndWaitLoadEveryWordOfTheAnnouncements() throws {
        try withPrompts { directory in
            let words = directory + "/prompts"
            for name in AnnouncementWords.promptNames {
                try Data(muLawWAV(samples: 800)).write(to: URL(fileURLWithPath: words).appendingPathComponent(name + ".wav"))
            }
            let parsed = try SwitchboardConfiguration.parse(
                yaml: configuration(announcements: ["musicOnHold: music-on-hold", "position: {upTo: 5}", "ewt: {everySeconds: 60}",
                                                    "ewtRoundingSeconds: 300"], media: ["prompts: prompts"]), directory: directory)
            #expect(parsed.holdMedia["support"] == QueueHoldMedia(welcome: nil, music: "music-on-hold", position: .upTo(5),
                                                                   ewt: .periodic(.seconds(60)), ewtRounding: .seconds(300)))
            #expect(Set(parsed.announcementWords.keys) == Set(AnnouncementWords.promptNames))
        }
    }

    @Test func aPeriodicPromptIsLoadedWithItsInterval() throws {
        try withPrompts { directory in
            let parsed = try SwitchboardConfiguration.parse(
                yaml: configuration(announcements: ["musicOnHold: music-on-hold", "periodicPrompt: welcome", "periodicPromptIntervalSeconds: 45"],
                                    media: ["prompts: prompts"]), directory: directory)
            let hold = try #require(parsed.holdMedia["support"])
            #expect(hold.periodicPrompt?.name == "welcome")
            #expect(hold.periodicPromptInterval == .seconds(45))
            #expect(parsed.announcementWords.isEmpty, "a periodic prompt needs no announcement words")
        }
    }

    @Test func withoutAnnouncementsNoWordIsLoaded() throws {
        try withPrompts { directory in
            let parsed = try SwitchboardConfiguration.parse(yaml: configuration(announcements: ["musicOnHold: music-on-hold"], media: ["prompts: prompts"]),
                                                            directory: directory)
            #expect(parsed.announcementWords.isEmpty)
        }
    }

    @Test func aMissingWordNamesTheQueuesKeyAndThePath() throws {
        try withPrompts { directory in
            let error = #expect(throws: ConfigurationError.self) {
                try SwitchboardConfiguration.parse(yaml: configuration(announcements: ["musicOnHold: music-on-hold", "ewt: once"], media: ["prompts: prompts"]),
                                                   directory: directory)
            }
            #expect(error?.key == "queues[0].announcements.ewt")
            #expect(error?.message == "cannot read \(directory)/prompts/you-are-caller-number.wav")
        }
    }

    @Test func positionWithoutAnsweredHoldIsRefused() {
        let error = #expect(throws: ConfigurationError.self) {
            try SwitchboardConfiguration.parse(yaml: configuration(announcements: ["position: always"]), directory: "/etc/switchboard")
        }
        #expect(error?.key == "queues[0].announcements.position")
        #expect(error?.message.contains("set welcomePrompt or musicOnHold too") == true, "\(error?.message ?? "no error")")
    }
}
