import Foundation
import Media
import Testing
import YAMLConfiguration

/// `media.srtp`: off by default, each value read when a queue answers its callers, anything else
/// refused naming the key, and SRTP without any answered hold refused as doing nothing.
@Suite("Media keys: srtp")
struct SRTPConfigurationYAMLTests {
    /// A configuration whose queue plays `prompts/welcome.wav` when `answers`, with `media` lines (the
    /// `media:` key is line 6, its first line 7).
    static func yaml(answers: Bool = true, _ media: [String]) -> String {
        (["sip:", "  listen: [{transport: udp, address: 127.0.0.1, port: 5070}]", "trunks: [{name: sbc, address: 127.0.0.1}]",
          "queues: [{name: support, numbers: [\"+15550100\"], agents: [alice]" + (answers ? ", announcements: {welcomePrompt: welcome}" : "") + "}]",
          "agents: [{id: alice, number: \"+15550201\"}]", "media:"]
            + (["prompts: prompts"] + media).map { "  " + $0 })
            .joined(separator: "\n")
    }

    /// A folder with `prompts/welcome.wav`, 20 ms of µ-law silence, removed by `body`'s end.
    static func withPrompts(_ body: (String) throws -> Void) throws {
        func bytes<T: FixedWidthInteger>(_ value: T) -> [UInt8] { (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) } }
        let format = bytes(UInt16(7)) + bytes(UInt16(1)) + bytes(UInt32(8000)) + bytes(UInt32(8000)) + bytes(UInt16(1)) + bytes(UInt16(8))
        let riffBody = Array("WAVEfmt ".utf8) + bytes(UInt32(format.count)) + format + Array("data".utf8) + bytes(UInt32(160))
            + Array(repeating: 0xFF, count: 160)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("srtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("prompts"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(Array("RIFF".utf8) + bytes(UInt32(riffBody.count)) + riffBody).write(to: directory.appendingPathComponent("prompts/welcome.wav"))
        try body(directory.path)
    }

    @Test("without the key SRTP is off")
    func defaultsOff() throws {
        try Self.withPrompts { directory in
            let answering = try SwitchboardConfiguration.parse(yaml: Self.yaml([]), directory: directory)
            let ringing = try SwitchboardConfiguration.parse(yaml: Self.yaml(answers: false, []), directory: directory)
            #expect(answering.media.srtp == .off && ringing.media.srtp == .off)
        }
    }

    @Test("off, optional and required are read", arguments: SRTPPolicy.allCases)
    func values(policy: SRTPPolicy) throws {
        try Self.withPrompts { directory in
            let parsed = try SwitchboardConfiguration.parse(yaml: Self.yaml(["srtp: \(policy.rawValue)"]), directory: directory)
            #expect(parsed.media.srtp == policy)
            #expect(parsed.holdMedia["support"] != nil)
        }
    }

    @Test("another value, or a YAML boolean, stops start-up naming media.srtp and its line", arguments: ["mandatory", "true", "[optional]"])
    func refused(value: String) throws {
        try Self.withPrompts { directory in
            let error = #expect(throws: ConfigurationError.self) {
                try SwitchboardConfiguration.parse(yaml: Self.yaml(["srtp: \(value)"]), directory: directory)
            }
            #expect(error?.key == "media.srtp")
            #expect(error?.line == 8)
            if value != "[optional]" { #expect(error?.message.contains("off, optional, required") == true) }
        }
    }

    @Test("optional or required without a queue that answers its callers protects nothing and is refused",
          arguments: [SRTPPolicy.optional, .required])
    func nothingToProtect(policy: SRTPPolicy) throws {
        try Self.withPrompts { directory in
            let error = #expect(throws: ConfigurationError.self) {
                try SwitchboardConfiguration.parse(yaml: Self.yaml(answers: false, ["srtp: \(policy.rawValue)"]), directory: directory)
            }
            #expect(error?.key == "media.srtp")
            #expect(error?.message.contains("no queue answers its callers") == true)
            let off = try SwitchboardConfiguration.parse(yaml: Self.yaml(answers: false, ["srtp: off"]), directory: directory)
            #expect(off.media.srtp == .off)
        }
    }
}
