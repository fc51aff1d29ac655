import SIPTransport
import Testing

@Suite("SIPHeaderScan: a new call's INVITE told from the rest before any parse")
struct SIPHeaderScanTests {
    static func invite(to: String, method: String = "INVITE") -> String {
        "\(method) sip:+15550100@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK1\r\n\(to)\r\nCall-ID: c1@h\r\nCSeq: 1 \(method)\r\n\r\n"
    }

    static func isInitial(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBytes { SIPHeaderScan.isInitialInvite($0) }
    }

    @Test("An INVITE whose To has no tag is a new call's", arguments: [
        "To: <sip:+15550100@192.0.2.1>",
        "t: sip:+15550100@192.0.2.1",
        "TO : \"Tag; tag=x\" <sip:+15550100@192.0.2.1;tag=inside-the-uri>",
        "To: <sip:+15550100@192.0.2.1>;tagged=1",
    ])
    func initial(to: String) {
        #expect(Self.isInitial(Self.invite(to: to)))
    }

    @Test("An INVITE inside a dialog, another method, or no To header is not", arguments: [
        invite(to: "To: <sip:+15550100@192.0.2.1>;tag=abc"),
        invite(to: "t: <sip:+15550100@192.0.2.1> ; TAG = abc"),
        invite(to: "To: sip:+15550100@192.0.2.1;x=1;tag=abc"),
        invite(to: "To: <sip:+15550100@192.0.2.1>", method: "OPTIONS"),
        invite(to: "Contact: <sip:a@b>"),
        "SIP/2.0 100 Trying\r\nTo: <sip:a@b>\r\nCSeq: 1 INVITE\r\n\r\n",
    ])
    func notInitial(message: String) {
        #expect(!Self.isInitial(message))
    }

    @Test func theScanFindsTheCallIDAsTheParserReadsIt() {
        let message = "INVITE sip:+15550100@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK1\r\n"
            + "cAlL-iD :  a84b4c76e66710@pc33.atlanta.com \r\nCSeq: 1 INVITE\r\n\r\nCall-ID: not-this-one\r\n"
        #expect(scanned(message) == "a84b4c76e66710@pc33.atlanta.com")
        #expect(scanned("BYE sip:a@b SIP/2.0\r\ni :  abc@h \r\n\r\n") == "abc@h")
        #expect(scanned("SIP/2.0 200 OK\nVia: SIP/2.0/UDP h\ni:compact@h\n\n") == "compact@h")
        #expect(scanned("INVITE sip:a@b SIP/2.0\r\nVia: x\r\n\r\nCall-ID: body@h\r\n") == nil, "a Call-ID in the body is not the header")
        #expect(scanned("INVITE sip:a@b SIP/2.0\r\nCall-ID: folded\r\n  @h\r\n\r\n") == nil, "a folded value is left to the parser")
        #expect(scanned("INVITE sip:a@b SIP/2.0\r\nCall-Info: <x>\r\nI-D: y\r\n\r\n") == nil)
        #expect(scanned("Call-ID: start-line@h\r\nVia: x\r\n\r\n") == nil, "the start line is no header")
    }

    private func scanned(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { buffer in
            SIPHeaderScan.callID(in: buffer).map { String(decoding: bytes[$0], as: UTF8.self) }
        }
    }
}
