import Logging
@testable import Switchboard
import SwitchboardTestKit
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
        let logs = CapturedLogs()
        let logger = Logger(label: "test") { _ in WireSafeLogHandler(wrapping: logs.handler()) }
        logger.info("from \u{1B}[31m", metadata: ["sip.call_id": "a\u{0}b", "list": ["c\u{7F}"]])
        let line = logs.lines.first
        #expect(line?.message == #"from \x1B[31m"#)
        #expect(line?.metadata["sip.call_id"] == #"a\x00b"#)
        #expect(line.map { "\($0.metadata["list"] ?? "")" }?.contains("\u{7F}") == false)
    }
}
