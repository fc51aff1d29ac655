import SIPCore
import Testing

/// Header sections and requests share their values between copies until one changes: the tests
/// check that they still behave as values.
@Suite("Copy-on-write messages")
struct CopyOnWriteTests {
    static let request = SIPRequest(method: .invite, requestURI: SIPURI(user: "+4930123", host: "sbc.example.com"),
                                    headers: SIPSerializationTests.headers, body: Array("v=0\r\n".utf8))

    @Test("a changed copy of a header section leaves the original as it was")
    func headersCopy() {
        let original = SIPSerializationTests.headers
        var copy = original
        copy.via.insert(SIPVia(transport: "UDP", host: "192.0.2.99", parameters: [SIPParameter(name: "branch", value: "z9hG4bKnew")]), at: 0)
        copy.from.tag = "changed"
        copy.maxForwards = nil
        copy.add("X-Test", "1")
        #expect(original.via.count == 2 && copy.via.count == 3)
        #expect(original.from.tag == "f1" && copy.from.tag == "changed")
        #expect(original.maxForwards == 70 && copy.maxForwards == nil)
        #expect(original["X-Test"].isEmpty && copy["X-Test"] == ["1"])
        #expect(original != copy)
        #expect(SIPSerializationTests.headers == original)
    }

    @Test("a changed copy of a request leaves the original as it was, down to its header section")
    func requestCopy() {
        let original = Self.request
        var copy = original
        copy.headers.cseq.sequenceNumber += 1
        copy.requestURI.host = "other.example.com"
        copy.body.removeAll()
        #expect(original.headers.cseq.sequenceNumber == 2 && copy.headers.cseq.sequenceNumber == 3)
        #expect(original.requestURI.host == "sbc.example.com" && copy.requestURI.host == "other.example.com")
        #expect(original.body.count == 5 && copy.body.isEmpty)
        #expect(Self.request == original && original != copy)
    }

    @Test("equal values in separate boxes are equal and hash alike; a change back restores equality")
    func equalityAcrossBoxes() {
        let original = Self.request
        var copy = original
        copy.headers.callID = "other@switchboard"
        #expect(copy != original)
        copy.headers.callID = original.headers.callID
        #expect(copy == original)
        #expect(copy.hashValue == original.hashValue)
        #expect(Set([copy, original]).count == 1)
    }
}
