import Logging
@testable import Switchboard
import Testing

@Suite("Log lines stay safe whatever arrives on the wire")
struct WireSafeLogHandlerTests {
    @Test("Control characters are escaped", arguments: [
        ("call\u{0}id", #"call\x00id"#), ("a\u{1}b\u{7F}c", #"a\x01b\x7Fc"#), ("line\r\nbreak", #"line\x0D\x0Abreak"#),
        ("plain-call-id@192.0.2.1", "plain-call-id@192.0.2.1"),
    ])
    func escapes(input: String, expected: String) {
        #expect(WireSafeLogHandler.escaped(input, limit: 256) == expected)
    }

    @Test("Overlong values are cut, saying how much was dropped")
    func cuts() {
        #expect(WireSafeLogHandler.escaped(String(repeating: "x", count: 300), limit: 256) == String(repeating: "x", count: 256) + "…(44 more)")
    }

    @Test("Metadata values and the message reach the wrapped handler escaped")
    func wraps() {
        let recorder = RecordingLogHandler()
        let logger = Logger(label: "test") { _ in WireSafeLogHandler(wrapping: recorder) }
        logger.info("from \u{1B}[31m", metadata: ["sip.call_id": "a\u{0}b", "list": ["c\u{7F}"]])
        let event = recorder.events.first
        #expect(event?.message == #"from \x1B[31m"#)
        #expect(event?.metadata["sip.call_id"] == #"a\x00b"#)
        #expect(event?.metadata["list"]?.contains("\u{7F}") == false)
    }
}

/// Keeps what it is asked to log, as text.
final class RecordingLogHandler: LogHandler, @unchecked Sendable {
    struct Event {
        var message: String
        var metadata: [String: String]
    }

    var events: [Event] = []
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        events.append(Event(message: event.message.description,
                            metadata: (event.metadata ?? [:]).mapValues { "\($0)" }))
    }
}
