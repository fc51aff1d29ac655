import B2BUA
import Foundation
import Logging
import NIOConcurrencyHelpers
import Switchboard
import Testing
import YAMLConfiguration

@Suite("Structured log lines: logfmt and JSON, values for people")
struct StructuredLogHandlerTests {
    private static func lines(_ format: LogFormat, _ body: (Logger) -> Void) -> [String] {
        let written = NIOLockedValueBox<[String]>([])
        let logger = Logger(label: "switchboardd") { label in
            StructuredLogHandler(label: label, format: format) { line in written.withLockedValue { $0.append(line) } }
        }
        body(logger)
        return written.withLockedValue { $0 }
    }

    @Test func logfmtQuotesWhatNeedsItAndSortsTheMetadata() throws {
        let line = try #require(Self.lines(.logfmt) { $0.info("caller queued", metadata: ["b.key": "two words", "a.key": "x=1", "c": ""]) }.first)
        #expect(line.hasSuffix("\n"))
        #expect(line.hasPrefix("time="))
        #expect(line.contains(#" level=info logger=switchboardd msg="caller queued" a.key="x=1" b.key="two words" c="""#))
        let time = try #require(line.split(separator: " ").first?.dropFirst("time=".count))
        #expect(try Date(String(time), strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) <= Date())
    }

    @Test func jsonIsOneObjectPerLineThatDecodes() throws {
        let line = try #require(Self.lines(.json) { $0.warning("say \"hi\"\\", metadata: ["acd.agent": "bob"]) }.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object["msg"] == "say \"hi\"\\")
        #expect(object["level"] == "warning")
        #expect(object["acd.agent"] == "bob")
        #expect(object["time"] != nil && object["logger"] == "switchboardd")
    }

    @Test func aCallRecordIsWrittenForPeopleNotAsSwiftDebugText() throws {
        let record = CallRecord(callID: "c1", queue: "support", callerNumber: "+15550123", arrivedAt: .zero, answeredAt: .seconds(5),
                                endedAt: .seconds(65), outcome: .completed(agentID: "bob", endedBy: .caller))
        let line = try #require(Self.lines(.logfmt) { $0.info("call record", metadata: record.metadata) }.first)
        #expect(line.contains("call.outcome=completed"))
        #expect(line.contains("acd.agent=bob"))
        #expect(line.contains("call.ended_by=caller"))
        #expect(line.contains("call.talk_seconds=60"))
        #expect(!line.contains("Optional(") && !line.contains("CallParty"))
    }
}
